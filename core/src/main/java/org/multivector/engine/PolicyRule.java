package org.multivector.engine;

import org.multivector.model.ParameterKey;

/**
 * Step 3: each regional state chooses target shares per dimension by the strategy in force that year
 * ({@link org.multivector.engine.policy.Policy}), and its ties move toward the target with the
 * dimension's inertia: {@code s ← s + ρ_d (target − s)}. The shadow "free" ties, never re-anchored
 * to observations, move the same way, so their distance to the data measures the free model's drift.
 *
 * <p>Debt. Ties in the dimensions marked {@code debt} (loans, investment) accumulate as a debt stock,
 * {@code D_ip ← (1 − r) D_ip + Σ_debt s_ipd}, which raises the creditor's coercive potential over the state,
 * {@code k_ip = min(1, k_p (1 + δ D_ip))} (debt as leverage: Hirschman 1945; Gelpern et al. 2021 on Chinese lending):
 * the dependence risk a multi-vector state weighs, and its coercion exposure, grow with what it owes.
 *
 * <p>Affinity. Ties move toward the target plus the state's affinity θ, the part of its observed ties the target does
 * not explain ({@link AnchorRule} learns it while ties are observed), clipped at 0 and rescaled to the simplex:
 * {@code s ← s + ρ_d (proj(target + θ) − s)}. These are the dyad fixed effects of gravity models (Head &amp; Mayer
 * 2014): Soviet-era links, border trade and export routes that capability and distance do not explain. After the
 * last observation θ is held, so a forecast is the last observed ties moved by the change of the target: policy and
 * offers change the ties, a persistent gap does not pull them away. The free ties never see θ.
 *
 * <p>Neighbours respond (diffusion). A state whose rule emulates (every rule but neutrality) moves its target toward
 * the ties its contiguous regional neighbours had last year, weighted by their capability:
 * {@code target ← (1 − α) target + α Σ_j cap_j s_j / Σ_j cap_j}. This is Friedkin and Johnsen's (1990) social
 * influence with anchoring on one's own preference, the mechanism of policy diffusion by emulation and learning
 * among neighbours (Simmons &amp; Elkins 2004; Gleditsch &amp; Ward 2006). The weights are the neighbours' regional
 * status {@code σ_j ∝ cap_j (1 + w (H_j + M_j))}, shares over the regional states: capability, raised by the
 * dialogue hub H a state invested in and its standing M as a mediator ({@code status-mediation} w; status as
 * recognised standing: Renshon 2017; Wohlforth 2009). So the largest state, and the one whose diplomacy its
 * neighbours see working, is the example they follow most: Kazakhstan as a nascent regional pole. The same status
 * drives status disputes ({@link TensionRule}). So a counterfactual
 * strategy for one state moves the others' ties, balance and exposure. All states read last year's ties, so the
 * order in which states are updated does not matter.
 *
 * <p>The year's move of a state's ties in each dimension, the total-variation change {@code ½ Σ_p |Δs|}, is
 * recorded ({@code volatility.D}), the moment calibration matches to the observed year-to-year change of ties.
 */
final class PolicyRule {
    private PolicyRule() {}

    static void apply(RunState st, int y) {
        CompiledScenario c = st.c;
        int nP = c.nP;
        int nD = c.nD;
        double alpha = c.param(ParameterKey.NEIGHBOUR_EMULATION);
        status(st, y);
        if (alpha > 0) {
            neighbours(st, y);
        }
        double debtCoercion = c.param(ParameterKey.DEBT_COERCION);
        double repay = c.param(ParameterKey.DEBT_REPAYMENT);
        for (int i = 0; i < c.nR; i++) {
            // the debt stock grows with last year's ties in the debt dimensions and raises the creditor's leverage
            for (int p = 0; p < nP; p++) {
                double owed = 0;
                for (int d = 0; d < nD; d++) {
                    if (c.debtDim[d]) {
                        owed += st.share[st.s(i, p, d)];
                    }
                }
                int ip = i * nP + p;
                st.debt[ip] = (1 - repay) * st.debt[ip] + owed;
                st.kEff[ip] = Math.min(1, c.coercion[p] * (1 + debtCoercion * st.debt[ip]));
            }
            org.multivector.engine.policy.Policy policy = st.policy(i, y);
            boolean emulate = alpha > 0 && policy.emulates() && st.neighbourWeight[i] > 0;
            for (int d = 0; d < nD; d++) {
                for (int p = 0; p < nP; p++) {
                    int k = st.s(i, p, d);
                    st.o[p] = st.offer[k];
                    st.k[p] = st.kEff[i * nP + p];
                    st.t[p] = st.solved[k];
                }
                policy.target(st.o, st.k, st.t);
                for (int p = 0; p < nP; p++) {
                    st.solved[st.s(i, p, d)] = st.t[p];
                }
                double rho = c.inertia[d];
                double tv = 0;
                double withAffinity = 0;
                boolean shifted = false;
                for (int p = 0; p < nP; p++) {
                    int k = st.s(i, p, d);
                    double t = st.t[p];
                    if (emulate) {
                        t = (1 - alpha) * t + alpha * st.neighbourMean[k] / st.neighbourWeight[i];
                    }
                    st.target[k] = t;
                    shifted |= st.affinity[k] != 0;
                    st.t[p] = Math.max(0, t + st.affinity[k]);
                    withAffinity += st.t[p];
                }
                for (int p = 0; p < nP; p++) {
                    int k = st.s(i, p, d);
                    // the ties move toward the target plus the state's affinity, put back on the simplex
                    double t = !shifted ? st.target[k] : withAffinity > 0 ? st.t[p] / withAffinity : st.target[k];
                    double step = rho * (t - st.share[k]);
                    st.share[k] += step;
                    st.free[k] += rho * (st.target[k] - st.free[k]);
                    tv += Math.abs(step);
                }
                st.move[i * nD + d] = 0.5 * tv;
            }
        }
    }

    /** Each state's regional status this year: capability times (1 + w (hub + standing)), as shares over the states. */
    static void status(RunState st, int y) {
        CompiledScenario c = st.c;
        double w = c.param(ParameterKey.STATUS_MEDIATION);
        double sum = 0;
        for (int i = 0; i < c.nR; i++) {
            double s = c.partyCapability[y * c.nN + i] * (1 + w * (st.hub[i] + st.standing[i]));
            st.status[i] = s;
            sum += s;
        }
        for (int i = 0; i < c.nR; i++) {
            st.status[i] = sum > 0 ? st.status[i] / sum : 1.0 / c.nR;
        }
    }

    /** Fills each state's status-weighted sum of its contiguous regional neighbours' ties of last year (before any update). */
    private static void neighbours(RunState st, int y) {
        CompiledScenario c = st.c;
        int n = c.nP * c.nD;
        java.util.Arrays.fill(st.neighbourMean, 0);
        java.util.Arrays.fill(st.neighbourWeight, 0);
        for (int q = 0; q < c.nRegionalDyads; q++) {
            if (!c.contiguous[y * c.nQ + q]) {
                continue;
            }
            int a = c.dyadA[q];
            int b = c.dyadB[q];
            double capA = st.status[a];
            double capB = st.status[b];
            st.neighbourWeight[a] += capB;
            st.neighbourWeight[b] += capA;
            for (int k = 0; k < n; k++) {
                st.neighbourMean[a * n + k] += capB * st.share[b * n + k];
                st.neighbourMean[b * n + k] += capA * st.share[a * n + k];
            }
        }
    }
}
