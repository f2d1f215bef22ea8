package org.multivector.engine;

import java.util.List;
import java.util.Objects;

/**
 * One run's recorded history: for each year of the run and each {@link Variable}, a value
 * ({@code NaN} where a variable is not defined, e.g. drift after the last observed year).
 * Values are stored year-major: {@code values[yearIndex * variables.size() + variableIndex]}.
 */
public final class Trajectory {
    private final String scenarioHash;
    private final long seed;
    private final long runIndex;
    private final int firstYear;
    private final int years;
    private final List<Variable> variables;
    private final double[] values;

    public Trajectory(
            String scenarioHash,
            long seed,
            long runIndex,
            int firstYear,
            int years,
            List<Variable> variables,
            double[] values) {
        this.scenarioHash = Objects.requireNonNull(scenarioHash);
        this.seed = seed;
        this.runIndex = runIndex;
        this.firstYear = firstYear;
        this.years = years;
        this.variables = List.copyOf(variables);
        if (values.length != years * variables.size()) {
            throw new IllegalArgumentException(
                    "values has " + values.length + " entries, expected " + years * variables.size());
        }
        this.values = values;
    }

    public String scenarioHash() {
        return scenarioHash;
    }

    public long seed() {
        return seed;
    }

    public long runIndex() {
        return runIndex;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return firstYear + years - 1;
    }

    public int years() {
        return years;
    }

    public List<Variable> variables() {
        return variables;
    }

    /** Index of a variable, or -1. */
    public int indexOf(String actor, String name) {
        return variables.indexOf(new Variable(actor, name));
    }

    public double value(int year, int variableIndex) {
        return values[(year - firstYear) * variables.size() + variableIndex];
    }

    /** The value of {@code actor}'s {@code name} in {@code year}. */
    public double value(int year, String actor, String name) {
        int v = indexOf(actor, name);
        if (v < 0) {
            throw new IllegalArgumentException("no variable " + actor + " " + name);
        }
        return value(year, v);
    }

    /** A copy of the raw values (year-major). */
    public double[] values() {
        return values.clone();
    }
}
