package org.multivector.engine;

import org.multivector.metric.BarbieriInterdependence;
import org.multivector.metric.CoercionExposure;
import org.multivector.metric.HerfindahlIndex;
import org.multivector.metric.RegionalStabilityIndex;
import org.multivector.metric.StructuralBalance;
import org.multivector.model.ParameterKey;

/**
 * Step 6: computes the year's metrics (docs/METRICS.md) and writes them into the output row in
 * {@link VariableLayout} order.
 */
final class MetricsRecorder {
    private MetricsRecorder() {}

    static void record(RunState st, int y, double[] out, int rowOffset) {
        CompiledScenario c = st.c;
        VariableLayout l = c.layout;
        int nR = c.nR;
        int nP = c.nP;
        int nD = c.nD;
        int trade = c.tradeDim;
        double wSum = 0;
        for (int d = 0; d < nD; d++) {
            wSum += c.salience[d];
        }
        Alignment.compute(c, st.share, st.align);
        for (int i = 0; i < nR; i++) {
            int b = rowOffset + i * l.perState;
            double hhi = 0;
            for (int p = 0; p < nP; p++) {
                for (int d = 0; d < nD; d++) {
                    out[b + l.share + p * nD + d] = st.share[st.s(i, p, d)];
                }
            }
            for (int d = 0; d < nD; d++) {
                out[b + l.balanceDim + d] = st.balanceDim[i * nD + d];
                hhi += c.salience[d] * HerfindahlIndex.of(st.share, st.s(i, 0, d), nD, nP, c.residual);
            }
            out[b + l.balance] = st.balance[i];
            out[b + l.hhi] = wSum > 0 ? hhi / wSum : 0;
            System.arraycopy(st.kEff, i * nP, st.k, 0, nP);
            out[b + l.exposure] = CoercionExposure.of(st.align, i * nP, 1, st.k);
            double pressure = 0;
            for (int p = 0; p < nP; p++) {
                double tradeShare = trade >= 0 ? st.share[st.s(i, p, trade)] : st.align[i * nP + p];
                out[b + l.sensitivity + p] = tradeShare;
                double v = 0;
                for (int d = 0; d < nD; d++) {
                    v = Math.max(v, st.share[st.s(i, p, d)] * (1 - c.inertia[d]));
                }
                out[b + l.vulnerability + p] = v;
                double poleGdp = c.poleGdp[y * nP + p];
                if (p == c.residual || poleGdp <= 0) {
                    out[b + l.barbieriSalience + p] = Double.NaN;
                    out[b + l.barbieriSymmetry + p] = Double.NaN;
                } else {
                    double other = tradeShare * c.gdp[y * nR + i] / poleGdp;
                    out[b + l.barbieriSalience + p] = BarbieriInterdependence.salience(tradeShare, other);
                    out[b + l.barbieriSymmetry + p] = BarbieriInterdependence.symmetry(tradeShare, other);
                }
                pressure += st.pressure[i * nP + p];
            }
            out[b + l.fragility] = st.fragility[i];
            out[b + l.pressure] = pressure;
            out[b + l.unrestP] = st.unrestP[i];
            out[b + l.unrest] = st.unrest[i] ? 1 : 0;
            out[b + l.driftStep] = st.driftStep[i];
            out[b + l.driftFree] = st.driftFree[i];
            out[b + l.status] = st.status[i];
            for (int d = 0; d < nD; d++) {
                out[b + l.volatility + d] = st.move[i * nD + d];
            }
        }
        double hazardSum = 0;
        int incidents = 0;
        double polarisation = 0;
        double shared = 0;
        double sSum = 0;
        int q0 = c.nRegionalDyads;
        int nQ = c.nQ;
        for (int q = 0; q < nQ; q++) {
            int b = rowOffset + l.dyadBase + q * l.perDyad;
            out[b] = st.tension[q];
            out[b + 1] = st.hazard[q];
            out[b + 2] = st.incident[q] ? 1 : 0;
            out[b + 3] = st.sscore[q];
            if (c.contiguous[y * nQ + q]) {
                hazardSum += st.hazard[q];
            }
            incidents += st.incident[q] ? 1 : 0;
            if (q < q0) {
                polarisation += st.divergence[q] * st.rivalry;
                shared += c.sharedInstitutions[y * nQ + q];
                sSum += st.sscore[q];
            }
        }
        // the expected share of the region's states drawn into at least one militarised incident this year
        // (with a neighbour or an outside party), hazards taken as independent
        double involved = 0;
        for (int i = 0; i < nR; i++) {
            double calm = 1;
            for (int q = 0; q < nQ; q++) {
                if ((c.dyadA[q] == i || c.dyadB[q] == i) && c.contiguous[y * nQ + q]) {
                    calm *= 1 - st.hazard[q];
                }
            }
            involved += 1 - calm;
        }
        double unrest = 0;
        for (int i = 0; i < nR; i++) {
            unrest += st.unrestP[i];
        }
        int q = q0;
        double cH = RegionalStabilityIndex.hazardStressor(involved / nR, c.param(ParameterKey.RSI_HAZARD_SCALE));
        double cU = RegionalStabilityIndex.unrestStressor(unrest / nR, c.param(ParameterKey.RSI_UNREST_SCALE));
        double cP = q > 0 ? polarisation / q : 0;
        double cI = RegionalStabilityIndex.institutionalDeficit(
                q > 0 ? shared / q : 0, c.param(ParameterKey.RSI_INSTITUTION_SCALE));
        int r = rowOffset + l.regionBase;
        out[r + VariableLayout.RSI] = RegionalStabilityIndex.of(
                cH,
                cU,
                cP,
                cI,
                c.param(ParameterKey.RSI_WEIGHT_HAZARD),
                c.param(ParameterKey.RSI_WEIGHT_UNREST),
                c.param(ParameterKey.RSI_WEIGHT_POLARISATION),
                c.param(ParameterKey.RSI_WEIGHT_INSTITUTIONS));
        out[r + VariableLayout.RSI_HAZARD] = cH;
        out[r + VariableLayout.RSI_UNREST] = cU;
        out[r + VariableLayout.RSI_POLARISATION] = cP;
        out[r + VariableLayout.RSI_INSTITUTIONS] = cI;
        out[r + VariableLayout.STRUCTURAL_BALANCE] = structuralBalance(st, y);
        out[r + VariableLayout.MEAN_S] = q > 0 ? sSum / q : 1;
        out[r + VariableLayout.RIVALRY] = st.rivalry;
        for (int j = 0; j < l.nTalks; j++) {
            out[rowOffset + l.talksBase + j] = NegotiationRule.open(st, j, y) ? 1 : 0;
        }
        out[r + VariableLayout.EXPECTED_INCIDENTS] = hazardSum;
        out[r + VariableLayout.INCIDENTS] = incidents;
    }

