package org.multivector.engine;

import org.multivector.metric.BarbieriInterdependence;
import org.multivector.metric.NormalisedEntropyBalance;
import org.multivector.model.ParameterKey;
import org.multivector.numeric.PortableMath;

/**
 * Step 4: relations. Tension τ of each dyad — two regional states, or a regional state and a pole or
 * another actor it borders or has a declared relation with — relaxes toward an equilibrium
 * {@code τ* = logistic(z)}, {@code τ ← τ + κ (τ* − τ)} (in the first year τ = τ*), with
 * <pre>
 * z = base + c_disp·Σ open dispute intensity + c_gap·|log10(gdppc_a / gdppc_b)|
 *       + c_align·divergence·rivalry + c_inc·incident memory
 *       − c_int·interdependence − c_inst·shared institutions − c_cbm·CBM − c_med·mediation
 * </pre>
 * The divergence is the rivalry-weighted distance of the parties' ties ({@link Alignment#relations});
 * a pole's GDP per capita is its members' GDP over their population. Interdependence is the pair's
 * declared series; between a state and a pole without one it is Barbieri's salience of their trade
 * in the model's own current shares (so it moves with policy). Shared institutions of a state and a
 * pole are those the pole leads or one of its members belongs to.
 *
 * <p>Mediation is the best offer of a third regional state m with balanced ties and good relations
 * with both parties (a dyad with each): {@code max_m e_m B_m (1 + g_h H_m) (1 − τ_am)(1 − τ_bm)}, B_m the overall
 * vector balance of m (the "neutral mediator" role the founding documents give Kazakhstan), e_m its mediation
 * effort (a choice: dated {@code mediation} events set it, 0 is non-interference, 1 the default) and H_m its
 * dialogue-hub capacity (forums, summits, chairmanships it invested in: {@code hub} events; Bercovitch 1992 on a
 * mediator's resources). Mediation is not free: the mediator is remembered as the dyad's mediator, and an incident
 * between the parties draws it in ({@link IncidentRule}; Beardsley 2011, the mediation dilemma). It is the only
 * place a state's balance enters relations, and its weight c_med has a range that includes 0.
 *
 * <p>Disputes of two kinds respond to the state of the region. A status dispute (rival leadership claims) is
 * sharpest when the parties' regional status is at parity: its intensity is multiplied by
 * {@code (1 − |σ_a − σ_b| / (σ_a + σ_b))^k} (power transition: Organski &amp; Kugler 1980; status: Renshon 2017),
 * σ the status {@link PolicyRule} computes from capability and standing. An ethnic dispute sharpens under
 * domestic stress: its intensity is multiplied by {@code max(0, 1 + m (f̄ − f̄₀))}, f̄ its regional parties' mean
 * fragility and f̄₀ their baseline (nationalist mobilisation: Snyder 2000), and eased by the regional parties'
 * identity policies: times {@code 1 − ι · inclusion} (dated {@code identity} events: civic citizenship, minority
 * language and representation; Horowitz 1985).
 *
 * <p>Interdependence of two regional states after its last observation also gains from trade creation: each
 * economic institution both joined since raises it by the factor {@code exp(c_tc)} (Viner 1950; gravity estimates of
 * trade agreements: Baier &amp; Bergstrand 2007), on top of trade diversion.
 */
final class TensionRule {
    private TensionRule() {}

    static void apply(RunState st, int y) {
        overallBalance(st);
        Alignment.relations(st, y);
        dyads(st, y);
    }

