package org.multivector.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.multivector.model.ParameterKey;

/**
 * Step 5: incidents and unrest, and their feedbacks.
 *
 * <p>Fragility first recovers toward its baseline, {@code f ← f + φ (f₀ − f)}; incident memory
 * decays by its keep factor. Each contiguous pair draws a militarised incident with hazard
 * {@code h = logistic(β₀ + β_τ τ − β_cap |ln(cap_i/cap_j)| − β_inst n_inst − β_int·interdep
 * + β_align (1 − S)/2 · rivalry + β_frag (f_i + f_j)/2)}; an incident raises the pair's memory by 1,
 * its tension and both states' fragility. Each state draws unrest with
 * {@code u = logistic(γ₀ + γ_f f + γ_p Σ_p pressure + γ_s spill-over)}; unrest raises fragility and
 * calls in the lead pole of the state's security institution (a security-offer boost that halves
 * each year, as with the CSTO deployment in Kazakhstan in January 2022).
 *
 * <p>Draws: one uniform per contiguous pair (upper triangle, row order) then one per state, every
 * year, whatever happens, so strategies compared on the same seed share their random numbers.
 */
final class IncidentRule {
    private IncidentRule() {}

    static void apply(RunState st, int y, UniformRandomProvider rng) {
        CompiledScenario c = st.c;
        int nR = c.nR;
        double recovery = c.param(ParameterKey.FRAGILITY_RECOVERY);
        double keep = c.param(ParameterKey.INCIDENT_MEMORY_DECAY);
        for (int i = 0; i < nR; i++) {
            st.fragility[i] += recovery * (c.fragilityBase[i] - st.fragility[i]);
            st.securityCall[i] *= 0.5;
        }
        double b0 = c.param(ParameterKey.INCIDENT_BASE);
        double bT = c.param(ParameterKey.INCIDENT_TENSION);
        double bCap = c.param(ParameterKey.INCIDENT_CAPABILITY_RATIO);
        double bInst = c.param(ParameterKey.INCIDENT_INSTITUTIONS);
        double bInt = c.param(ParameterKey.INCIDENT_INTERDEPENDENCE);
        double bAlign = c.param(ParameterKey.INCIDENT_ALIGNMENT);
        double bFrag = c.param(ParameterKey.INCIDENT_FRAGILITY);
        double jumpT = c.param(ParameterKey.INCIDENT_TENSION_JUMP);
        double jumpF = c.param(ParameterKey.INCIDENT_FRAGILITY_JUMP);
        for (int i = 0; i < nR; i++) {
            for (int j = i + 1; j < nR; j++) {
                int ij = i * nR + j;
                st.incidentMemory[ij] *= keep;
                st.incidentMemory[j * nR + i] = st.incidentMemory[ij];
                st.incident[ij] = false;
                if (!c.contiguous[ij]) {
                    st.hazard[ij] = Double.NaN;
                    continue;
                }
                double capI = c.capability[y * nR + i];
                double capJ = c.capability[y * nR + j];
                double ratio = capI > 0 && capJ > 0 ? Math.abs(Math.log(capI / capJ)) : 0;
                double z = b0
                        + bT * st.tension[ij]
                        - bCap * ratio
                        - bInst * c.sharedInstitutions[(y * nR + i) * nR + j]
                        - bInt * c.interdependence[(y * nR + i) * nR + j]
                        + bAlign * (1 - st.sscore[ij]) / 2 * st.rivalry
                        + bFrag * 0.5 * (st.fragility[i] + st.fragility[j]);
                double h = TensionRule.logistic(z);
                st.hazard[ij] = h;
                if (rng.nextDouble() < h) {
                    st.incident[ij] = true;
                    st.incidentMemory[ij] += 1;
                    st.incidentMemory[j * nR + i] = st.incidentMemory[ij];
                    double t = EventRule.clip(st.tension[ij] + jumpT);
                    st.tension[ij] = t;
                    st.tension[j * nR + i] = t;
                    st.fragility[i] = EventRule.clip(st.fragility[i] + jumpF);
                    st.fragility[j] = EventRule.clip(st.fragility[j] + jumpF);
                }
            }
        }
        double g0 = c.param(ParameterKey.UNREST_BASE);
        double gF = c.param(ParameterKey.UNREST_FRAGILITY);
        double gP = c.param(ParameterKey.UNREST_PRESSURE);
        double gS = c.param(ParameterKey.UNREST_SPILLOVER);
        double jumpU = c.param(ParameterKey.UNREST_FRAGILITY_JUMP);
        for (int i = 0; i < nR; i++) {
            double pressure = 0;
            for (int p = 0; p < c.nP; p++) {
                pressure += st.pressure[i * c.nP + p];
            }
            double u = TensionRule.logistic(g0 + gF * st.fragility[i] + gP * pressure + gS * c.spillover[y * nR + i]);
            st.unrestP[i] = u;
            st.unrest[i] = rng.nextDouble() < u;
            if (st.unrest[i]) {
                st.fragility[i] = EventRule.clip(st.fragility[i] + jumpU);
                st.securityCall[i] = 1;
            }
        }
    }
}
