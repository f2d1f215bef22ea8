package org.multivector.model;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A state's membership in an institution from {@code joined} up to (excluding) {@code left}, with its status over
 * time: each entry of {@code status} holds from its year until the next (a full member before the first), so
 * Turkmenistan's associate CIS membership from 2005 or Uzbekistan's suspended CSTO membership can be written
 * without pretending the state left.
 */
public record Membership(
        String state,
        int joined,
        OptionalInt left,
        NavigableMap<Integer, MembershipStatus> status,
        Provenance provenance) {
    public Membership {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(left, "left");
        status = Collections.unmodifiableNavigableMap(new TreeMap<>(status));
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A full membership with no status changes. */
    public Membership(String state, int joined, OptionalInt left, Provenance provenance) {
        this(state, joined, left, new TreeMap<>(), provenance);
    }

    /** True when the state belongs to the institution in {@code year}, whatever its status. */
    public boolean activeIn(int year) {
        return year >= joined && (left.isEmpty() || year < left.getAsInt());
    }

    /** The status in {@code year} (meaningful only while {@link #activeIn}). */
    public MembershipStatus statusIn(int year) {
        Map.Entry<Integer, MembershipStatus> e = status.floorEntry(year);
        return e == null ? MembershipStatus.MEMBER : e.getValue();
    }

    /** True when the state is a full member in {@code year}. */
    public boolean memberIn(int year) {
        return activeIn(year) && statusIn(year) == MembershipStatus.MEMBER;
    }

    /** The membership as known at the end of {@code cut}: later departures and status changes are not known. */
    public Membership knownAt(int cut) {
        OptionalInt l = left.isPresent() && left.getAsInt() <= cut ? left : OptionalInt.empty();
        return new Membership(state, joined, l, new TreeMap<>(status.headMap(cut, true)), provenance);
    }
}
