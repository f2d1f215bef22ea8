package org.multivector.model;

import java.util.Objects;

/** A single number with its provenance. */
public record Quantity(double value, Provenance provenance) {
    public Quantity {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        Objects.requireNonNull(provenance, "provenance");
    }
}
