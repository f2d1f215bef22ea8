package org.multivector.engine.policy;

/**
 * The multi-vector rule: maximise over the simplex
 * {@code U(s) = Σ_p s_p o_p − λ Σ_p k_p s_p² + η H(s)}, where o are the poles' offers, k their
 * coercive potentials (dependence risk) and {@code H(s) = −Σ s_p ln s_p / ln n} the normalised
 * entropy (autonomy). U is strictly concave for η > 0, so the maximiser is unique and interior; it
 * solves the KKT system {@code o_p − 2λk_p s_p − (η/ln n)(ln s_p + 1) = μ, Σ s_p = 1}, which is
 * solved here through its one multiplier: for a given μ each share solves the scalar equation
 * {@code (η/ln n) ln s_p + 2λk_p s_p = o_p − η/ln n − μ} (increasing and convex in ln s_p, so Newton's method
 * converges from any start), and Σ_p s_p(μ), decreasing in μ, is brought to 1 by Newton steps on its logarithm
 * inside a bracket that falls back to bisection (a safeguarded Newton method: Moré &amp; Thuente's idea in one
 * dimension), to |Σ s − 1| below 1e-12. The earlier damped Newton on (s, μ) could oscillate when the entropy weight
 * is small and a share near 1, and then stopped after 60 iterations unconverged. With λ = 0 the maximiser is the softmax
 * {@code s_p ∝ exp(o_p / e)}, e = η / ln n, returned directly. Not thread-safe (scratch
 * arrays): one instance per state and engine.
 */
public final class MultiVectorPolicy implements Policy {
    private static final int MAX_ITERATIONS = 60;
    private static final double TOLERANCE = 1e-12;
    private static final double TINY = 1e-300;

    private final double lambda;
    private final double eta;
    // scratch (log shares per pole), grown on first use: the solve allocates nothing.
    private double[] u = new double[0];

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
        if (u.length < n) {
            u = new double[n];
        }
        // the multiplier is bracketed: every share at most 1 gives mu >= o_p - e - 2 lambda k_p for every p, and some
        // share at least 1/n gives mu <= o_p - e + e ln n for some p
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean warm = true; // inner solves start from the previous target's log shares when it has no zero
        for (int p = 0; p < n; p++) {
            lo = Math.max(lo, offer[p] - e - 2 * lambda * coercion[p]);
            hi = Math.max(hi, offer[p] - e + e * Math.log(n));
            warm &= s[p] > TINY;
        }
        for (int p = 0; p < n; p++) {
            u[p] = warm ? Math.log(s[p]) : 0; // inner solves start from the previous target's log shares
        }
        // start from the multiplier without dependence risk, e ln Σ exp((o_p - e) / e) (the softmax's log-sum-exp), an
        // upper bound of the multiplier with it, moved into the bracket
        double top = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < n; p++) {
            top = Math.max(top, offer[p]);
        }
        double z = 0;
        for (int p = 0; p < n; p++) {
            z += Math.exp((offer[p] - top) / e);
        }
        double mu = Math.min(hi, Math.max(lo, top - e + e * Math.log(z)));
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double sum = 0;
            double slope = 0; // d sum / d mu
            for (int p = 0; p < n; p++) {
                double a = 2 * lambda * coercion[p];
                double c = offer[p] - e - mu;
                // e t + a e^t = c is increasing and convex in t, so from a point at or above the root Newton descends
                // to it monotonically. The root is at most c/e, and (when c > 0) at most max(0, ln(c/a)); both bounds
                // are at or above it, so every iterate is capped there, which stops the overshoot of a step from far
                // below (the exponential would then take a step per unit of t to come back)
                double cap = c / e;
                if (a > 0 && c > 0) {
                    cap = Math.min(cap, Math.max(0, Math.log(c / a)));
                }
                double t = Math.min(u[p], cap);
                for (int k = 0; k < MAX_ITERATIONS; k++) {
                    double et = Math.exp(t);
                    double dt = (e * t + a * et - c) / (e + a * et);
                    t = Math.min(t - dt, cap);
                    // convergence is quadratic: after a step below 1e-9 the error left is near 1e-18
                    if (Math.abs(dt) < 1e-9 * (1 + Math.abs(t))) {
                        break;
                    }
                }
                u[p] = t;
                double sp = Math.exp(t);
                s[p] = sp;
                sum += sp;
                slope -= sp / (e + a * sp);
            }
            double gap = sum - 1;
            if (Math.abs(gap) < TOLERANCE) {
                break;
            }
            if (gap > 0) {
                lo = mu;
            } else {
                hi = mu;
            }
            // Newton on ln(sum), exactly linear in mu without dependence risk; bisection when it leaves the bracket
            double next = mu - Math.log(sum) * sum / slope;
            mu = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }
        double total = 0;
        for (int p = 0; p < n; p++) {
            s[p] = Math.max(TINY, s[p]); // an underflowed share stays a positive point of the simplex
            total += s[p];
        }
        for (int p = 0; p < n; p++) {
            s[p] /= total;
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
