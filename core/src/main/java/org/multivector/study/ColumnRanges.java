package org.multivector.study;

import java.util.List;
import org.multivector.engine.Variable;

/**
 * The range each recorded variable is summarised over (for {@link SeriesStats}' histograms). Shares,
 * balance, hazards, probabilities and indicators lie in [0, 1]; the RSI in [0, 100]; S-scores in
 * [−1, 1]; incident counts and expected incidents in [0, number of dyads]. Values outside a range
 * are still counted exactly in the mean, sd, minimum and maximum.
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

    /** All columns 0..width−1. */
    public static int[] all(int width) {
        int[] c = new int[width];
        for (int i = 0; i < width; i++) {
            c[i] = i;
        }
        return c;
    }
}
