package org.multivector.metric;

import org.multivector.numeric.PortableMath;

/**
 * Vector balance as normalised Shannon entropy: {@code H(s) = -Σ s_k ln s_k / ln n} over the
 * {@code n} poles, after renormalising the shares to sum to 1. 1 means evenly balanced between all
 * poles, 0 a single-vector policy. Shannon (1948); normalised ("evenness") as Pielou (1966).
 * Terms with {@code s_k = 0} contribute 0. All-zero shares give 0.
 */
public final class NormalisedEntropyBalance {
    private NormalisedEntropyBalance() {}

    /** Balance of {@code n} shares read from {@code a[offset + k*stride]}, skipping index {@code skip} (or -1). */
    public static double of(double[] a, int offset, int stride, int n, int skip) {
        return of(a, offset, stride, n, skip, PortableMath.log(skip >= 0 && skip < n ? n - 1 : n));
    }

    /**
     * The same with {@code lnM}, the logarithm of the number of shares read ({@code n}, or {@code n - 1} with a
     * skipped index), given: a caller that computes many balances over the same number of poles takes it once.
     */
    public static double of(double[] a, int offset, int stride, int n, int skip, double lnM) {
        double sum = 0;
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (k == skip) {
                continue;
            }
            sum += a[offset + k * stride];
            m++;
        }
        if (sum <= 0 || m < 2) {
            return 0;
        }
        double h = 0;
        for (int k = 0; k < n; k++) {
            if (k == skip) {
                continue;
            }
            double s = a[offset + k * stride] / sum;
            if (s > 0) {
                h -= s * PortableMath.log(s);
            }
        }
        return Math.max(0, Math.min(1, h / lnM));
    }

    /** Balance of a plain array of shares. */
    public static double of(double... shares) {
        return of(shares, 0, 1, shares.length, -1);
    }
}
