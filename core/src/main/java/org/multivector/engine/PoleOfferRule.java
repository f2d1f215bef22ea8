package org.multivector.engine;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.multivector.model.ParameterKey;
import org.multivector.numeric.PortableMath;

/**
 * Step 2: the poles act. Each pole chooses its pressure on, and its offers to, every state in every dimension.
 *
 * <p>Pressure. With alignment {@code a_ip} (salience-weighted share) and a reference alignment {@code r_ip}, pole p
 * presses state i when i has moved away from it past the pole's red line θ_p:
 * {@code pressure_ip = assertiveness_p · max(0, r_ip − a_ip − θ_p)}. The reference follows gains at rate
 * {@code memory} and losses at {@code memory · (1 − ℓ)}, ℓ the pole's loss aversion: a pole that does not accept
 * a loss keeps pressing while the state stays away (prospect theory in international politics: Levy 1992, Jervis
 * 1992), so pressure is no longer transient by construction. Pressure adds {@code PRESSURE_FRAGILITY · Σ_p
 * pressure_ip} to i's fragility (Russian assertiveness, Chinese leverage, Western conditionality).
 *
 * <p>Offers, in three parts.
 *
 * <ol>
 *   <li>What the pole can and wants to offer (its capability-based offer):
 *       {@code b_pid = interest_pd · capShare_pd^γ · (1 + β_inst · n_inst) · (1 + β_route · routeShare) ·
 *       (1 + β_prox)[an open border with a member of the pole that year, not political dimensions] · eventFactor ·
 *       (1 + β_press · pressure_ip)[coercible dimensions] · (1 + β_call · call_i)[security domain, lead of i's
 *       security institution] · exp(z_ip)}, where {@code z_ip ← φ z_ip + σ ε} is the log climate between the pole
 *       and the state, an AR(1) shock (ε standard normal; exp(z) has median 1).
 *   <li>Competition: the pole matches its rivals. With last year's offers o, {@code o_pid = b_pid · (1 + μ Σ_{q}
 *       rivalry · cost_pq · max(0, o_qid − o_pid) / (o_qid + o_pid))} over the other poles q (cost_pq the
 *       intensity of their rivalry, 0 for allies): a pole out-offered by a rival raises its offer, in proportion to
 *       the rival's relative lead (a partial best response to the rivals' last moves, as in the adaptive play of
 *       contests: Tullock 1980; for Central Asia, Cooley 2012).
 *   <li>Budget: a pole's offers summed over states and dimensions may exceed the sum of its capability-based offers
 *       by at most the slack κ; above that all its offers are scaled down to the budget, so a pole that competes
 *       harder for one state offers relatively less to the others.
 * </ol>
 *
 * The residual partner offers {@code RESIDUAL_OFFER} times the mean pole offer, with its own route bonus.
 *
 * <p>Routes. Up to the last observed year (or the last dated opening or closing of a route, if later) a state's
 * route shares are the dated routes of the scenario. After it,
 * corridors, railways and pipelines are investments that follow the ties, which strategy and offers move:
 * {@code R_ipd ← R_ipd + g (s_ipd − R_ipd)} in every dimension where the state has routes ({@code route-investment}
 * g; capacity is added or renewed where the flows go). Through the route bonus this is path dependence by
 * investment: a tilt builds the infrastructure that raises the favoured pole's offers (Pierson 2000 on increasing
 * returns).
 *
 * <p>Draws: with σ > 0, one standard normal per state and pole (the residual excluded) every year, in that order,
 * whatever happens, so strategies compared on the same seed share their random numbers; with σ = 0 none.
 */
final class PoleOfferRule {
    private PoleOfferRule() {}

