package org.multivector.bargain;

import org.multivector.bargain.SmpParameters.PceModel;
import org.multivector.bargain.SmpParameters.VictoryProbModel;
import org.multivector.bargain.SmpParameters.VotingRule;

/**
 * The Probabilistic Condorcet Election: a probability for each of M options from the pairwise
 * victory probabilities (SPEC §4.4–4.5; KTAB {@code Model::probCE}, {@code Model::scalarPCE};
 * Wise, Lester &amp; Efird, "The Probabilistic Condorcet Election model", KAPSARC 2015).
 *
 * <ul>
 *   <li>Conditional: {@code q_a = Π_b P[a][b]} (b in order, diagonal ½ included),
 *       {@code p_a = q_a / Σ_b q_b} — the chance a beats every rival in independent contests.
 *   <li>MarkovUniform: from p = 1/M iterate {@code q_a = Σ_b P[a][b]·(p_a + p_b) / M},
 *       {@code p ← (p + q)/2} until {@code max|q − p| ≤ 10⁻⁶} — the stationary state of uniformly
 *       random challenges.
 *   <li>MarkovIncentive: incentive {@code I = C∘P} (+10⁻¹⁰ on the diagonal), challenge
 *       probability {@code Q[a][b] = I[a][b] / Σ_c I[c][b]}; iterate
 *       {@code T[a][b] = p_a·Q[b][a]}, {@code q_a = Σ_b P[a][b]·(T[a][b] + T[b][a])},
 *       {@code p ← (p + q)/2} until {@code max|q − p| ≤ 10⁻⁸} — challenges go where they pay.
 * </ul>
 * Every result must sum to 1 within 10⁻⁸.
 */
public final class Pce {
    private static final int MAX_ITERATIONS = 1_000_000;

    private Pce() {}

    /** The full PCE: coalitions with weights w over utilities u (N × M), victory probabilities, distribution. */
    public static double[] scalar(
            double[] w, double[][] u, int options, VotingRule rule, VictoryProbModel vpm, PceModel pcem) {
        double[][] c = Coalitions.matrix(rule, w, u, options);
        double[][] p = VictoryProbability.pairwise(vpm, c);
        return distribution(pcem, c, p);
    }

    public static double[] distribution(PceModel model, double[][] c, double[][] p) {
        double[] result;
        switch (model) {
            case CONDITIONAL:
                result = conditional(p);
                break;
            case MARKOV_UNIFORM:
                result = markovUniform(p);
                break;
            case MARKOV_INCENTIVE:
                result = markovIncentive(c, p);
                break;
            default:
                throw new IllegalStateException(model.toString());
        }
        checkSum(result, 1e-8, model);
        return result;
    }

    private static double[] conditional(double[][] p) {
        int m = p.length;
        double[] q = new double[m];
        double total = 0;
        for (int a = 0; a < m; a++) {
            double prod = 1.0;
            for (int b = 0; b < m; b++) {
                prod *= p[a][b];
            }
            q[a] = prod;
        }
        for (int a = 0; a < m; a++) {
            total += q[a];
        }
        for (int a = 0; a < m; a++) {
            q[a] = q[a] / total;
        }
        return q;
    }

    private static double[] markovUniform(double[][] p) {
        int m = p.length;
        double[] prob = uniform(m);
        double[] q = new double[m];
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            for (int a = 0; a < m; a++) {
                double s = 0;
                for (int b = 0; b < m; b++) {
                    s += p[a][b] * (prob[a] + prob[b]);
                }
                q[a] = s / m;
            }
            double change = step(prob, q);
            checkSum(prob, 1e-6, PceModel.MARKOV_UNIFORM);
            if (change <= 1e-6) {
                return prob;
            }
        }
        throw new BargainingException("MarkovUniform PCE did not converge in " + MAX_ITERATIONS + " iterations");
    }

    private static double[] markovIncentive(double[][] c, double[][] p) {
        int m = p.length;
        double[][] inc = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                inc[a][b] = c[a][b] * p[a][b];
            }
            inc[a][a] = inc[a][a] + 1e-10;
        }
        double[][] chlg = new double[m][m];
        for (int b = 0; b < m; b++) {
            double col = 0;
            for (int a = 0; a < m; a++) {
                col += inc[a][b];
            }
            for (int a = 0; a < m; a++) {
                chlg[a][b] = inc[a][b] / col;
            }
        }
        double[] prob = uniform(m);
        double[] q = new double[m];
        double[][] t = new double[m][m];
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    t[a][b] = prob[a] * chlg[b][a];
                }
            }
            for (int a = 0; a < m; a++) {
                double s = 0;
                for (int b = 0; b < m; b++) {
                    s += p[a][b] * (t[a][b] + t[b][a]);
                }
                q[a] = s;
            }
            double change = step(prob, q);
            checkSum(prob, 1e-8, PceModel.MARKOV_INCENTIVE);
            if (change <= 1e-8) {
                return prob;
            }
        }
        throw new BargainingException("MarkovIncentive PCE did not converge in " + MAX_ITERATIONS + " iterations");
    }

    /** {@code change = max|q − p|}, then {@code p ← (p + q)/2}. */
    private static double step(double[] prob, double[] q) {
        double change = 0;
        for (int a = 0; a < prob.length; a++) {
            change = Math.max(change, Math.abs(q[a] - prob[a]));
        }
        for (int a = 0; a < prob.length; a++) {
            prob[a] = (prob[a] + q[a]) / 2;
        }
        return change;
    }

    private static double[] uniform(int m) {
        double[] p = new double[m];
        java.util.Arrays.fill(p, 1.0 / m);
        return p;
    }

    private static void checkSum(double[] p, double tolerance, PceModel model) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        if (!(Math.abs(s - 1) < tolerance)) {
            throw new BargainingException(
                    model.ktabName() + " PCE probabilities sum to " + s + ", not 1 (tolerance " + tolerance + ")");
        }
    }
}
