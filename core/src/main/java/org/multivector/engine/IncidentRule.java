package org.multivector.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.multivector.model.ParameterKey;

/**
 * Step 5: incidents and unrest, and their feedbacks.
 *
 * <p>Fragility first recovers toward its baseline and takes a shock, {@code f ← clip(f + φ (f₀ − f) + σ_f ε)}
 * (ε standard normal: the domestic events the model does not represent); incident memory
 * decays by its keep factor. Each dyad whose parties share a border that year (two regional states, or
 * a state and a pole or another actor) draws a militarised incident with hazard
 * {@code h = logistic(β₀ + β_τ τ − β_cap |ln(cap_a/cap_b)| − β_inst n_inst − β_int·interdep
 * + β_align·divergence·rivalry + β_frag f̄ − β_def D̄)}, f̄ the mean fragility of its regional parties, D̄ their mean
 * border defence (deterrence by denial, Mearsheimer 1983; β_def &lt; 0 is the security dilemma, Jervis 1978) and a pole's
 * capability its members' summed CINC; an incident raises the dyad's memory by 1, its tension and the
 * fragility of its regional parties. Each state draws unrest with
 * {@code u = logistic(γ₀ + γ_f f + γ_p Σ_p pressure + γ_s spill-over)}; unrest raises fragility and
 * calls in the lead pole of the state's security institution (a security-offer boost that halves
 * each year, as with the CSTO deployment in Kazakhstan in January 2022). Spill-over is what the state's border
 * defence D (dated {@code defence} events: troops and border guards) lets through, {@code spill · (1 − δ D)}, δ the
 * {@code border-deterrence} (deterrence by denial: Snyder 1961; Mearsheimer 1983).
 *
 * <p>Mediation's costs and rewards. An incident in a dyad a third state mediates draws the mediator in: its tension
 * with each party rises by {@code ε · e_m} (the mediation dilemma: Beardsley 2011). A disputed dyad it mediates that
 * stays without an incident adds its mediation offer to the mediator's standing, which decays like incident memory
 * and raises its regional status ({@link PolicyRule}).
 *
 * <p>Draws: with σ_f > 0 one normal per state, then one uniform per contiguous dyad (in dyad order) then one per
 * state, every
 * year, whatever happens, so strategies compared on the same seed share their random numbers.
 */
final class IncidentRule {
    private IncidentRule() {}

    static void apply(RunState st, int y, UniformRandomProvider rng, NormalizedGaussianSampler normal) {
        CompiledScenario c = st.c;
        int nR = c.nR;
        double recovery = c.param(ParameterKey.FRAGILITY_RECOVERY);
        double keep = c.param(ParameterKey.INCIDENT_MEMORY_DECAY);
        double shock = c.param(ParameterKey.FRAGILITY_SHOCK_SD);
        for (int i = 0; i < nR; i++) {
            st.fragility[i] += recovery * (c.fragilityBase[i] - st.fragility[i]);
            if (shock > 0) {
                st.fragility[i] = EventRule.clip(st.fragility[i] + shock * normal.sample());
            }
            st.securityCall[i] *= 0.5;
        }
        double b0 = c.param(ParameterKey.INCIDENT_BASE);
        double bT = c.param(ParameterKey.INCIDENT_TENSION);
        double bCap = c.param(ParameterKey.INCIDENT_CAPABILITY_RATIO);
        double bInst = c.param(ParameterKey.INCIDENT_INSTITUTIONS);
        double bInt = c.param(ParameterKey.INCIDENT_INTERDEPENDENCE);
        double bAlign = c.param(ParameterKey.INCIDENT_ALIGNMENT);
        double bFrag = c.param(ParameterKey.INCIDENT_FRAGILITY);
        double bDef = c.param(ParameterKey.INCIDENT_DEFENCE);
        double jumpT = c.param(ParameterKey.INCIDENT_TENSION_JUMP);
        double jumpF = c.param(ParameterKey.INCIDENT_FRAGILITY_JUMP);
        double entangle = c.param(ParameterKey.MEDIATION_ENTANGLEMENT);
        for (int q = 0; q < c.nQ; q++) {
            st.incidentMemory[q] *= keep;
            st.incident[q] = false;
            if (!c.contiguous[y * c.nQ + q]) {
                st.hazard[q] = Double.NaN;
                continue;
            }
            int a = c.dyadA[q];
            int b = c.dyadB[q];
            boolean bRegional = b < nR;
            double ratio = c.dyadCapabilityGap[y * c.nQ + q];
            double frag = bRegional ? 0.5 * (st.fragility[a] + st.fragility[b]) : st.fragility[a];
            double def = bRegional ? 0.5 * (st.defence[a] + st.defence[b]) : st.defence[a];
            double z = b0
                    + bT * st.tension[q]
                    - bCap * ratio
                    - bInst * c.sharedInstitutions[y * c.nQ + q]
                    - bInt * st.interdep[q]
                    + bAlign * st.divergence[q] * st.rivalry
                    + bFrag * frag
                    - bDef * def;
            double h = TensionRule.logistic(z);
            st.hazard[q] = h;
            if (rng.nextDouble() < h) {
                st.incident[q] = true;
                st.incidentMemory[q] += 1;
                st.tension[q] = EventRule.clip(st.tension[q] + jumpT);
                int m = st.mediator[q];
                if (m >= 0 && entangle > 0) {
                    entangle(st, c.dyadIndex[a * c.nN + m], entangle * st.mediationEffort[m]);
                    entangle(st, c.dyadIndex[b * c.nN + m], entangle * st.mediationEffort[m]);
                }
                st.fragility[a] = EventRule.clip(st.fragility[a] + jumpF);
                if (bRegional) {
                    st.fragility[b] = EventRule.clip(st.fragility[b] + jumpF);
                }
            }
        }
        double g0 = c.param(ParameterKey.UNREST_BASE);
        double gF = c.param(ParameterKey.UNREST_FRAGILITY);
        double gP = c.param(ParameterKey.UNREST_PRESSURE);
        double gS = c.param(ParameterKey.UNREST_SPILLOVER);
        double jumpU = c.param(ParameterKey.UNREST_FRAGILITY_JUMP);
        double deterrence = c.param(ParameterKey.BORDER_DETERRENCE);
        for (int i = 0; i < nR; i++) {
            double pressure = 0;
            for (int p = 0; p < c.nP; p++) {
                pressure += st.pressure[i * c.nP + p];
            }
            double spill = c.spillover[y * nR + i] * (1 - deterrence * st.defence[i]);
            double u = TensionRule.logistic(g0 + gF * st.fragility[i] + gP * pressure + gS * spill);
            st.unrestP[i] = u;
            st.unrest[i] = rng.nextDouble() < u;
            if (st.unrest[i]) {
                st.fragility[i] = EventRule.clip(st.fragility[i] + jumpU);
                st.securityCall[i] = 1;
            }
        }
        standing(st, keep);
    }

    private static void entangle(RunState st, int q, double delta) {
        if (q >= 0) {
            st.tension[q] = EventRule.clip(Math.max(0, st.tension[q]) + delta);
        }
    }

    /** Standing: remembered mediation of disputed dyads that stayed without an incident this year. */
    private static void standing(RunState st, double keep) {
        CompiledScenario c = st.c;
        for (int i = 0; i < c.nR; i++) {
            st.standing[i] *= keep;
        }
        for (int q = 0; q < c.nQ; q++) {
            int m = st.mediator[q];
            if (m >= 0 && !st.incident[q] && st.disputed[q] > 0) {
                st.standing[m] += st.mediationOffer[q];
            }
        }
    }
}