    /**
     * Signs: two regional states are friends when their tension is below ½, enemies otherwise; a
     * state and a pole are enemies when the pole presses it or their tension (where they have a dyad)
     * is at least ½, friends when the state's alignment with the pole is at least an even share
     * (1/number of poles), otherwise unconnected; two poles are friends when allied, enemies when
     * rival and rivalry × the relation's intensity reaches {@code rivalry-sign-threshold}, otherwise
     * unconnected (a scenario without declared pole relations has every pair rival at intensity 1).
     */
    static double structuralBalance(RunState st, int y) {
        CompiledScenario c = st.c;
        int nR = c.nR;
        int nP = c.nP;
        int n = nR + nP;
        int[] sign = st.sign;
        java.util.Arrays.fill(sign, 0);
        int poles = c.residual >= 0 ? nP - 1 : nP;
        double even = 1.0 / poles;
        for (int q = 0; q < c.nRegionalDyads; q++) {
            int i = c.dyadA[q];
            int j = c.dyadB[q];
            int sgn = st.tension[q] < 0.5 ? 1 : -1;
            sign[i * n + j] = sgn;
            sign[j * n + i] = sgn;
        }
        for (int i = 0; i < nR; i++) {
            for (int p = 0; p < nP; p++) {
                if (p == c.residual) {
                    continue;
                }
                int k = c.poleParty[p];
                int q = k < 0 ? -1 : c.dyadIndex[i * c.nN + k];
                boolean hostile = st.pressure[i * nP + p] > 0 || (q >= 0 && st.tension[q] >= 0.5);
                int sgn = hostile ? -1 : st.align[i * nP + p] >= even ? 1 : 0;
                sign[i * n + nR + p] = sgn;
                sign[(nR + p) * n + i] = sgn;
            }
        }
        double threshold = c.param(ParameterKey.RIVALRY_SIGN_THRESHOLD);
        for (int p = 0; p < nP; p++) {
            for (int q = p + 1; q < nP; q++) {
                if (p == c.residual || q == c.residual) {
                    continue;
                }
                int k = (y * nP + p) * nP + q;
                int sgn = c.relationSign[k];
                if (sgn < 0 && st.rivalry * c.relationCost[k] < threshold) {
                    sgn = 0;
                }
                sign[(nR + p) * n + nR + q] = sgn;
                sign[(nR + q) * n + nR + p] = sgn;
            }
        }
        return StructuralBalance.of(sign, n);
    }
}
