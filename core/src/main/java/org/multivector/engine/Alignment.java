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
     * Fills {@code st.sscore} and {@code st.divergence} for every dyad of year {@code y}; shares do not change after
     * this until next year's policy step.
     *
     * <p>Two regional states: S is Signorino and Ritter's score over all pole × dimension shares, weighted by salience.
     * Each dimension's shares lie on a simplex, whose largest L1 distance is 2, so every component gets the range
     * Δ = 2/nP and d_max = 2 Σ_d w_d: S = -1 only for states tied to disjoint partners. The divergence is the
     * salience-weighted mean over dimensions of the rivalry cost of moving one state's shares onto the other's, with
     * the mass moved in proportion ({@code Σ_b Σ_c u_b⁺ u_c⁻ cost_bc / Σ_b u_b⁺}, u = x − y): the share of their ties
     * that sits with rival poles, weighted by how rival. With every pair of poles at cost 1 (a scenario that declares
     * no pole relations) it is exactly the total-variation distance, (1 − S)/2.
     *
     * <p>A regional state and a pole: the pole's own position is its vertex (all its ties with itself), so S = 2a − 1
     * with a the state's salience-weighted share with the pole, and the divergence is the state's share with the
     * pole's rivals weighted by their rivalry ({@code Σ_d w_d Σ_{q≠p} s_qd cost_qp / Σ_d w_d}). A state and another
     * actor (with no ties in the model): S is NaN and the divergence 0.
     */
    static void relations(RunState st, int y) {
        CompiledScenario c = st.c;
        int nP = c.nP;
        int nD = c.nD;
        int n = nP * nD;
        double wSum = 0;
        for (int d = 0; d < nD; d++) {
            wSum += c.salience[d];
        }
        int cost0 = y * nP * nP;
        double dMax = SignorinoRitterScore.maxDistance(st.w, n, 2.0 / nP); // once a year, not once a dyad
        int pairsFrom = c.costPairStart[y];
        int pairsTo = c.costPairStart[y + 1];
        for (int q = 0; q < c.nQ; q++) {
            int i = c.dyadA[q];
            int k = c.dyadB[q];
            if (q < c.nRegionalDyads) {
                st.sscore[q] = SignorinoRitterScore.ofMax(st.share, i * n, st.share, k * n, st.w, n, dMax);
                double dv = 0;
                double[] out = st.ahead;
                double[] in = st.behind;
                for (int d = 0; d < nD; d++) {
                    // without branches on the data (which of two states is ahead with a pole is a coin toss for the
                    // branch predictor): the terms where a state is not ahead, or not behind, add exactly 0
                    double moved = 0;
                    for (int b = 0; b < nP; b++) {
                        double ub = st.share[(i * nP + b) * nD + d] - st.share[(k * nP + b) * nD + d];
                        out[b] = Math.max(ub, 0);
                        in[b] = Math.max(-ub, 0);
                        moved += out[b];
                    }
                    double cost = 0;
                    // over the pairs of poles with a cost, in the order of the full double loop: the terms left out
                    // are ±0 and would not change the sum's bits
                    for (int j = pairsFrom; j < pairsTo; j++) {
                        cost += out[c.costPairFrom[j]] * in[c.costPairTo[j]] * c.costPairValue[j];
                    }
                    if (moved > 0) {
                        dv += c.salience[d] * cost / moved;
                    }
                }
                st.divergence[q] = wSum > 0 ? dv / wSum : 0;
                continue;
            }
            int p = c.partyPole[k];
            if (p < 0) {
                st.sscore[q] = Double.NaN;
                st.divergence[q] = 0;
                continue;
            }
            double a = 0;
            double dv = 0;
            for (int d = 0; d < nD; d++) {
                a += c.salience[d] * st.share[(i * nP + p) * nD + d];
                double rival = 0;
                for (int e = 0; e < nP; e++) {
                    if (e != p) {
                        rival += st.share[(i * nP + e) * nD + d] * c.relationCost[cost0 + e * nP + p];
                    }
                }
                dv += c.salience[d] * rival;
            }
            st.sscore[q] = wSum > 0 ? 2 * a / wSum - 1 : 0;
            st.divergence[q] = wSum > 0 ? dv / wSum : 0;
        }
    }
}