    /**
     * The tension of every dyad, once this year's balances ({@link #overallBalance}) and relations ({@link
     * Alignment#relations}) are in {@code st}: the part of {@link #apply} that {@link Lockstep} runs per run after
     * computing the relations of all its runs together.
     */
    static void dyads(RunState st, int y) {
        CompiledScenario c = st.c;
        double kappa = c.param(ParameterKey.TENSION_ADJUSTMENT);
        double base = c.param(ParameterKey.TENSION_BASE);
        double cDisp = c.param(ParameterKey.TENSION_DISPUTE);
        double cGap = c.param(ParameterKey.TENSION_DISPARITY);
        double cAlign = c.param(ParameterKey.TENSION_ALIGNMENT);
        double cInc = c.param(ParameterKey.TENSION_INCIDENT);
        double cInt = c.param(ParameterKey.TENSION_INTERDEPENDENCE);
        double cInst = c.param(ParameterKey.TENSION_INSTITUTIONS);
        double cCbm = c.param(ParameterKey.TENSION_CBM);
        double cMed = c.param(ParameterKey.TENSION_MEDIATION);
        for (int q = 0; q < c.nQ; q++) {
            st.interdep[q] = interdependence(st, q, y); // shares do not change before the incident step reads it
            st.disputed[q] = disputes(st, q, y); // the incident step's standing reads it
            double z = base
                    + cDisp * st.disputed[q]
                    + cGap * c.dyadDisparity[y * c.nQ + q]
                    + cAlign * st.divergence[q] * st.rivalry
                    + cInc * st.incidentMemory[q]
                    - cInt * st.interdep[q]
                    - cInst * c.sharedInstitutions[y * c.nQ + q]
                    - cCbm * st.cbm[q]
                    - cMed * mediation(st, q);
            double eq = logistic(z);
            double t = st.tension[q];
            st.tension[q] = t < 0 ? eq : t + kappa * (eq - t);
        }
    }

    static double disputes(RunState st, int q, int y) {
        CompiledScenario c = st.c;
        double sum = 0;
        for (int k : c.dyadDisputes[q]) {
            if (y >= c.disputeFrom[k] && y < c.disputeUntil[k]) {
                int j = c.talkOf[k];
                double intensity = st.disputeIntensity[k] * responds(st, k, q);
                if (j < 0 || y < c.talksFrom[j]) {
                    sum += intensity;
                } else if (!st.settled[j]) {
                    // talks under way: what the bargaining forecast leaves unresolved still divides the parties
                    sum += intensity * (1 - c.agreement[j * c.years + y]);
                }
            }
        }
        return sum;
    }

    /** The factor by which a status dispute follows status parity and an ethnic one the parties' stress. */
    static double responds(RunState st, int k, int q) {
        CompiledScenario c = st.c;
        int a = c.dyadA[q];
        int b = c.dyadB[q];
        boolean bRegional = b < c.nR;
        if (c.disputeStatus[k] && bRegional) {
            double exponent = c.param(ParameterKey.STATUS_PARITY);
            double sa = st.status[a];
            double sb = st.status[b];
            if (exponent == 0 || sa + sb <= 0) {
                return 1;
            }
            return PortableMath.pow(1 - Math.abs(sa - sb) / (sa + sb), exponent);
        }
        if (c.disputeEthnic[k]) {
            double m = c.param(ParameterKey.ETHNIC_MOBILISATION);
            double above = bRegional
                    ? 0.5 * (st.fragility[a] - c.fragilityBase[a] + st.fragility[b] - c.fragilityBase[b])
                    : st.fragility[a] - c.fragilityBase[a];
            double included = bRegional ? 0.5 * (st.inclusion[a] + st.inclusion[b]) : st.inclusion[a];
            return Math.max(0, 1 + m * above) * (1 - c.param(ParameterKey.ETHNIC_INCLUSION) * included);
        }
        return 1;
    }

