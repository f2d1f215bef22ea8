package org.multivector.engine;

/**
 * Step 1: applies the events scheduled for the year, in scenario order. Rivalry, tension,
 * fragility, confidence-building, mediation effort, dialogue-hub capacity, border defence and inclusion are clipped to 0..1;
 * offer factors multiply and persist.
 */
final class EventRule {
    private EventRule() {}

    static void apply(RunState st, int y) {
        CompiledScenario c = st.c;
        int nR = c.nR;
        for (int k = c.eventStart[y]; k < c.eventStart[y + 1]; k++) {
            double v = c.opValue[k];
            int a = c.opA[k];
            int b = c.opB[k];
            switch (c.opKind[k]) {
                case CompiledScenario.OP_RIVALRY -> st.rivalry = clip(st.rivalry + v);
                case CompiledScenario.OP_TENSION -> st.tension[a] = clip(Math.max(0, st.tension[a]) + v);
                case CompiledScenario.OP_FRAGILITY -> st.fragility[a] = clip(st.fragility[a] + v);
                case CompiledScenario.OP_OFFER -> {
                    int state = c.opC[k];
                    for (int i = 0; i < nR; i++) {
                        if (state < 0 || state == i) {
                            st.offerFactor[st.s(i, a, b)] *= v;
                        }
                    }
                }
                case CompiledScenario.OP_DISPUTE -> st.disputeIntensity[a] = clip(v);
                case CompiledScenario.OP_CBM -> st.cbm[a] = clip(v);
                case CompiledScenario.OP_MEDIATION -> st.mediationEffort[a] = clip(v);
                case CompiledScenario.OP_HUB -> st.hub[a] = clip(st.hub[a] + v);
                case CompiledScenario.OP_DEFENCE -> st.defence[a] = clip(v);
                case CompiledScenario.OP_IDENTITY -> st.inclusion[a] = clip(v);
                default -> throw new IllegalStateException("unknown event op " + c.opKind[k]);
            }
        }
    }

    static double clip(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
