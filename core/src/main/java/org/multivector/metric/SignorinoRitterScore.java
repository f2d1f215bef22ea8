package org.multivector.metric;

/**
 * Similarity of two states' tie vectors, Signorino &amp; Ritter's S (1999, "Tau-b or Not Tau-b",
 * International Studies Quarterly 43: 115–144): {@code S = 1 - 2 Σ_k w_k |x_k - y_k| / Σ_k w_k Δ_k},
 * the weighted L1 variant, with Δ_k the range of component k (1 for shares). S = 1 for identical
 * vectors, -1 for maximally different ones.
 */
public final class SignorinoRitterScore {
    private SignorinoRitterScore() {}

    /**
     * S over {@code n} components of {@code x} and {@code y} from their offsets, with weights
     * {@code w} (length n) and the same range Δ for every component.
     */
    public static double of(double[] x, int xOffset, double[] y, int yOffset, double[] w, int n, double range) {
        return ofMax(x, xOffset, y, yOffset, w, n, maxDistance(w, n, range));
    }

    /**
     * The same score with {@code dMax = Σ_k w_k range} given (a caller comparing many pairs over the same weights sums
     * it once, in the same order, so the score has the same bits).
     */
    public static double ofMax(double[] x, int xOffset, double[] y, int yOffset, double[] w, int n, double dMax) {
        double d = 0;
        for (int k = 0; k < n; k++) {
            d += w[k] * Math.abs(x[xOffset + k] - y[yOffset + k]);
        }
        return dMax > 0 ? 1 - 2 * d / dMax : 1;
    }

    /** {@code Σ_k w_k range} over the first {@code n} weights, the largest weighted distance. */
    public static double maxDistance(double[] w, int n, double range) {
        double dMax = 0;
        for (int k = 0; k < n; k++) {
            dMax += w[k] * range;
        }
        return dMax;
    }

    /** S with explicit ranges Δ_k. */
    public static double of(double[] x, double[] y, double[] w, double[] range) {
        double d = 0;
        double dMax = 0;
        for (int k = 0; k < x.length; k++) {
            d += w[k] * Math.abs(x[k] - y[k]);
            dMax += w[k] * range[k];
        }
        return dMax > 0 ? 1 - 2 * d / dMax : 1;
    }
}
