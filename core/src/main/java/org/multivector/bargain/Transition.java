package org.multivector.bargain;

/**
 * The state transition and the stopping rule (SPEC §9–§10).
 *
 * <p>Ideals follow positions through the accommodation matrix A:
 * {@code ι_i ← Σ_j A_ij x_j + (1 − min(1, Σ_j A_ij)) ι_i} (sums in j order; with A = I the ideal is
 * the new position). The distance between two states is {@code Σ_i ‖x_i − x'_i‖₂}; after state t
 * the run stops when {@code t ≥ maxTurns}, or when {@code t ≥ 2} and
 * {@code dist(S_t, S_{t−1}) / (dist(S_1, S_0) + 10⁻⁴) < 0.02}.
 */
public final class Transition {
    /** Stop when a turn moves less than this fraction of the first turn's movement. */
    public static final double STOP_RATIO = 0.02;
    /** Additive guard of the first turn's movement in the stopping ratio. */
    public static final double STOP_GUARD = 1e-4;

    private Transition() {}

    /** The next ideal points, given the new positions {@code x} and the current ideals. */
    public static double[][] ideals(double[][] accommodation, double[][] x, double[][] ideal) {
        int n = x.length;
        int dims = n == 0 ? 0 : x[0].length;
        double[][] out = new double[n][dims];
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (int j = 0; j < n; j++) {
                rowSum += accommodation[i][j];
            }
            if (rowSum > 1 + 1e-10) {
                throw new BargainingException("accommodation row " + i + " sums to " + rowSum + ", more than 1");
            }
            double keep = 1 - Math.min(1, rowSum);
            for (int d = 0; d < dims; d++) {
                double acc = 0;
                for (int j = 0; j < n; j++) {
                    acc += accommodation[i][j] * x[j][d];
                }
                out[i][d] = acc + keep * ideal[i][d];
            }
        }
        return out;
    }

    /** {@code Σ_i ‖x_i − y_i‖₂}. */
    public static double distance(double[][] x, double[][] y) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            total += euclid(x[i], y[i]);
        }
        return total;
    }

    /** {@code ‖a − b‖₂}. */
    public static double euclid(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double t = a[d] - b[d];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /** The stopping ratio of a turn that moved {@code moved}, given the first turn's movement. */
    public static double ratio(double moved, double firstMove) {
        return moved / (firstMove + STOP_GUARD);
    }

    /** Whether the run stops after state {@code state} with this ratio. */
    public static boolean stops(int state, double ratio, int maxTurns) {
        return state >= maxTurns || (state >= 2 && ratio < STOP_RATIO);
    }
}
