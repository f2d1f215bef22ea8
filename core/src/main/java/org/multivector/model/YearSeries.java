package org.multivector.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A yearly series with provenance. Years are strictly increasing; gaps are missing values, never
 * zeros. {@link #at(int)} reads an observation; {@link #valueOrCarry(int)} holds the nearest
 * earlier observation (or the first one before the series starts), which is how the engine treats
 * exogenous series outside their observed range.
 */
public final class YearSeries {
    private final int[] years;
    private final double[] values;
    private final Provenance provenance;

    public YearSeries(int[] years, double[] values, Provenance provenance) {
        if (years.length != values.length) {
            throw new IllegalArgumentException("years and values differ in length");
        }
        if (years.length == 0) {
            throw new IllegalArgumentException("a series needs at least one value");
        }
        for (int k = 1; k < years.length; k++) {
            if (years[k] <= years[k - 1]) {
                throw new IllegalArgumentException("years must increase: " + years[k - 1] + ", " + years[k]);
            }
        }
        this.years = years.clone();
        this.values = values.clone();
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /** The observations up to and including {@code year}; empty when the series starts later. */
    public java.util.Optional<YearSeries> until(int year) {
        int n = 0;
        while (n < years.length && years[n] <= year) {
            n++;
        }
        if (n == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                n == years.length
                        ? this
                        : new YearSeries(
                                java.util.Arrays.copyOf(years, n), java.util.Arrays.copyOf(values, n), provenance));
    }

    public int firstYear() {
        return years[0];
    }

    public int lastYear() {
        return years[years.length - 1];
    }

    public int size() {
        return years.length;
    }

    public int yearAt(int index) {
        return years[index];
    }

    public double valueAtIndex(int index) {
        return values[index];
    }

    public Provenance provenance() {
        return provenance;
    }

    /** The observation for {@code year}, or empty when the year is missing. */
    public OptionalDouble at(int year) {
        int k = Arrays.binarySearch(years, year);
        return k >= 0 ? OptionalDouble.of(values[k]) : OptionalDouble.empty();
    }

    /** The observation for {@code year}, else the latest earlier one, else the first. */
    public double valueOrCarry(int year) {
        int k = Arrays.binarySearch(years, year);
        if (k >= 0) {
            return values[k];
        }
        int insertion = -k - 1;
        return insertion == 0 ? values[0] : values[insertion - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YearSeries s
                && Arrays.equals(years, s.years)
                && Arrays.equals(values, s.values)
                && provenance.equals(s.provenance);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(years) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "YearSeries[" + years[0] + ".." + lastYear() + ", n=" + years.length + "]";
    }
}