    /**
     * The dyad's interdependence: its series, or (a state and a pole without one) Barbieri's salience of their trade.
     * After a regional pair's last observation its value moves with trade diversion: {@code v_L · (r_a r_b)^(ε/2)}, r
     * each party's trade share outside the poles (the residual partner, where their trade with each other is) over
     * its value in the pair's last observed year, ε = {@code regional-trade-elasticity} (Viner 1950): a state that
     * ties its trade to one pole trades less with its neighbours.
     */
    static double interdependence(RunState st, int q, int y) {
        CompiledScenario c = st.c;
        double v = c.interdependence[y * c.nQ + q];
        int last = c.interdependenceLast[q];
        if (last >= 0 && y >= last) {
            double sa = st.share[st.s(c.dyadA[q], c.residual, c.tradeDim)];
            double sb = st.share[st.s(c.dyadB[q], c.residual, c.tradeDim)];
            if (y == last) {
                st.tradeRef[2 * q] = sa;
                st.tradeRef[2 * q + 1] = sb;
                return v;
            }
            double eps = c.param(ParameterKey.REGIONAL_TRADE_ELASTICITY);
            double ra = st.tradeRef[2 * q];
            double rb = st.tradeRef[2 * q + 1];
            double created = c.sharedEconomic[y * c.nQ + q] - c.sharedEconomic[last * c.nQ + q];
            if (created != 0) {
                v *= PortableMath.exp(c.param(ParameterKey.INSTITUTION_TRADE_CREATION) * created);
            }
            if (eps != 0 && ra > 0 && rb > 0) {
                v *= PortableMath.pow(sa / ra * (sb / rb), eps / 2);
            }
            return Math.min(1, v);
        }
        if (!Double.isNaN(v)) {
            return v;
        }
        int i = c.dyadA[q];
        int p = c.partyPole[c.dyadB[q]];
        double poleGdp = c.poleGdp[y * c.nP + p];
        if (poleGdp <= 0) {
            return 0;
        }
        double a = st.share[st.s(i, p, c.tradeDim)];
        return BarbieriInterdependence.salience(a, a * c.gdp[y * c.nR + i] / poleGdp);
    }

    /** The best mediation offer to dyad q; records the mediator and its offer. */
    static double mediation(RunState st, int q) {
        CompiledScenario c = st.c;
        int a = c.dyadA[q];
        int b = c.dyadB[q];
        double gain = c.param(ParameterKey.MEDIATION_HUB_GAIN);
        double best = 0;
        int who = -1;
        for (int m = 0; m < c.nR; m++) {
            if (m == a || m == b || st.mediationEffort[m] <= 0) {
                continue;
            }
            int qa = c.dyadIndex[a * c.nN + m];
            int qb = c.dyadIndex[b * c.nN + m];
            if (qa < 0 || qb < 0) {
                continue;
            }
            double ta = Math.max(0, st.tension[qa]);
            double tb = Math.max(0, st.tension[qb]);
            double offer = st.mediationEffort[m] * st.balance[m] * (1 + gain * st.hub[m]) * (1 - ta) * (1 - tb);
            if (offer > best) {
                best = offer;
                who = m;
            }
        }
        st.mediator[q] = who;
        st.mediationOffer[q] = best;
        return best;
    }

    /**
     * Overall balance B_i = Σ_d w_d H_d / Σ_d w_d, H_d the normalised entropy over the non-residual
     * poles. Also keeps H_d per state and dimension for {@link MetricsRecorder}: shares do not change
     * between this step and the recording.
     */
    static void overallBalance(RunState st) {
        CompiledScenario c = st.c;
        double wSum = 0;
        for (int d = 0; d < c.nD; d++) {
            wSum += c.salience[d];
        }
        double lnM = PortableMath.log(c.residual >= 0 ? c.nP - 1 : c.nP); // once a year, not once a balance
        for (int i = 0; i < c.nR; i++) {
            double b = 0;
            for (int d = 0; d < c.nD; d++) {
                double h = NormalisedEntropyBalance.of(st.share, st.s(i, 0, d), c.nD, c.nP, c.residual, lnM);
                st.balanceDim[i * c.nD + d] = h;
                b += c.salience[d] * h;
            }
            st.balance[i] = wSum > 0 ? b / wSum : 0;
        }
    }

    static double logistic(double z) {
        return 1 / (1 + PortableMath.exp(-z));
    }
}
