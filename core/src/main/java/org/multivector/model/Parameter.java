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

    /** The provenance prefix of a value taken from the default parameter set (docs/SCENARIO.md). */
    public static final String DEFAULT_SET = "default parameter set: ";

    /** True when the scenario did not give this parameter and it came from the default parameter set. */
    public boolean fromDefaults() {
        return provenance.isAssumption() && provenance.assumption().startsWith(DEFAULT_SET);
    }

    public Parameter withValue(double v) {
        return new Parameter(name, v, Math.min(min, v), Math.max(max, v), meaning, provenance);
    }
}
