package org.multivector.engine;

import org.multivector.model.ParameterKey;

/**
 * Step 2: pole pressure and offers.
 *
 * <p>Pressure. With alignment {@code a_ip} (salience-weighted share) and a slowly moving reference
 * alignment {@code r_ip}, pole p presses state i when i has drifted away from it past the pole's
 * threshold θ_p: {@code pressure_ip = assertiveness_p · max(0, r_ip − a_ip − θ_p)}; then
 * {@code r_ip += memory · (a_ip − r_ip)}. Pressure adds {@code PRESSURE_FRAGILITY · Σ_p pressure_ip}
 * to i's fragility (Russian assertiveness, Chinese leverage, Western conditionality).
 *
 * <p>Offers. {@code o_pid = interest_pd · capShare_pd^γ · (1 + β_inst · n_inst) · (1 + β_route · routeShare) · (1 + β_prox)[an open border with a member of the pole that year, not political dimensions]
 * · eventFactor · (1 + β_press · pressure_ip)[coercible dimensions] · (1 + β_call · call_i)[security domain, lead of i's
 * security institution]}. The residual partner offers {@code RESIDUAL_OFFER} times the mean pole
 * offer, with its own route bonus.
 */
final class PoleOfferRule {
    private PoleOfferRule() {}

    static void apply(RunState st, int y) {
        CompiledScenario c = st.c;
        int nR = c.nR;
        int nP = c.nP;
        int nD = c.nD;
        double instBonus = c.param(ParameterKey.INSTITUTION_OFFER_BONUS);
        double routeBonus = c.param(ParameterKey.ROUTE_OFFER_BONUS);
        double proximity = c.param(ParameterKey.PROXIMITY_OFFER_BONUS);
        double residualOffer = c.param(ParameterKey.RESIDUAL_OFFER);
        double memory = c.param(ParameterKey.PRESSURE_MEMORY);
        double pressOffer = c.param(ParameterKey.PRESSURE_OFFER);
        double pressFragility = c.param(ParameterKey.PRESSURE_FRAGILITY);
        double call = c.param(ParameterKey.UNREST_SECURITY_CALL);
        Alignment.compute(c, st.share, st.align);
        for (int i = 0; i < nR; i++) {
            double total = 0;
            for (int p = 0; p < nP; p++) {
                int ip = i * nP + p;
                double away = st.refAlign[ip] - st.align[ip] - c.pressureThreshold[p];
                double pr = p == c.residual ? 0 : c.assertiveness[p] * Math.max(0, away);
                st.pressure[ip] = pr;
                total += pr;
                st.refAlign[ip] += memory * (st.align[ip] - st.refAlign[ip]);
            }
            st.fragility[i] = EventRule.clip(st.fragility[i] + pressFragility * total);
            int lead = c.securityLead[y * nR + i];
            for (int d = 0; d < nD; d++) {
                double sum = 0;
                int poles = 0;
                for (int p = 0; p < nP; p++) {
                    if (p == c.residual) {
                        continue;
                    }
                    int k = ((y * nR + i) * nP + p) * nD + d;
                    double o = c.interest[p * nD + d]
                            * c.capShareGamma[(y * nP + p) * nD + d]
                            * (1 + instBonus * c.institutionCount[k])
                            * (1 + routeBonus * c.routeShare[k])
                            * st.offerFactor[st.s(i, p, d)];
                    if (c.bordersPole[(y * nR + i) * nP + p] && !c.politicalDim[d]) {
                        o *= 1 + proximity;
                    }
                    if (c.coercibleDim[d]) {
                        o *= 1 + pressOffer * st.pressure[i * nP + p];
                    }
                    if (c.securityDim[d] && p == lead) {
                        o *= 1 + call * st.securityCall[i];
                    }
                    st.offer[st.s(i, p, d)] = o;
                    sum += o;
                    poles++;
                }
                if (c.residual >= 0) {
                    int k = ((y * nR + i) * nP + c.residual) * nD + d;
                    st.offer[st.s(i, c.residual, d)] = residualOffer
                            * (poles > 0 ? sum / poles : 1)
                            * (1 + routeBonus * c.routeShare[k])
                            * st.offerFactor[st.s(i, c.residual, d)];
                }
            }
        }
    }
}
