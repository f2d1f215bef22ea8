package org.multivector.study;

import java.util.List;
import org.multivector.engine.Variable;

/**
 * The range each recorded variable is summarised over (for {@link SeriesStats}' histograms). Shares,
 * balance, hazards, probabilities and indicators lie in [0, 1]; the RSI in [0, 100]; S-scores in
 * [−1, 1]; incident counts and expected incidents in [0, number of dyads]. Values outside a range
 * are still counted exactly in the mean, sd, minimum and maximum. Counts ({@code incidents}, a dyad's
 * {@code incident}, a state's {@code unrest}, a negotiation's {@code open}) are whole numbers and are summarised with
 * one bin per value, so their quantiles are exact ({@link SeriesStats}).
 */
public final class ColumnRanges {
    private ColumnRanges() {}

    public static double[][] of(List<Variable> variables, int[] columns) {
        long dyads = variables.stream().filter(v -> v.name().equals("tension")).count();
        double[] lo = new double[columns.length];
        double[] hi = new double[columns.length];
        for (int k = 0; k < columns.length; k++) {
            String name = variables.get(columns[k]).name();
            lo[k] = 0;
            hi[k] = 1;
            if (name.equals("rsi")) {
                hi[k] = 100;
            } else if (name.equals("sscore") || name.equals("sscore.mean")) {
                lo[k] = -1;
            } else if (name.equals("incidents") || name.equals("incidents.expected")) {
                hi[k] = Math.max(1, dyads);
            }
        }
        return new double[][] {lo, hi};
    }

    /** The whole-number variables, summarised with exact quantiles. */
    static final java.util.Set<String> COUNTS = java.util.Set.of("incidents", "incident", "unrest", "open");

    /** Which of {@code columns} hold counts ({@link #COUNTS}). */
    public static boolean[] counts(List<Variable> variables, int[] columns) {
        boolean[] c = new boolean[columns.length];
        for (int k = 0; k < columns.length; k++) {
            c[k] = COUNTS.contains(variables.get(columns[k]).name());
        }
        return c;
    }

    /** An empty summary of {@code columns} of runs of {@code years} years, each with its range and counts exact. */
    public static SeriesStats summary(List<Variable> variables, int years, int[] columns) {
        double[][] range = of(variables, columns);
        return new SeriesStats(years, variables.size(), columns, range[0], range[1], counts(variables, columns));
    }

    /** All columns 0..width−1. */
    public static int[] all(int width) {
        int[] c = new int[width];
        for (int i = 0; i < width; i++) {
            c[i] = i;
        }
        return c;
    }
}
