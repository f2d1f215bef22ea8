package org.multivector.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The Patient Rule Induction Method (Friedman &amp; Fisher 1999, "Bump hunting in high-dimensional data", Statistics
 * and Computing 9) for scenario discovery (Bryant &amp; Lempert 2010; Kwakkel 2017, the EMA Workbench): a box in the
 * inputs' space inside which the cases of interest are dense. Starting from the box around all points, each step
 * peels off the share {@code alpha} of the points inside it at one end of one input — the peel that leaves the highest
 * density of cases — until fewer than {@code minSupport} of all points remain. Every box on the way is kept: the
 * peeling trajectory trades coverage (the share of all cases inside the box) against density (the share of the box's
 * points that are cases). Pasting is not done.
 *
 * <p>The box chosen is the densest on the trajectory that still covers at least {@code minCoverage} of the cases
 * (ties: the larger coverage). For each input it restricts, a quasi-p-value (as the EMA Workbench computes it) says
 * how likely the box's density would be without that restriction: the one-sided binomial probability of at least the
 * box's cases among its points at the density of the box with that input's limits removed. Among many inputs,
 * peeling also restricts inputs that do not matter (each peel of a noise input removes a few non-cases by chance);
 * so the box reported drops, one at a time, the restriction with the largest quasi-p-value while it exceeds
 * {@link #MAX_QUASI_P} (the EMA Workbench's {@code drop_restriction}, done automatically), and keeps the others.
 */
public final class Prim {
    private Prim() {}

    /** A restriction whose quasi-p-value exceeds this is dropped from the reported box. */
    public static final double MAX_QUASI_P = 0.05;

    /**
     * One box of the trajectory.
     *
     * @param lo lower limit per input (the inputs' minimum where unrestricted)
     * @param hi upper limit per input
     * @param points points inside
     * @param cases cases inside
     * @param coverage cases inside / all cases
     * @param density cases inside / points inside
     * @param support points inside / all points
     * @param restricted inputs whose limits are tighter than the whole sample's
     */
    public record Box(
            double[] lo,
            double[] hi,
            int points,
            int cases,
            double coverage,
            double density,
            double support,
            List<Integer> restricted) {}

    /**
     * The peeling trajectory, the chosen box's index in it, the reported box (the chosen one without its restrictions
     * that are not needed) and its quasi-p-value per input (NaN for inputs it does not restrict).
     */
    public record Result(List<Box> trajectory, int chosen, Box box, double[] quasiP, int points, int cases) {
        /** The box peeling reached, before restrictions were dropped. */
        public Box peeled() {
            return trajectory.get(chosen);
        }
    }

    /**
     * @param x points × inputs
     * @param y whether each point is a case of interest
     * @param alpha share of the box's points one peel removes (e.g. 0.05)
     * @param minSupport stop when fewer than this share of all points would remain (e.g. 0.05)
     * @param minCoverage the chosen box covers at least this share of the cases (e.g. 0.5)
     */
    public static Result run(double[][] x, boolean[] y, double alpha, double minSupport, double minCoverage) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need one outcome per point and at least one point");
        }
        if (!(alpha > 0 && alpha < 0.5) || !(minSupport > 0 && minSupport < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 0.5) and minSupport in (0, 1)");
        }
        int k = x[0].length;
        int total = 0;
        for (boolean b : y) {
            total += b ? 1 : 0;
        }
        double[] lo = new double[k];
        double[] hi = new double[k];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] p : x) {
            for (int d = 0; d < k; d++) {
                lo[d] = Math.min(lo[d], p[d]);
                hi[d] = Math.max(hi[d], p[d]);
            }
        }
        double[] lo0 = lo.clone();
        double[] hi0 = hi.clone();
        List<Box> trajectory = new ArrayList<>();
        int[] inside = new int[n];
        for (int i = 0; i < n; i++) {
            inside[i] = i;
        }
        int m = n;
        trajectory.add(box(lo, hi, lo0, hi0, inside, m, y, total, n));
        double[] v = new double[n];
        while (true) {
            int remove = Math.max(1, (int) Math.floor(alpha * m));
            if (remove >= m) {
                break; // one point left: nothing to peel
            }
            double bestDensity = Double.NEGATIVE_INFINITY;
            int bestLeft = -1;
            int bestDim = -1;
            boolean bestLower = false;
            double bestLimit = 0;
            for (int d = 0; d < k; d++) {
                for (int j = 0; j < m; j++) {
                    v[j] = x[inside[j]][d];
                }
                double[] sorted = Arrays.copyOf(v, m);
                Arrays.sort(sorted);
                for (int side = 0; side < 2; side++) {
                    boolean lower = side == 0;
                    double limit = lower ? sorted[remove] : sorted[m - 1 - remove];
                    int left = 0;
                    int cases = 0;
                    for (int j = 0; j < m; j++) {
                        double xv = v[j];
                        if (lower ? xv >= limit : xv <= limit) {
                            left++;
                            cases += y[inside[j]] ? 1 : 0;
                        }
                    }
                    if (left == m || left < minSupport * n) {
                        continue; // nothing peeled (ties), or too little left
                    }
                    double density = cases / (double) left;
                    if (density > bestDensity || (density == bestDensity && left > bestLeft)) {
                        bestDensity = density;
                        bestLeft = left;
                        bestDim = d;
                        bestLower = lower;
                        bestLimit = limit;
                    }
                }
            }
            if (bestDim < 0) {
                break;
            }
            if (bestLower) {
                lo[bestDim] = bestLimit;
            } else {
                hi[bestDim] = bestLimit;
            }
            int kept = 0;
            for (int j = 0; j < m; j++) {
                if (in(x[inside[j]], lo, hi)) {
                    inside[kept++] = inside[j];
                }
            }
            m = kept;
            trajectory.add(box(lo, hi, lo0, hi0, inside, m, y, total, n));
        }
        int chosen = 0;
        for (int t = 0; t < trajectory.size(); t++) {
            Box b = trajectory.get(t);
            Box c = trajectory.get(chosen);
            if (b.coverage() >= minCoverage
                    && (b.density() > c.density() || (b.density() == c.density() && b.coverage() > c.coverage()))) {
                chosen = t;
            }
        }
        Box b = trajectory.get(chosen);
        double[] qp = quasiP(x, y, b);
        while (!b.restricted().isEmpty()) {
            int worst = -1;
            for (int d : b.restricted()) {
                if (worst < 0 || qp[d] > qp[worst]) {
                    worst = d;
                }
            }
            if (!(qp[worst] > MAX_QUASI_P)) {
                break;
            }
            double[] lo1 = b.lo().clone();
            double[] hi1 = b.hi().clone();
            lo1[worst] = lo0[worst];
            hi1[worst] = hi0[worst];
            int[] in1 = new int[n];
            int m1 = 0;
            for (int i = 0; i < n; i++) {
                if (in(x[i], lo1, hi1)) {
                    in1[m1++] = i;
                }
            }
            b = box(lo1, hi1, lo0, hi0, in1, m1, y, total, n);
            qp = quasiP(x, y, b);
        }
        return new Result(List.copyOf(trajectory), chosen, b, qp, n, total);
    }

    private static boolean in(double[] p, double[] lo, double[] hi) {
        for (int d = 0; d < p.length; d++) {
            if (p[d] < lo[d] || p[d] > hi[d]) {
                return false;
            }
        }
        return true;
    }

    private static Box box(
            double[] lo, double[] hi, double[] lo0, double[] hi0, int[] inside, int m, boolean[] y, int total, int n) {
        int cases = 0;
        for (int j = 0; j < m; j++) {
            cases += y[inside[j]] ? 1 : 0;
        }
        List<Integer> restricted = new ArrayList<>();
        for (int d = 0; d < lo.length; d++) {
            if (lo[d] > lo0[d] || hi[d] < hi0[d]) {
                restricted.add(d);
            }
        }
        return new Box(
                lo.clone(),
                hi.clone(),
                m,
                cases,
                total == 0 ? 0 : cases / (double) total,
                m == 0 ? 0 : cases / (double) m,
                m / (double) n,
                List.copyOf(restricted));
    }

    /** Per restricted input: P(at least the box's cases | the density of the box without that input's limits). */
    static double[] quasiP(double[][] x, boolean[] y, Box b) {
        int k = b.lo().length;
        double[] qp = new double[k];
        Arrays.fill(qp, Double.NaN);
        for (int d : b.restricted()) {
            double[] lo = b.lo().clone();
            double[] hi = b.hi().clone();
            lo[d] = Double.NEGATIVE_INFINITY;
            hi[d] = Double.POSITIVE_INFINITY;
            int points = 0;
            int cases = 0;
            for (int i = 0; i < x.length; i++) {
                if (in(x[i], lo, hi)) {
                    points++;
                    cases += y[i] ? 1 : 0;
                }
            }
            double p = points == 0 ? 0 : cases / (double) points;
            if (b.cases() == 0) {
                qp[d] = 1;
            } else if (p >= 1) {
                qp[d] = 1;
            } else if (p <= 0) {
                qp[d] = 0;
            } else {
                qp[d] = 1 - new BinomialDistribution(null, b.points(), p).cumulativeProbability(b.cases() - 1);
            }
        }
        return qp;
    }
}
