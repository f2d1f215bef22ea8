package org.multivector.bargain;

/**
 * Distances and utilities in the issue space (SPEC §5.1).
 *
 * <p>{@code dist(i, y) = sqrt(Σ_d (s_{i,d}·(ι_{i,d} − y_d))² / Σ_d s_{i,d}²)}: the
 * salience-weighted Euclidean distance from actor i's ideal point ι_i to a position y, normalised
 * so it lies in [0, 1]. {@code util(δ, R) = (1 − δ)(1 + δR)} for δ ≤ 1 (the quadratic family of
 * Bueno de Mesquita's expected-utility model: R = 0 linear, R &gt; 0 risk-accepting / convex,
 * R &lt; 0 risk-averse / concave), {@code (1 − δ)(1 + R)} beyond 1.
 */
public final class SpatialUtility {
    private SpatialUtility() {}

    /** Actor's salience-weighted distance from {@code ideal} to {@code y}. */
    public static double distance(double[] salience, double[] ideal, double[] y) {
        double num = 0;
        double den = 0;
        for (int d = 0; d < y.length; d++) {
            double t = salience[d] * (ideal[d] - y[d]);
            num += t * t;
        }
        for (int d = 0; d < y.length; d++) {
            den += salience[d] * salience[d];
        }
        return Math.sqrt(num / den);
    }

    public static double utility(double delta, double r) {
        if (delta < 0) {
            throw new BargainingException("negative distance " + delta);
        }
        return delta <= 1 ? (1 - delta) * (1 + delta * r) : (1 - delta) * (1 + r);
    }
}
