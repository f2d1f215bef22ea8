package org.multivector.model;

import java.util.Objects;

/** A land border between two actors, with its length in km. */
public record Border(String a, String b, Quantity lengthKm) {
    public Border {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(lengthKm, "lengthKm");
    }

    public boolean joins(String x, String y) {
        return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
    }
}
