package org.multivector.engine.policy;

import org.multivector.numeric.PortableMath;

/**
 * The multi-vector rule: maximise over the simplex {@code U(s) = Σ_p s_p o_p − λ Σ_p k_p s_p² + η H(s)}, where o are
 * the poles' offers, k their coercive potentials (dependence risk) and {@code H(s) = −Σ s_p ln s_p / ln n} the
 * normalised entropy (autonomy). U is strictly concave for η > 0, so the maximiser is unique and interior; it solves
 * the KKT system {@code o_p − 2λk_p s_p − (η/ln n)(ln s_p + 1) = μ, Σ s_p = 1}, which is solved by Newton's method on
 * the whole system from a start built on last year's answer ({@link #newton}), or, when that does not converge, through
 * its one multiplier ({@link #bracketed}): for a given μ each share solves the scalar equation {@code (η/ln n) ln s_p +
 * 2λk_p s_p = o_p − η/ln n − μ} (increasing and convex in ln s_p, so Newton's method converges from any start), and Σ_p
 * s_p(μ), decreasing in μ, is brought to 1 by Newton steps on its logarithm inside a bracket that falls back to
 * bisection (a safeguarded Newton method: Moré &amp; Thuente's idea in one dimension), to |Σ s − 1| below 1e-12. An
 * earlier damped Newton on (s, μ) alone could oscillate when the entropy weight is small and a share near 1, and then
 * stopped after 60 iterations unconverged; the Newton solve here works in log shares, keeps them at or below 0, and
 * hands any solve it does not finish to the bracketed one. With λ = 0 the maximiser is the softmax {@code s_p ∝ exp(o_p
 * / e)}, e = η / ln n, returned directly. Not thread-safe (scratch arrays): one instance per state and engine.
 */
public final class MultiVectorPolicy implements Policy {
    private static final int MAX_ITERATIONS = 60;
    private static final double TOLERANCE = 1e-12;
    private static final double TINY = 1e-300;
    private static final int NEWTON_STEPS = 30;

