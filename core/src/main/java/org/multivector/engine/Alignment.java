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

    /**
     * {@link #relations} for the runs of {@code lanes[0 .. count)}, all of year {@code y} of the same compiled
     * scenario, computed together: each run's ties are copied into {@code scratch} with the runs side by side (an
     * array per tie cell), every loop of the computation runs over the runs innermost, and the results are copied back
     * into each run's {@code sscore} and {@code divergence}. C2 compiles those innermost loops to vector instructions
     * (superword parallelism: Larsen &amp; Amarasinghe 2000), and each run's numbers come from the same operations in
     * the same order as {@link #relations}'s, so the bits are the same (a term {@link #relations} skips is added here as
     * +0, which leaves a sum that is never −0 unchanged). {@code LockstepTest} checks it on every shipped scenario.
     */
    static void relations(RunState[] lanes, int count, int y, Lanes scratch) {
        CompiledScenario c = lanes[0].c;
        int nP = c.nP;
        int nD = c.nD;
        int n = nP * nD;
        double[] w = lanes[0].w;
        double wSum = 0;
        for (int d = 0; d < nD; d++) {
            wSum += c.salience[d];
        }
        int cost0 = y * nP * nP;
        double dMax = SignorinoRitterScore.maxDistance(w, n, 2.0 / nP);
        int pairsFrom = c.costPairStart[y];
        int pairsTo = c.costPairStart[y + 1];
        double[][] cell = scratch.cell;
        for (int k = 0; k < cell.length; k++) {
            double[] to = cell[k];
            for (int l = 0; l < count; l++) {
                to[l] = lanes[l].share[k];
            }
        }
        double[] acc = scratch.acc;
        double[] moved = scratch.moved;
        double[] cost = scratch.cost;
        for (int q = 0; q < c.nQ; q++) {
            int i = c.dyadA[q];
            int k = c.dyadB[q];
            if (q < c.nRegionalDyads) {
                java.util.Arrays.fill(acc, 0, count, 0);
                for (int j = 0; j < n; j++) {
                    double wj = w[j];
                    double[] x = cell[i * n + j];
                    double[] z = cell[k * n + j];
                    for (int l = 0; l < count; l++) {
                        acc[l] += wj * Math.abs(x[l] - z[l]);
                    }
                }
                for (int l = 0; l < count; l++) {
                    lanes[l].sscore[q] = dMax > 0 ? 1 - 2 * acc[l] / dMax : 1;
                }
                java.util.Arrays.fill(acc, 0, count, 0);
                for (int d = 0; d < nD; d++) {
                    java.util.Arrays.fill(moved, 0, count, 0);
                    for (int b = 0; b < nP; b++) {
                        double[] x = cell[(i * nP + b) * nD + d];
                        double[] z = cell[(k * nP + b) * nD + d];
                        double[] out = scratch.ahead[b];
                        double[] in = scratch.behind[b];
                        for (int l = 0; l < count; l++) {
                            double ub = x[l] - z[l];
                            double u = Math.max(ub, 0);
                            out[l] = u;
                            in[l] = Math.max(-ub, 0);
                            moved[l] += u;
                        }
                    }
                    java.util.Arrays.fill(cost, 0, count, 0);
                    for (int j = pairsFrom; j < pairsTo; j++) {
                        double[] out = scratch.ahead[c.costPairFrom[j]];
                        double[] in = scratch.behind[c.costPairTo[j]];
                        double v = c.costPairValue[j];
                        for (int l = 0; l < count; l++) {
                            cost[l] += out[l] * in[l] * v;
                        }
                    }
                    double sd = c.salience[d];
                    for (int l = 0; l < count; l++) {
                        acc[l] += moved[l] > 0 ? sd * cost[l] / moved[l] : 0.0;
                    }
                }
                for (int l = 0; l < count; l++) {
                    lanes[l].divergence[q] = wSum > 0 ? acc[l] / wSum : 0;
                }
                continue;
            }
            int p = c.partyPole[k];
            if (p < 0) {
                for (int l = 0; l < count; l++) {
                    lanes[l].sscore[q] = Double.NaN;
                    lanes[l].divergence[q] = 0;
                }
                continue;
            }
            double[] a = moved; // the salience-weighted share with the pole
            double[] dv = acc;
            java.util.Arrays.fill(a, 0, count, 0);
            java.util.Arrays.fill(dv, 0, count, 0);
            for (int d = 0; d < nD; d++) {
                double sd = c.salience[d];
                double[] own = cell[(i * nP + p) * nD + d];
                java.util.Arrays.fill(cost, 0, count, 0); // the share with the pole's rivals, weighted by rivalry
                for (int e = 0; e < nP; e++) {
                    if (e != p) {
                        double[] x = cell[(i * nP + e) * nD + d];
                        double v = c.relationCost[cost0 + e * nP + p];
                        for (int l = 0; l < count; l++) {
                            cost[l] += x[l] * v;
                        }
                    }
                }
                for (int l = 0; l < count; l++) {
                    a[l] += sd * own[l];
                    dv[l] += sd * cost[l];
                }
            }
            for (int l = 0; l < count; l++) {
                lanes[l].sscore[q] = wSum > 0 ? 2 * a[l] / wSum - 1 : 0;
                lanes[l].divergence[q] = wSum > 0 ? dv[l] / wSum : 0;
            }
        }
    }

    /** Scratch of {@link #relations(RunState[], int, int, Lanes)} for up to {@code lanes} runs. */
    static final class Lanes {
        final double[][] cell; // [tie cell (i, p, d)][run]
        final double[][] ahead; // [p][run]
        final double[][] behind;
        final double[] acc;
        final double[] moved;
        final double[] cost;

        Lanes(CompiledScenario c, int lanes) {
            cell = new double[c.nR * c.nP * c.nD][lanes];
            ahead = new double[c.nP][lanes];
            behind = new double[c.nP][lanes];
            acc = new double[lanes];
            moved = new double[lanes];
            cost = new double[lanes];
        }
    }
}
