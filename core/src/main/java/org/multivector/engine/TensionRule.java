package org.multivector.engine;

import org.multivector.metric.NormalisedEntropyBalance;
import org.multivector.model.ParameterKey;

/**
 * Step 4: regional relations. Tension τ_ij of each pair of regional states relaxes toward an
 * equilibrium {@code τ* = logistic(z)}, {@code τ ← τ + κ (τ* − τ)} (in the first year τ = τ*), with
 * <pre>
 * z = base + c_disp·Σ open dispute intensity + c_gap·|log10(gdppc_i / gdppc_j)|
 *       + c_align·(1 − S_ij)/2·rivalry + c_inc·incident memory
 *       − c_int·interdependence − c_inst·shared institutions − c_cbm·CBM − c_med·mediation
 * </pre>
 * Mediation is the best offer of a third regional state m with balanced ties and good relations
 * with both: {@code max_m B_m (1 − τ_im)(1 − τ_jm)}, B_m the overall vector balance of m (the
 * "neutral mediator" role the founding documents give Kazakhstan). It is the only place a state's
 * balance enters regional relations, and its weight c_med has a range that includes 0.
 */
final class TensionRule {
    private TensionRule() {}

    static void apply(RunState st, int y) {
        CompiledScenario c = st.c;
        int nR = c.nR;
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
        overallBalance(st);
        Alignment.sScores(st);
        for (int i = 0; i < nR; i++) {
            for (int j = i + 1; j < nR; j++) {
                double z = base
                        + cDisp * disputes(st, i, j, y)
                        + cGap * disparity(c, i, j, y)
                        + cAlign * (1 - st.sscore[i * nR + j]) / 2 * st.rivalry
                        + cInc * st.incidentMemory[i * nR + j]
                        - cInt * c.interdependence[(y * nR + i) * nR + j]
                        - cInst * c.sharedInstitutions[(y * nR + i) * nR + j]
                        - cCbm * st.cbm[i * nR + j]
                        - cMed * mediation(st, i, j);
                double eq = logistic(z);
                double t = st.tension[i * nR + j];
                double next = t < 0 ? eq : t + kappa * (eq - t);
                st.tension[i * nR + j] = next;
                st.tension[j * nR + i] = next;
            }
        }
    }

    static double disputes(RunState st, int i, int j, int y) {
        CompiledScenario c = st.c;
        double sum = 0;
        for (int k = 0; k < c.nDisputes; k++) {
            boolean pair = (c.disputeA[k] == i && c.disputeB[k] == j) || (c.disputeA[k] == j && c.disputeB[k] == i);
            if (pair && y >= c.disputeFrom[k] && y < c.disputeUntil[k]) {
                sum += st.disputeIntensity[k];
            }
        }
        return sum;
    }

    static double disparity(CompiledScenario c, int i, int j, int y) {
        double a = c.gdpPerCapita[y * c.nR + i];
        double b = c.gdpPerCapita[y * c.nR + j];
        return a > 0 && b > 0 ? Math.abs(Math.log10(a / b)) : 0;
    }

    static double mediation(RunState st, int i, int j) {
        int nR = st.c.nR;
        double best = 0;
        for (int m = 0; m < nR; m++) {
            if (m == i || m == j) {
                continue;
            }
            double ti = Math.max(0, st.tension[i * nR + m]);
            double tj = Math.max(0, st.tension[j * nR + m]);
            best = Math.max(best, st.balance[m] * (1 - ti) * (1 - tj));
        }
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
        for (int i = 0; i < c.nR; i++) {
            double b = 0;
            for (int d = 0; d < c.nD; d++) {
                double h = NormalisedEntropyBalance.of(st.share, st.s(i, 0, d), c.nD, c.nP, c.residual);
                st.balanceDim[i * c.nD + d] = h;
                b += c.salience[d] * h;
            }
            st.balance[i] = wSum > 0 ? b / wSum : 0;
        }
    }

    static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
