package org.multivector.model;

import java.util.Objects;
import java.util.OptionalInt;

/** A state's membership in an institution from {@code joined} up to (excluding) {@code left}. */
public record Membership(String state, int joined, OptionalInt left, Provenance provenance) {
    public Membership {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(provenance, "provenance");
    }

    public boolean activeIn(int year) {
        return year >= joined && (left.isEmpty() || year < left.getAsInt());
    }
}
