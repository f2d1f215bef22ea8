package org.multivector.metric;

/**
 * Concentration of shares: {@code HHI = Σ s_k²} after renormalising to sum 1 (Herfindahl 1950,
 * Hirschman 1945). Ranges from {@code 1/n} (even) to 1 (all with one pole). All-zero shares give 0.
 */
public final class HerfindahlIndex {
    private HerfindahlIndex() {}

    public static double of(double[] a, int offset, int stride, int n, int skip) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (k != skip) {
                sum += a[offset + k * stride];
            }
        }
        if (sum <= 0) {
            return 0;
        }
        double h = 0;
        for (int k = 0; k < n; k++) {
            if (k != skip) {
                double s = a[offset + k * stride] / sum;
                h += s * s;
            }
        }
        return h;
    }

    public static double of(double... shares) {
        return of(shares, 0, 1, shares.length, -1);
    }
}
