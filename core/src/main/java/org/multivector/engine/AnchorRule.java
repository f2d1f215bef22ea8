package org.multivector.engine;

import org.multivector.model.ParameterKey;

/**
 * Up to the last observed year, re-anchors ties to the observed series where they exist. Before
 * overwriting it records, per state, the mean total-variation distance {@code ½ Σ_p |s − obs|}
 * over the dimensions observed that year: of the one-step model ({@code drift.step}) and of the
 * free model that was never re-anchored ({@code drift.free}). It also learns each observed pole's affinity, the gap
 * between the observation and the policy target: {@code θ ← θ + ω (obs − target − θ)} (ω =
 * {@code tie-affinity-learning}; with ω = 1, the latest gap). Where nothing is observed the drift is NaN. A pole
 * whose share is missing in an observed year keeps the model's share, scaled with the other unobserved poles (and
 * the residual) to what the observed poles leave.
 */
final class AnchorRule {
    private AnchorRule() {}

    static void apply(RunState st, int y) {
        CompiledScenario c = st.c;
        int nR = c.nR;
        int nP = c.nP;
        int nD = c.nD;
        for (int i = 0; i < nR; i++) {
            st.driftStep[i] = Double.NaN;
            st.driftFree[i] = Double.NaN;
        }
        if (y > c.lastObservedIndex) {
            return;
        }
        double omega = c.param(ParameterKey.TIE_AFFINITY_LEARNING);
        for (int i = 0; i < nR; i++) {
            double step = 0;
            double free = 0;
            int n = 0;
            for (int d = 0; d < nD; d++) {
                if (!c.observedAny[(y * nR + i) * nD + d]) {
                    continue;
                }
                double ds = 0;
                double df = 0;
                double fixed = 0;
                double restShare = 0;
                double restFree = 0;
                int open = 0;
                for (int p = 0; p < nP; p++) {
                    double obs = c.observed[((y * nR + i) * nP + p) * nD + d];
                    int k = st.s(i, p, d);
                    if (Double.isNaN(obs)) {
                        restShare += st.share[k];
                        restFree += st.free[k];
                        open++;
                        continue;
                    }
                    ds += Math.abs(st.share[k] - obs);
                    df += Math.abs(st.free[k] - obs);
                    fixed += obs;
                    st.share[k] = obs;
                    st.affinity[k] += omega * (obs - st.target[k] - st.affinity[k]);
                }
                if (open > 0) {
                    // poles missing that year (and the residual with them) keep their model shares, scaled to
                    // what the observed poles leave; the drift compares that remainder as one block
                    double remainder = Math.max(0, 1 - fixed);
                    ds += Math.abs(restShare - remainder);
                    df += Math.abs(restFree - remainder);
                    for (int p = 0; p < nP; p++) {
                        if (Double.isNaN(c.observed[((y * nR + i) * nP + p) * nD + d])) {
                            int k = st.s(i, p, d);
                            st.share[k] = restShare > 0 ? st.share[k] * remainder / restShare : remainder / open;
                        }
                    }
                }
                step += 0.5 * ds;
                free += 0.5 * df;
                n++;
            }
            if (n > 0) {
                st.driftStep[i] = step / n;
                st.driftFree[i] = free / n;
            }
        }
    }
}