    static void apply(RunState st, int y, NormalizedGaussianSampler normal) {
        CompiledScenario c = st.c;
        int nR = c.nR;
        int nP = c.nP;
        int nD = c.nD;
        double routeBonus = c.param(ParameterKey.ROUTE_OFFER_BONUS);
        double proximity = c.param(ParameterKey.PROXIMITY_OFFER_BONUS);
        double residualOffer = c.param(ParameterKey.RESIDUAL_OFFER);
        double memory = c.param(ParameterKey.PRESSURE_MEMORY);
        double lossAversion = c.param(ParameterKey.PRESSURE_LOSS_AVERSION);
        double pressOffer = c.param(ParameterKey.PRESSURE_OFFER);
        double pressFragility = c.param(ParameterKey.PRESSURE_FRAGILITY);
        double call = c.param(ParameterKey.UNREST_SECURITY_CALL);
        double mu = c.param(ParameterKey.OFFER_COMPETITION) * st.rivalry;
        double slack = c.param(ParameterKey.OFFER_BUDGET_SLACK);
        double sigma = c.param(ParameterKey.OFFER_SHOCK_SD);
        double phi = c.param(ParameterKey.OFFER_SHOCK_PERSISTENCE);
        int cost0 = y * nP * nP;
        routes(st, y);
        Alignment.compute(c, st.share, st.align);
        for (int p = 0; p < nP; p++) {
            st.baseTotal[p] = 0;
            st.offerTotal[p] = 0;
        }
        for (int i = 0; i < nR; i++) {
            double total = 0;
            for (int p = 0; p < nP; p++) {
                int ip = i * nP + p;
                double away = st.refAlign[ip] - st.align[ip] - c.pressureThreshold[p];
                double pr = p == c.residual ? 0 : c.assertiveness[p] * Math.max(0, away);
                st.pressure[ip] = pr;
                total += pr;
                double gap = st.align[ip] - st.refAlign[ip];
                st.refAlign[ip] += memory * (gap < 0 ? 1 - lossAversion : 1) * gap;
                if (sigma > 0 && p != c.residual) {
                    st.climate[ip] = phi * st.climate[ip] + sigma * normal.sample();
                    // once per state and pole, not per dimension
                    st.climateFactor[p] = PortableMath.exp(st.climate[ip]);
                }
            }
            st.fragility[i] = EventRule.clip(st.fragility[i] + pressFragility * total);
            int lead = c.securityLead[y * nR + i];
            for (int d = 0; d < nD; d++) {
                for (int p = 0; p < nP; p++) {
                    st.prevOffer[p] = st.offer[st.s(i, p, d)];
                }
                for (int p = 0; p < nP; p++) {
                    if (p == c.residual) {
                        continue;
                    }
                    int k = ((y * nR + i) * nP + p) * nD + d;
                    double b = c.capabilityOffer[k] // interest · capShare^γ · (1 + β_inst n_inst)
                            * (1 + routeBonus * st.routeShare[st.s(i, p, d)])
                            * st.offerFactor[st.s(i, p, d)];
                    if (c.bordersPole[(y * nR + i) * nP + p] && !c.politicalDim[d]) {
                        b *= 1 + proximity;
                    }
                    if (c.coercibleDim[d]) {
                        b *= 1 + pressOffer * st.pressure[i * nP + p];
                    }
                    if (c.securityDim[d] && p == lead) {
                        b *= 1 + call * st.securityCall[i];
                    }
                    if (sigma > 0) {
                        b *= st.climateFactor[p];
                    }
                    double o = b;
                    double own = st.prevOffer[p];
                    if (mu > 0 && own > 0) {
                        double contest = 0;
                        for (int q = 0; q < nP; q++) {
                            double cost = c.relationCost[cost0 + p * nP + q];
                            double rival = st.prevOffer[q];
                            if (q != p && q != c.residual && cost > 0 && rival > own) {
                                contest += cost * (rival - own) / (rival + own);
                            }
                        }
                        o *= 1 + mu * contest;
                    }
                    st.offer[st.s(i, p, d)] = o;
                    st.baseTotal[p] += b;
                    st.offerTotal[p] += o;
                }
            }
        }
        for (int p = 0; p < nP; p++) {
            double budget = (1 + slack) * st.baseTotal[p];
            // reuse baseTotal as the pole's scale factor: 1 within its budget
            st.baseTotal[p] = st.offerTotal[p] > budget ? budget / st.offerTotal[p] : 1;
        }
        for (int i = 0; i < nR; i++) {
            for (int d = 0; d < nD; d++) {
                double sum = 0;
                int poles = 0;
                for (int p = 0; p < nP; p++) {
                    if (p == c.residual) {
                        continue;
                    }
                    int k = st.s(i, p, d);
                    st.offer[k] *= st.baseTotal[p];
                    sum += st.offer[k];
                    poles++;
                }
                if (c.residual >= 0) {
                    st.offer[st.s(i, c.residual, d)] = residualOffer
                            * (poles > 0 ? sum / poles : 1)
                            * (1 + routeBonus * st.routeShare[st.s(i, c.residual, d)])
                            * st.offerFactor[st.s(i, c.residual, d)];
                }
            }
        }
    }

