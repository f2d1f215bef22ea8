package org.multivector.engine;

import org.multivector.metric.SignorinoRitterScore;

/**
 * A state's alignment with each pole: its salience-weighted mean share over the dimensions,
 * {@code a_ip = Σ_d w_d s_ipd / Σ_d w_d}; and the S-score between two states' full tie vectors.
 */
final class Alignment {
    private Alignment() {}

    static void compute(CompiledScenario c, double[] share, double[] out) {
        double wSum = 0;
        for (int d = 0; d < c.nD; d++) {
            wSum += c.salience[d];
        }
        for (int i = 0; i < c.nR; i++) {
            for (int p = 0; p < c.nP; p++) {
                double a = 0;
                for (int d = 0; d < c.nD; d++) {
                    a += c.salience[d] * share[(i * c.nP + p) * c.nD + d];
                }
                out[i * c.nP + p] = wSum > 0 ? a / wSum : 0;
            }
        }
    }

    /**
     * S-score of states i and j over all pole × dimension shares, weighted by salience. Each
     * dimension's shares lie on a simplex, whose largest L1 distance is 2, so every component gets
     * the range Δ = 2/nP and d_max = 2 Σ_d w_d: S = -1 only for states tied to disjoint partners.
     */
    /** Fills {@code st.sscore} for every pair; shares do not change after this until next year's policy step. */
    static void sScores(RunState st) {
        int nR = st.c.nR;
        for (int i = 0; i < nR; i++) {
            st.sscore[i * nR + i] = 1;
            for (int j = i + 1; j < nR; j++) {
                double s = sScore(st, i, j);
                st.sscore[i * nR + j] = s;
                st.sscore[j * nR + i] = s;
            }
        }
    }

    private static double sScore(RunState st, int i, int j) {
        CompiledScenario c = st.c;
        int n = c.nP * c.nD;
        return SignorinoRitterScore.of(st.share, i * n, st.share, j * n, st.w, n, 2.0 / c.nP);
    }
}
