package org.multivector.engine.policy;

/**
 * The multi-vector rule: maximise over the simplex
 * {@code U(s) = Σ_p s_p o_p − λ Σ_p k_p s_p² + η H(s)}, where o are the poles' offers, k their
 * coercive potentials (dependence risk) and {@code H(s) = −Σ s_p ln s_p / ln n} the normalised
 * entropy (autonomy). U is strictly concave for η > 0, so the maximiser is unique and interior; it
 * solves the KKT system {@code o_p − 2λk_p s_p − (η/ln n)(ln s_p + 1) = μ, Σ s_p = 1}, which is
 * solved here by damped Newton steps on (s, μ) — the Schur complement makes each step O(n) —
 * warm-started from the previous target, to a residual below 1e-12. With λ = 0 the maximiser is the softmax
 * {@code s_p ∝ exp(o_p / e)}, e = η / ln n, returned directly. Not thread-safe (scratch
 * arrays): one instance per state and engine.
 */
public final class MultiVectorPolicy implements Policy {
    private static final int MAX_ITERATIONS = 60;
    private static final double TOLERANCE = 1e-12;
    private static final double TINY = 1e-300;

    private final double lambda;
    private final double eta;
    // Newton scratch (residual and inverse diagonal per pole), grown on first use: the solve allocates nothing.
    private double[] r = new double[0];
    private double[] dd = new double[0];

    public MultiVectorPolicy(double dependenceAversion, double autonomyWeight) {
        if (dependenceAversion < 0 || !(autonomyWeight > 0)) {
            throw new IllegalArgumentException(
                    "need lambda >= 0 and eta > 0, got " + dependenceAversion + ", " + autonomyWeight);
        }
        this.lambda = dependenceAversion;
        this.eta = autonomyWeight;
    }

    @Override
    public void target(double[] offer, double[] coercion, double[] s) {
        int n = offer.length;
        double e = eta / Math.log(n);
        if (lambda == 0) {
            softmax(offer, e, s); // the exact maximiser without dependence risk
            return;
        }
        double sum = 0;
        boolean usable = true;
        for (int p = 0; p < n; p++) {
            usable &= s[p] > 1e-300;
            sum += s[p];
        }
        if (!usable || Math.abs(sum - 1) > 1e-6) {
            softmax(offer, e, s);
        }
        double mu = 0;
        for (int p = 0; p < n; p++) {
            mu += offer[p] - 2 * lambda * coercion[p] * s[p] - e * (Math.log(s[p]) + 1);
        }
        mu /= n;
        if (r.length < n) {
            r = new double[n];
            dd = new double[n];
        }
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double sumRd = 0;
            double sumInvD = 0;
            double gap = 1;
            double worst = 0;
            for (int p = 0; p < n; p++) {
                double twoLk = 2 * lambda * coercion[p];
                double rp = offer[p] - twoLk * s[p] - e * (Math.log(s[p]) + 1) - mu;
                double dp = twoLk + e / s[p];
                double inv = 1 / dp;
                r[p] = rp;
                dd[p] = inv;
                sumRd += rp * inv;
                sumInvD += inv;
                gap -= s[p];
                worst = Math.max(worst, Math.abs(rp));
            }
            if (worst < TOLERANCE && Math.abs(gap) < TOLERANCE) {
                break;
            }
            double dMu = (sumRd - gap) / sumInvD;
            double step = 1;
            for (int p = 0; p < n; p++) {
                double ds = (r[p] - dMu) * dd[p];
                if (ds < 0) {
                    step = Math.min(step, 0.9 * s[p] / -ds);
                }
            }
            double total = 0;
            for (int p = 0; p < n; p++) {
                // the step keeps shares positive; the floor keeps ln s finite when a share underflows
                s[p] = Math.max(TINY, s[p] + step * (r[p] - dMu) * dd[p]);
                total += s[p];
            }
            mu += step * dMu;
            if (step < 1) {
                for (int p = 0; p < n; p++) {
                    s[p] /= total;
                }
            }
        }
    }

    /**
     * The λ = 0 solution, softmax(o / e), also the cold start. A share whose exponential underflows gets {@link #TINY}
     * (offers far below the best one), so the Newton solve never takes the logarithm of 0.
     */
    private static void softmax(double[] offer, double e, double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double o : offer) {
            max = Math.max(max, o);
        }
        double sum = 0;
        for (int p = 0; p < offer.length; p++) {
            s[p] = Math.max(TINY, Math.exp((offer[p] - max) / e));
            sum += s[p];
        }
        for (int p = 0; p < offer.length; p++) {
            s[p] /= sum;
        }
    }
}