    /**
     * {@link #apply(RunState, int, NormalizedGaussianSampler)} for the runs of {@code lanes[0 .. count)}, all of year
     * {@code y} of the same compiled scenario, with runs side by side (as {@link Alignment#relations(RunState[], int,
     * int, Alignment.Lanes)}): each run's routes, alignment and climate draws first (the draws in the same order, and
     * nothing else in this rule draws), then pressure, offers, competition and budgets over all runs at once, every
     * innermost loop over the runs. Each run's numbers come from the same operations in the same order: a rival's
     * lead is {@code max(rival − own, 0)}, whose term is +0 where the one-run rule skips it (a sum that is never −0
     * stays the same), and the contest of a pole that offered nothing last year (or without competition) is computed
     * and not used. {@code LockstepTest} checks the bits on every shipped scenario.
     */
    static void apply(RunState[] lanes, int count, int y, NormalizedGaussianSampler[] normal, Lanes x) {
        CompiledScenario c = lanes[0].c;
        int nR = c.nR;
        int nP = c.nP;
        int nD = c.nD;
        int res = c.residual;
        double routeBonus = c.param(ParameterKey.ROUTE_OFFER_BONUS);
        double proximity = c.param(ParameterKey.PROXIMITY_OFFER_BONUS);
        double residualOffer = c.param(ParameterKey.RESIDUAL_OFFER);
        double memory = c.param(ParameterKey.PRESSURE_MEMORY);
        double lossAversion = c.param(ParameterKey.PRESSURE_LOSS_AVERSION);
        double pressOffer = c.param(ParameterKey.PRESSURE_OFFER);
        double pressFragility = c.param(ParameterKey.PRESSURE_FRAGILITY);
        double call = c.param(ParameterKey.UNREST_SECURITY_CALL);
        double competition = c.param(ParameterKey.OFFER_COMPETITION);
        double slack = c.param(ParameterKey.OFFER_BUDGET_SLACK);
        double sigma = c.param(ParameterKey.OFFER_SHOCK_SD);
        double phi = c.param(ParameterKey.OFFER_SHOCK_PERSISTENCE);
        int cost0 = y * nP * nP;
        int cells = nR * nP * nD;
        for (int l = 0; l < count; l++) {
            RunState st = lanes[l];
            routes(st, y);
            Alignment.compute(c, st.share, st.align);
            x.mu[l] = competition * st.rivalry;
            for (int ip = 0; ip < nR * nP; ip++) {
                if (sigma > 0 && ip % nP != res) {
                    st.climate[ip] = phi * st.climate[ip] + sigma * normal[l].sample();
                    x.climate[ip][l] = PortableMath.exp(st.climate[ip]);
                }
                x.refAlign[ip][l] = st.refAlign[ip];
                x.align[ip][l] = st.align[ip];
            }
            for (int i = 0; i < nR; i++) {
                x.fragility[i][l] = st.fragility[i];
                x.securityCall[i][l] = st.securityCall[i];
            }
            for (int k = 0; k < cells; k++) {
                x.route[k][l] = st.routeShare[k];
                x.factor[k][l] = st.offerFactor[k];
                x.offer[k][l] = st.offer[k];
            }
        }
        double[] mu = x.mu;
        double[] total = x.sum;
        double[] contest = x.contest;
        for (int p = 0; p < nP; p++) {
            java.util.Arrays.fill(x.baseTotal[p], 0, count, 0);
            java.util.Arrays.fill(x.offerTotal[p], 0, count, 0);
        }
        for (int i = 0; i < nR; i++) {
            java.util.Arrays.fill(total, 0, count, 0);
            for (int p = 0; p < nP; p++) {
                int ip = i * nP + p;
                double threshold = c.pressureThreshold[p];
                double assertiveness = c.assertiveness[p];
                boolean residual = p == res;
                double[] ref = x.refAlign[ip];
                double[] align = x.align[ip];
                double[] pressure = x.pressure[ip];
                for (int l = 0; l < count; l++) {
                    double away = ref[l] - align[l] - threshold;
                    double pr = residual ? 0 : assertiveness * Math.max(0, away);
                    pressure[l] = pr;
                    total[l] += pr;
                    double gap = align[l] - ref[l];
                    ref[l] += memory * (gap < 0 ? 1 - lossAversion : 1) * gap;
                }
            }
            double[] fragility = x.fragility[i];
            for (int l = 0; l < count; l++) {
                fragility[l] = EventRule.clip(fragility[l] + pressFragility * total[l]);
            }
            int lead = c.securityLead[y * nR + i];
            for (int d = 0; d < nD; d++) {
                for (int p = 0; p < nP; p++) {
                    System.arraycopy(x.offer[(i * nP + p) * nD + d], 0, x.prev[p], 0, count);
                }
                for (int p = 0; p < nP; p++) {
                    if (p == res) {
                        continue;
                    }
                    int s = (i * nP + p) * nD + d;
                    double head = c.capabilityOffer[((y * nR + i) * nP + p) * nD + d];
                    double[] b = x.base;
                    double[] route = x.route[s];
                    double[] factor = x.factor[s];
                    for (int l = 0; l < count; l++) {
                        b[l] = head * (1 + routeBonus * route[l]) * factor[l];
                    }
                    if (c.bordersPole[(y * nR + i) * nP + p] && !c.politicalDim[d]) {
                        for (int l = 0; l < count; l++) {
                            b[l] *= 1 + proximity;
                        }
                    }
                    if (c.coercibleDim[d]) {
                        double[] pressure = x.pressure[i * nP + p];
                        for (int l = 0; l < count; l++) {
                            b[l] *= 1 + pressOffer * pressure[l];
                        }
                    }
                    if (c.securityDim[d] && p == lead) {
                        double[] securityCall = x.securityCall[i];
                        for (int l = 0; l < count; l++) {
                            b[l] *= 1 + call * securityCall[l];
                        }
                    }
                    if (sigma > 0) {
                        double[] climate = x.climate[i * nP + p];
                        for (int l = 0; l < count; l++) {
                            b[l] *= climate[l];
                        }
                    }
                    double[] own = x.prev[p];
                    java.util.Arrays.fill(contest, 0, count, 0);
                    for (int q = 0; q < nP; q++) {
                        double cost = c.relationCost[cost0 + p * nP + q];
                        if (q != p && q != res && cost > 0) {
                            double[] rival = x.prev[q];
                            for (int l = 0; l < count; l++) {
                                contest[l] += Math.max(rival[l] - own[l], 0) * cost / (rival[l] + own[l]);
                            }
                        }
                    }
                    double[] offer = x.offer[s];
                    double[] baseTotal = x.baseTotal[p];
                    double[] offerTotal = x.offerTotal[p];
                    for (int l = 0; l < count; l++) {
                        double o = b[l];
                        if (mu[l] > 0 && own[l] > 0) {
                            o *= 1 + mu[l] * contest[l];
                        }
                        offer[l] = o;
                        baseTotal[l] += b[l];
                        offerTotal[l] += o;
                    }
                }
            }
        }
        for (int p = 0; p < nP; p++) {
            double[] baseTotal = x.baseTotal[p];
            double[] offerTotal = x.offerTotal[p];
            for (int l = 0; l < count; l++) {
                double budget = (1 + slack) * baseTotal[l];
                baseTotal[l] = offerTotal[l] > budget ? budget / offerTotal[l] : 1; // the pole's scale factor
            }
        }
        for (int i = 0; i < nR; i++) {
            for (int d = 0; d < nD; d++) {
                java.util.Arrays.fill(total, 0, count, 0);
                int poles = 0;
                for (int p = 0; p < nP; p++) {
                    if (p == res) {
                        continue;
                    }
                    double[] offer = x.offer[(i * nP + p) * nD + d];
                    double[] scale = x.baseTotal[p];
                    for (int l = 0; l < count; l++) {
                        offer[l] *= scale[l];
                        total[l] += offer[l];
                    }
                    poles++;
                }
                if (res >= 0) {
                    int s = (i * nP + res) * nD + d;
                    double[] offer = x.offer[s];
                    double[] route = x.route[s];
                    double[] factor = x.factor[s];
                    for (int l = 0; l < count; l++) {
                        offer[l] = residualOffer
                                * (poles > 0 ? total[l] / poles : 1)
                                * (1 + routeBonus * route[l])
                                * factor[l];
                    }
                }
            }
        }
        for (int l = 0; l < count; l++) {
            RunState st = lanes[l];
            for (int ip = 0; ip < nR * nP; ip++) {
                st.pressure[ip] = x.pressure[ip][l];
                st.refAlign[ip] = x.refAlign[ip][l];
            }
            for (int i = 0; i < nR; i++) {
                st.fragility[i] = x.fragility[i][l];
            }
            for (int k = 0; k < cells; k++) {
                st.offer[k] = x.offer[k][l];
            }
        }
    }

