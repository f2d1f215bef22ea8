package org.multivector.model;

import java.util.Objects;

/**
 * A single number with its provenance. A judgement made with knowledge of later events can say so: {@code knownFrom}
 * is the year its knowledge dates from, and {@code asOf} the value (with its own reason) an analyst would have chosen
 * before then, or null for the neutral default; {@link Scenario#knownAt} uses them, so a backtest cut before
 * {@code knownFrom} does not see the later judgement.
 */
public record Quantity(double value, Provenance provenance, Integer knownFrom, Quantity asOf) {
    public Quantity {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    public Quantity(double value, Provenance provenance) {
        this(value, provenance, null, null);
    }

    /**
     * This quantity as known at the end of {@code cut}: itself, its {@code asOf} as known then (an {@code asOf} may
     * carry its own {@code knownFrom} and earlier {@code asOf}), or {@code neutral}.
     */
    public Quantity knownAt(int cut, Quantity neutral) {
        if (knownFrom == null || knownFrom <= cut) {
            return this;
        }
        return asOf != null ? asOf.knownAt(cut, neutral) : neutral;
    }
}