    private final double lambda;
    private final double eta;
    // scratch (log shares per pole), grown on first use: the solve allocates nothing.
    private double[] u = new double[0];
    // the Newton solve's shares, residuals and inverse slopes per pole
    private double[] sh = new double[0];
    private double[] fr = new double[0];
    private double[] gr = new double[0];
    private double[] ak = new double[0]; // 2λk_p
    private int lastN = -1;
    private double lnN;

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
        double e = eta / logOf(n);
        if (lambda == 0) {
            softmax(offer, e, s); // the exact maximiser without dependence risk
            return;
        }
        if (newton(offer, coercion, e, s) < 0) {
            bracketed(offer, coercion, e, s);
        }
    }

    /**
     * Newton's method on the whole KKT system in log shares {@code t_p = ln s_p} and the multiplier μ: with {@code F_p
     * = o_p − a_p s_p − e t_p − e − μ}, {@code a_p = 2λk_p}, {@code g_p = a_p s_p + e}, a step is {@code δμ = (Σ s_p
     * F_p / g_p + Σ s_p − 1) / Σ s_p / g_p}, {@code δt_p = (F_p − δμ) / g_p} (the Jacobian's arrow structure solved
     * exactly; Nocedal &amp; Wright 2006, Numerical Optimization, §18.1). It starts from the softmax of the offers less
     * the dependence cost at the shares {@code s} holds, {@code s_p ∝ exp((o_p − a_p s⁰_p) / e)} (the engine passes the
     * state's own answer of last year): one step of the optimality conditions' fixed point from it, exact without
     * dependence risk, and a better start than last year's answer itself, whose shares often sit at another corner of
     * the simplex when the offers' shocks have moved the best pole (from it the first step overshoots and the next ones
     * come back slowly): 2.7 steps of n exponentials on average in the default scenario's runs instead of 3.9, and no
     * logarithm per share (docs/PERFORMANCE.md). The bracketed solve takes some eight multiplier steps of two or three
     * exponentials per pole. Every log share is kept at or below 0 (no share above 1, which is where the solution
     * lies), which stops the overshoot of a step from far below; a solve that has not met the tolerances after {@value
     * #NEWTON_STEPS} steps, or meets a non-finite value, is left to {@link #bracketed}, which converges from anywhere.
     * Converged means {@code |Σ s − 1| < 1e-12} and every {@code |F_p| < 1e-12 max(g_p, 0.01 (|o_p| + |μ|))} (the
     * log-share error below 1e-12, or F's own rounding when offers are large), as tight as the bracketed solve, whose
     * answer it matches to about 1e-12 but not bit for bit.
     *
     * @return the Newton steps it took when it converged (then {@code s} holds the target, summing to 1), else -1
     */
    int newton(double[] offer, double[] coercion, double e, double[] s) {
        int n = offer.length;
        grow(n);
        // the start: the softmax of the offers less the dependence cost at last year's shares,
        // s_p ∝ exp((o_p − 2λk_p s⁰_p) / e), one step of the optimality conditions' fixed point from s⁰; its log shares
        // come without a logarithm each (x_p − max − ln Σ)
        double top = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < n; p++) {
            ak[p] = 2 * lambda * coercion[p]; // a_p, once a solve (the same bits as multiplying it out each time)
            fr[p] = (offer[p] - ak[p] * s[p]) / e;
            top = Math.max(top, fr[p]);
        }
        double z = 0;
        for (int p = 0; p < n; p++) {
            gr[p] = PortableMath.exp(fr[p] - top);
            z += gr[p];
        }
        double lz = PortableMath.log(z);
        double mu = 0;
        for (int p = 0; p < n; p++) {
            u[p] = fr[p] - top - lz;
            sh[p] = gr[p] / z;
            // the start's multiplier: the share-weighted mean of each pole's own
            mu += sh[p] * (offer[p] - ak[p] * sh[p] - e * (u[p] + 1));
        }
        for (int it = 0; it < NEWTON_STEPS; it++) {
            double sum = 0;
            double a = 0;
            double b = 0;
            boolean within = true;
            for (int p = 0; p < n; p++) {
                double sp = sh[p];
                double as = ak[p] * sp;
                double g = as + e;
                double f = offer[p] - as - e * u[p] - e - mu;
                double inv = 1 / g; // the one division per pole and step
                fr[p] = f;
                gr[p] = inv;
                sum += sp;
                a += sp * f * inv;
                b += sp * inv;
                // the log-share error below the tolerance, or f's own rounding when the offers are large (tested
                // only while every pole before has passed)
                if (within) {
                    within = Math.abs(f) < TOLERANCE * Math.max(g, 1e-2 * (Math.abs(offer[p]) + Math.abs(mu)));
                }
            }
            double gap = sum - 1;
            if (!(within && Math.abs(gap) < TOLERANCE)) {
                if (!Double.isFinite(a + b + mu)) {
                    return -1;
                }
                double dmu = (a + gap) / b;
                mu += dmu;
                for (int p = 0; p < n; p++) {
                    u[p] = Math.min(0, u[p] + (fr[p] - dmu) * gr[p]);
                    sh[p] = PortableMath.exp(u[p]);
                }
                continue;
            }
            double total = 0;
            for (int p = 0; p < n; p++) {
                s[p] = Math.max(TINY, sh[p]);
                total += s[p];
            }
            for (int p = 0; p < n; p++) {
                s[p] /= total;
            }
            return it;
        }
        return -1;
    }

    /** The safeguarded solve through the multiplier alone (see the class comment); converges from any start. */
    void bracketed(double[] offer, double[] coercion, double e, double[] s) {
        int n = offer.length;
        grow(n);
        // the multiplier is bracketed: every share at most 1 gives mu >= o_p - e - 2 lambda k_p for every p, and some
        // share at least 1/n gives mu <= o_p - e + e ln n for some p
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean warm = true; // inner solves start from the previous target's log shares when it has no zero
        for (int p = 0; p < n; p++) {
            lo = Math.max(lo, offer[p] - e - 2 * lambda * coercion[p]);
            hi = Math.max(hi, offer[p] - e + e * logOf(n));
            warm &= s[p] > TINY;
        }
        for (int p = 0; p < n; p++) {
            u[p] = warm ? PortableMath.log(s[p]) : 0; // inner solves start from the previous target's log shares
        }
        // start from the multiplier without dependence risk, e ln Σ exp((o_p - e) / e) (the softmax's log-sum-exp), an
        // upper bound of the multiplier with it, moved into the bracket
        double top = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < n; p++) {
            top = Math.max(top, offer[p]);
        }
        double z = 0;
        for (int p = 0; p < n; p++) {
            z += PortableMath.exp((offer[p] - top) / e);
        }
        double mu = Math.min(hi, Math.max(lo, top - e + e * PortableMath.log(z)));
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
                    cap = Math.min(cap, Math.max(0, PortableMath.log(c / a)));
                }
                double t = Math.min(u[p], cap);
                for (int k = 0; k < MAX_ITERATIONS; k++) {
                    double et = PortableMath.exp(t);
                    double dt = (e * t + a * et - c) / (e + a * et);
                    t = Math.min(t - dt, cap);
                    // convergence is quadratic: after a step below 1e-9 the error left is near 1e-18
                    if (Math.abs(dt) < 1e-9 * (1 + Math.abs(t))) {
                        break;
                    }
                }
                u[p] = t;
                double sp = PortableMath.exp(t);
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
            double next = mu - PortableMath.log(sum) * sum / slope;
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

    private void grow(int n) {
        if (u.length < n) {
            u = new double[n];
            sh = new double[n];
            fr = new double[n];
            gr = new double[n];
            ak = new double[n];
        }
    }

    private double logOf(int n) {
        if (n != lastN) {
            lastN = n;
            lnN = PortableMath.log(n);
        }
        return lnN;
    }

    /**
     * The λ = 0 solution, softmax(o / e). A share whose exponential underflows gets {@link #TINY}
     * (offers far below the best one): an underflowed share stays a positive point of the simplex.
     */
    private static void softmax(double[] offer, double e, double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double o : offer) {
            max = Math.max(max, o);
        }
        double sum = 0;
        for (int p = 0; p < offer.length; p++) {
            s[p] = Math.max(TINY, PortableMath.exp((offer[p] - max) / e));
            sum += s[p];
        }
        for (int p = 0; p < offer.length; p++) {
            s[p] /= sum;
        }
    }
}
