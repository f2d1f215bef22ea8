package org.multivector.engine;

/**
 * Up to the last observed year, re-anchors ties to the observed series where they exist. Before
 * overwriting it records, per state, the mean total-variation distance {@code ½ Σ_p |s − obs|}
 * over the dimensions observed that year: of the one-step model ({@code drift.step}) and of the
 * free model that was never re-anchored ({@code drift.free}). Where nothing is observed the drift is NaN.
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
                for (int p = 0; p < nP; p++) {
                    double obs = c.observed[((y * nR + i) * nP + p) * nD + d];
                    int k = st.s(i, p, d);
                    ds += Math.abs(st.share[k] - obs);
                    df += Math.abs(st.free[k] - obs);
                    st.share[k] = obs;
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