    /** Scratch of {@link #apply(RunState[], int, int, NormalizedGaussianSampler[], Lanes)}: [cell][run]. */
    static final class Lanes {
        final double[][] refAlign;
        final double[][] align;
        final double[][] pressure;
        final double[][] climate; // exp of the climate per state and pole
        final double[][] fragility;
        final double[][] securityCall;
        final double[][] route;
        final double[][] factor;
        final double[][] offer;
        final double[][] prev; // [p][run] last year's offers to one state in one dimension
        final double[][] baseTotal;
        final double[][] offerTotal;
        final double[] base;
        final double[] mu;
        final double[] sum;
        final double[] contest;

        Lanes(CompiledScenario c, int lanes) {
            int nRP = c.nR * c.nP;
            int cells = nRP * c.nD;
            refAlign = new double[nRP][lanes];
            align = new double[nRP][lanes];
            pressure = new double[nRP][lanes];
            climate = new double[nRP][lanes];
            fragility = new double[c.nR][lanes];
            securityCall = new double[c.nR][lanes];
            route = new double[cells][lanes];
            factor = new double[cells][lanes];
            offer = new double[cells][lanes];
            prev = new double[c.nP][lanes];
            baseTotal = new double[c.nP][lanes];
            offerTotal = new double[c.nP][lanes];
            base = new double[lanes];
            mu = new double[lanes];
            sum = new double[lanes];
            contest = new double[lanes];
        }
    }

    /**
     * This year's route shares: the dated routes up to the last observation or the last dated opening or closing,
     * whichever is later (a free run keeps the facts), then investment that follows last year's ties.
     */
    static void routes(RunState st, int y) {
        CompiledScenario c = st.c;
        int n = c.nR * c.nP * c.nD;
        if (y <= c.routeFactsLast) {
            System.arraycopy(c.routeShare, y * n, st.routeShare, 0, n);
            return;
        }
        double g = c.param(ParameterKey.ROUTE_INVESTMENT);
        if (g <= 0) {
            return; // held at the last observed year's routes
        }
        for (int i = 0; i < c.nR; i++) {
            for (int d = 0; d < c.nD; d++) {
                if (!c.routed[i * c.nD + d]) {
                    continue;
                }
                for (int p = 0; p < c.nP; p++) {
                    int k = st.s(i, p, d);
                    st.routeShare[k] += g * (st.share[k] - st.routeShare[k]);
                }
            }
        }
    }
}
