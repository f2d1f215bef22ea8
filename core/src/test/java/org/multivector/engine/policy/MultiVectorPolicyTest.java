package org.multivector.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class MultiVectorPolicyTest {
    /** Offers far apart make the smaller shares underflow; the solve must still return a point of the simplex. */
    @Test
    void offersFarApart_giveFiniteSharesOnTheSimplex() {
        double[] offer = {900, 0.1, 0, 3, 0};
        double[] coercion = {0.8, 0.2, 0, 0.5, 0};
        for (double lambda : new double[] {0, 0.5, 2}) {
            MultiVectorPolicy mv = new MultiVectorPolicy(lambda, 0.05);
            double[] s = {0.2, 0.2, 0.2, 0.2, 0.2};
            for (int year = 0; year < 3; year++) { // warm starts from an underflowed target too
                mv.target(offer, coercion, s);
                double sum = 0;
                for (double v : s) {
                    assertThat(v).as("lambda " + lambda).isFinite().isBetween(0.0, 1.0);
                    sum += v;
                }
                assertThat(sum).isCloseTo(1, offset(1e-9));
            }
            assertThat(s[0]).as("lambda " + lambda).isGreaterThan(0.5);
        }
    }

    /** Without dependence risk the maximiser is the softmax of offers over e = eta / ln n. */
    @Test
    void withoutDependenceRisk_theTargetIsTheSoftmaxOfOffers() {
        double[] offer = {1.0, 0.5, 0.2};
        double[] s = new double[3];
        new MultiVectorPolicy(0, 0.6).target(offer, new double[3], s);
        double e = 0.6 / Math.log(3);
        double z = Math.exp(1.0 / e) + Math.exp(0.5 / e) + Math.exp(0.2 / e);
        assertThat(s[1]).isCloseTo(Math.exp(0.5 / e) / z, offset(1e-12));
    }

    /**
     * The case the earlier damped Newton solve left unconverged after 60 iterations (a small entropy weight, one share
     * near 1, offers from a default run): the target must satisfy the optimality conditions, o_p − 2λk_p s_p − e (ln
     * s_p + 1) equal for every pole whose share has not underflowed, and no other point of the simplex nearby may do
     * better.
     */
    @Test
    void aSmallEntropyWeightAndAShareNearOne_stillSolveTheOptimalityConditions() {
        double[] offer = {1.4307621456221478, 13.233976603630754, 1.798280653757031, 6.574890935711421};
        double[] coercion = {0.9, 0.6, 0.3, 0.2};
        double lambda = 0.19;
        double eta = 0.05;
        MultiVectorPolicy mv = new MultiVectorPolicy(lambda, eta);
        double[] s = {0.25, 0.25, 0.25, 0.25};
        mv.target(offer, coercion, s);
        double e = eta / Math.log(4);
        assertOptimalityConditions(offer, coercion, lambda, e, s, 1e-8);
        double best = utility(offer, coercion, lambda, e, s);
        java.util.Random rnd = new java.util.Random(1);
        for (int k = 0; k < 200; k++) {
            double[] q = s.clone();
            int a = rnd.nextInt(4);
            int b = (a + 1 + rnd.nextInt(3)) % 4;
            double d = Math.min(q[a], 1e-3 * rnd.nextDouble());
            q[a] -= d;
            q[b] += d;
            assertThat(utility(offer, coercion, lambda, e, q)).isLessThanOrEqualTo(best + 1e-12);
        }
    }

    /**
     * A year whose offers' shocks moved the best pole (inputs of a default run's solve in 2017, λ and η rounded): last
     * year's answer sits at one corner of the simplex, this year's at another. In the traced run Newton's first step
     * from last year's answer itself put three shares at 1 and the solve took seven steps; from the softmax of the
     * offers less the dependence cost at those shares it takes at most four, to the same optimality conditions.
     */
    @Test
    void aStartAtAnotherCorner_convergesInFewSteps() {
        double[] offer = {3.4011863180335915, 3.5695599097482655, 2.817103188615749, 3.915139766559042};
        double[] coercion = {1.0, 0.7854591898614812, 0.30702321491763634, 0.0};
        double lambda = 0.254;
        double eta = 0.05;
        double e = eta / Math.log(4);
        MultiVectorPolicy mv = new MultiVectorPolicy(lambda, eta);
        double[] s = {8.685921327329482E-61, 1.0, 2.171544241471875E-83, 1.2984210838915899E-30};
        int steps = mv.newton(offer, coercion, e, s);
        assertThat(steps).isBetween(0, 4);
        assertOptimalityConditions(offer, coercion, lambda, e, s, 1e-10);
        assertThat(s[0] + s[1] + s[2] + s[3]).isCloseTo(1, offset(1e-12));
        assertThat(s[3]).isGreaterThan(0.999); // the other corner
    }

    /**
     * The two solves agree: on random offers (up to 500), coercions, weights and starts (last year's answer moved, a
     * uniform start, one with underflowed shares), Newton's solve, when it converges, and the bracketed one give the
     * same target to 1e-10; and {@code target} converges through Newton on almost every such case (it falls back, not
     * fails, on the rest).
     */
    @Test
    void newtonAndTheBracketedSolve_giveTheSameTarget() {
        java.util.Random rnd = new java.util.Random(7);
        int converged = 0;
        int cases = 2000;
        for (int c = 0; c < cases; c++) {
            int n = 2 + rnd.nextInt(4);
            double scale = rnd.nextBoolean() ? 1 : 500;
            double[] offer = new double[n];
            double[] coercion = new double[n];
            for (int p = 0; p < n; p++) {
                offer[p] = scale * rnd.nextDouble();
                coercion[p] = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble();
            }
            double lambda = 0.01 + rnd.nextDouble();
            double eta = 0.01 + rnd.nextDouble();
            MultiVectorPolicy mv = new MultiVectorPolicy(lambda, eta);
            double e = eta / Math.log(n);
            double[] start = new double[n];
            int kind = rnd.nextInt(3);
            for (int p = 0; p < n; p++) {
                start[p] = kind == 0 ? 1.0 / n : kind == 1 ? rnd.nextDouble() + 1e-9 : (p == 0 ? 1 : 1e-300);
            }
            double sum = java.util.Arrays.stream(start).sum();
            for (int p = 0; p < n; p++) {
                start[p] /= sum;
            }
            double[] bracketed = start.clone();
            mv.bracketed(offer, coercion, e, bracketed);
            double[] newton = start.clone();
            if (mv.newton(offer, coercion, e, newton) >= 0) {
                converged++;
                for (int p = 0; p < n; p++) {
                    assertThat(newton[p]).as("case " + c + " pole " + p).isCloseTo(bracketed[p], offset(1e-10));
                }
            }
            double[] viaTarget = start.clone();
            mv.target(offer, coercion, viaTarget);
            for (int p = 0; p < n; p++) {
                assertThat(viaTarget[p]).as("case " + c + " pole " + p).isCloseTo(bracketed[p], offset(1e-10));
            }
        }
        assertThat(converged).isGreaterThan(cases * 9 / 10);
    }

    /**
     * o_p − 2λk_p s_p − e (ln s_p + 1) equal, within {@code tol}, for every pole whose share has not underflowed (the
     * multiplier taken from the largest share).
     */
    static void assertOptimalityConditions(
            double[] offer, double[] coercion, double lambda, double e, double[] s, double tol) {
        int top = 0;
        for (int p = 1; p < s.length; p++) {
            top = s[p] > s[top] ? p : top;
        }
        double mu = offer[top] - 2 * lambda * coercion[top] * s[top] - e * (Math.log(s[top]) + 1);
        for (int p = 0; p < s.length; p++) {
            if (s[p] > 1e-290) {
                double kkt = offer[p] - 2 * lambda * coercion[p] * s[p] - e * (Math.log(s[p]) + 1);
                assertThat(kkt).as("pole " + p).isCloseTo(mu, offset(tol));
            }
        }
    }

    static double utility(double[] o, double[] k, double lambda, double e, double[] s) {
        double u = 0;
        for (int p = 0; p < o.length; p++) {
            u += s[p] * o[p] - lambda * k[p] * s[p] * s[p] - (s[p] > 0 ? e * s[p] * Math.log(s[p]) : 0);
        }
        return u;
    }
}
