package org.multivector.bargain;

import org.multivector.bargain.SmpParameters.VotingRule;

/**
 * The coalition matrix over M options (SPEC §4.2; KTAB {@code Model::coalitions}).
 *
 * <p>For every pair a &gt; b, each actor k votes {@code v_k = vote(rule, w_k, u(k,a), u(k,b))}
 * (larger index first); {@code C[a][b] = 10⁻⁸ + Σ_k max(v_k, 0)} is the strength of the coalition
 * preferring a, {@code C[b][a] = 10⁻⁸ + Σ_k max(−v_k, 0)} the one preferring b, both summed in k
 * order starting from the floor. The diagonal is the floor {@code minC = 10⁻⁸}.
 */
public final class Coalitions {
    /** Floor of every coalition strength in a PCE. */
    public static final double MIN_C = 1e-8;

    private Coalitions() {}

    /**
     * @param w  weight of each of the N actors
     * @param u  utilities, {@code u[k][a]} = actor k's utility of option a (N × M)
     * @return the M × M coalition matrix
     */
    public static double[][] matrix(VotingRule rule, double[] w, double[][] u, int options) {
        double[][] c = new double[options][options];
        int n = w.length;
        for (int a = 0; a < options; a++) {
            c[a][a] = MIN_C;
            for (int b = 0; b < a; b++) {
                double forA = MIN_C;
                double forB = MIN_C;
                for (int k = 0; k < n; k++) {
                    double v = Vote.vote(rule, w[k], u[k][a], u[k][b]);
                    if (v > 0) {
                        forA += v;
                    } else if (v < 0) {
                        forB += -v;
                    }
                }
                c[a][b] = forA;
                c[b][a] = forB;
            }
        }
        return c;
    }
}
