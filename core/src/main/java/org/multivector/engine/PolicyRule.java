package org.multivector.engine;

/**
 * Step 3: each regional state chooses target shares per dimension by the strategy in force that year
 * ({@link org.multivector.engine.policy.Policy}), and its ties move toward the target with the
 * dimension's inertia: {@code s ← s + ρ_d (target − s)}. The shadow "free" ties, never re-anchored
 * to observations, move the same way, so their distance to the data measures the free model's drift.
 */
final class PolicyRule {
    private PolicyRule() {}

    static void apply(RunState st, int y) {
        CompiledScenario c = st.c;
        int nP = c.nP;
        for (int i = 0; i < c.nR; i++) {
            org.multivector.engine.policy.Policy policy = st.policy(i, y);
            for (int d = 0; d < c.nD; d++) {
                for (int p = 0; p < nP; p++) {
                    int k = st.s(i, p, d);
                    st.o[p] = st.offer[k];
                    st.k[p] = c.coercion[p];
                    st.t[p] = st.target[k];
                }
                policy.target(st.o, st.k, st.t);
                double rho = c.inertia[d];
                for (int p = 0; p < nP; p++) {
                    int k = st.s(i, p, d);
                    st.target[k] = st.t[p];
                    st.share[k] += rho * (st.t[p] - st.share[k]);
                    st.free[k] += rho * (st.t[p] - st.free[k]);
                }
            }
        }
    }
}
