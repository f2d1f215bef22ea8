package org.multivector.metric;

/**
 * Dependence / coercion exposure of a state: the largest pole share weighted by that pole's
 * coercive potential, {@code max_p s_p k_p} (0..1 when k is in 0..1). It follows the
 * asymmetric-interdependence view of power (Keohane &amp; Nye 1977; Hirschman 1945): dependence on a
 * partner matters in proportion to that partner's ability and readiness to use it.
 */
public final class CoercionExposure {
    private CoercionExposure() {}

    public static double of(double[] shares, int offset, int stride, double[] coercion) {
        double max = 0;
        for (int p = 0; p < coercion.length; p++) {
            max = Math.max(max, shares[offset + p * stride] * coercion[p]);
        }
        return max;
    }
}
