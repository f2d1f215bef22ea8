package org.multivector.model;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A land (or river or sea) boundary between two actors, with its length in km (null when not given: the model
 * does not use it), the years it exists
 * ({@code from} up to, excluding, {@code until}) and its status over time: each entry of {@code status} holds from its
 * year until the next one (open before the first). A closed border is still a border — incidents happen at closed
 * borders — but no pole across a closed border gets the proximity bonus of its offers.
 */
public record Border(
        String a,
        String b,
        Quantity lengthKm,
        int from,
        OptionalInt until,
        NavigableMap<Integer, BorderStatus> status) {
    public Border {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(until, "until");
        status = Collections.unmodifiableNavigableMap(new TreeMap<>(status));
    }

    /** A border that exists in every year and is always open. */
    public Border(String a, String b, Quantity lengthKm) {
        this(a, b, lengthKm, Integer.MIN_VALUE, OptionalInt.empty(), new TreeMap<>());
    }

    public boolean joins(String x, String y) {
        return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
    }

    /** True when the border exists in {@code year}. */
    public boolean existsIn(int year) {
        return year >= from && (until.isEmpty() || year < until.getAsInt());
    }

    /** True when the border exists and is open in {@code year}. */
    public boolean openIn(int year) {
        if (!existsIn(year)) {
            return false;
        }
        Map.Entry<Integer, BorderStatus> e = status.floorEntry(year);
        return e == null || e.getValue() == BorderStatus.OPEN;
    }

    /** The border as known at the end of {@code cut}: later status changes and a later end are not known. */
    public Border knownAt(int cut) {
        OptionalInt u = until.isPresent() && until.getAsInt() <= cut ? until : OptionalInt.empty();
        return new Border(a, b, lengthKm, from, u, new TreeMap<>(status.headMap(cut, true)));
    }
}
