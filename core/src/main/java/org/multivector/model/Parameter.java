package org.multivector.model;

import java.util.Objects;

/**
 * A model coefficient: its value, the plausible range {@code min..max} used by sensitivity analysis
 * and calibration, what it means, and where the value comes from.
 */
public record Parameter(String name, double value, double min, double max, String meaning, Provenance provenance) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provenance, "provenance");
        if (!(min <= value && value <= max)) {
            throw new IllegalArgumentException(name + ": " + value + " outside its range " + min + ".." + max);
        }
    }

    public Parameter withValue(double v) {
        return new Parameter(name, v, Math.min(min, v), Math.max(max, v), meaning, provenance);
    }
}
