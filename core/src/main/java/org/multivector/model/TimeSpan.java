package org.multivector.model;

/**
 * The simulated years {@code start..end} (one step is one year) and the last year for which the
 * run is re-anchored to observed series; after {@code lastObserved} the model runs free.
 */
public record TimeSpan(int start, int end, int lastObserved) {
    /** The earliest and latest years a scenario may name. */
    public static final int MIN_YEAR = 1900;

    public static final int MAX_YEAR = 2200;

    public TimeSpan {
        if (start < MIN_YEAR || end > MAX_YEAR || end < start) {
            throw new IllegalArgumentException("bad time span " + start + ".." + end);
        }
        if (lastObserved < start - 1 || lastObserved > end) {
            throw new IllegalArgumentException("lastObserved outside " + start + ".." + end);
        }
    }

    public int years() {
        return end - start + 1;
    }

    public boolean contains(int year) {
        return year >= start && year <= end;
    }
}
