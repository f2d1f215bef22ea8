package org.multivector.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fixed order of recorded variables, so the engine writes by index. Per regional state:
 * shares per dimension and pole, balance per dimension and overall, HHI, coercion exposure,
 * Keohane–Nye sensitivity and vulnerability and Barbieri salience and symmetry per pole,
 * fragility, pressure, unrest probability and occurrence, drift from observations, regional status, the year's
 * change of ties. Per dyad (the
 * regional pairs, then each state's dyads with outside parties; named {@code A-B}): tension,
 * incident hazard, incident, S-score. For the region: the RSI and its parts, structural
 * balance, mean S-score, rivalry. Per negotiated dispute (named by its id): whether it is still open.
 */
final class VariableLayout {
    final int nR;
    final int nP;
    final int nD;
    final int perState;
    final int share; // + p*nD + d
    final int balanceDim; // + d
    final int balance;
    final int hhi;
    final int exposure;
    final int sensitivity; // + p
    final int vulnerability; // + p
    final int barbieriSalience; // + p
    final int barbieriSymmetry; // + p
    final int fragility;
    final int pressure;
    final int unrestP;
    final int unrest;
    final int driftStep;
    final int driftFree;
    final int status;
    final int volatility; // + d
    final int dyadBase;
    final int nDyads;
    final int perDyad = 4; // tension, hazard, incident, sscore
    final int regionBase;
    static final int RSI = 0;
    static final int RSI_HAZARD = 1;
    static final int RSI_UNREST = 2;
    static final int RSI_POLARISATION = 3;
    static final int RSI_INSTITUTIONS = 4;
    static final int STRUCTURAL_BALANCE = 5;
    static final int MEAN_S = 6;
    static final int RIVALRY = 7;
    static final int EXPECTED_INCIDENTS = 8;
    static final int INCIDENTS = 9;
    static final int REGION_VARS = 10;
    final int talksBase; // + j: whether negotiated dispute j is still open (1) or settled in the run (0)
    final int nTalks;
    final int width;
    private final List<Variable> variables;

    VariableLayout(String[] states, String[] poles, String[] dims, int residual, String[] dyads, String[] talks) {
        nR = states.length;
        nP = poles.length;
        nD = dims.length;
        int k = 0;
        share = k;
        k += nP * nD;
        balanceDim = k;
        k += nD;
        balance = k++;
        hhi = k++;
        exposure = k++;
        sensitivity = k;
        k += nP;
        vulnerability = k;
        k += nP;
        barbieriSalience = k;
        k += nP;
        barbieriSymmetry = k;
        k += nP;
        fragility = k++;
        pressure = k++;
        unrestP = k++;
        unrest = k++;
        driftStep = k++;
        driftFree = k++;
        status = k++;
        volatility = k;
        k += nD;
        perState = k;
        nDyads = dyads.length;
        dyadBase = nR * perState;
        regionBase = dyadBase + nDyads * perDyad;
        talksBase = regionBase + REGION_VARS;
        nTalks = talks.length;
        width = talksBase + nTalks;

        List<Variable> v = new ArrayList<>(Collections.nCopies(width, (Variable) null));
        for (int i = 0; i < nR; i++) {
            String a = states[i];
            int b = i * perState;
            for (int p = 0; p < nP; p++) {
                for (int d = 0; d < nD; d++) {
                    v.set(b + share + p * nD + d, new Variable(a, "share." + dims[d] + "." + poles[p]));
                }
                v.set(b + sensitivity + p, new Variable(a, "sensitivity." + poles[p]));
                v.set(b + vulnerability + p, new Variable(a, "vulnerability." + poles[p]));
                v.set(b + barbieriSalience + p, new Variable(a, "barbieri.salience." + poles[p]));
                v.set(b + barbieriSymmetry + p, new Variable(a, "barbieri.symmetry." + poles[p]));
            }
            for (int d = 0; d < nD; d++) {
                v.set(b + balanceDim + d, new Variable(a, "balance." + dims[d]));
            }
            v.set(b + balance, new Variable(a, "balance"));
            v.set(b + hhi, new Variable(a, "hhi"));
            v.set(b + exposure, new Variable(a, "exposure"));
            v.set(b + fragility, new Variable(a, "fragility"));
            v.set(b + pressure, new Variable(a, "pressure"));
            v.set(b + unrestP, new Variable(a, "unrest.p"));
            v.set(b + unrest, new Variable(a, "unrest"));
            v.set(b + driftStep, new Variable(a, "drift.step"));
            v.set(b + driftFree, new Variable(a, "drift.free"));
            v.set(b + status, new Variable(a, "status"));
            for (int d = 0; d < nD; d++) {
                v.set(b + volatility + d, new Variable(a, "volatility." + dims[d]));
            }
        }
        for (int q = 0; q < nDyads; q++) {
            int b = dyadBase + q * perDyad;
            v.set(b, new Variable(dyads[q], "tension"));
            v.set(b + 1, new Variable(dyads[q], "hazard"));
            v.set(b + 2, new Variable(dyads[q], "incident"));
            v.set(b + 3, new Variable(dyads[q], "sscore"));
        }
        String r = Variable.REGION;
        v.set(regionBase + RSI, new Variable(r, "rsi"));
        v.set(regionBase + RSI_HAZARD, new Variable(r, "rsi.hazard"));
        v.set(regionBase + RSI_UNREST, new Variable(r, "rsi.unrest"));
        v.set(regionBase + RSI_POLARISATION, new Variable(r, "rsi.polarisation"));
        v.set(regionBase + RSI_INSTITUTIONS, new Variable(r, "rsi.institutions"));
        v.set(regionBase + STRUCTURAL_BALANCE, new Variable(r, "structural-balance"));
        v.set(regionBase + MEAN_S, new Variable(r, "sscore.mean"));
        v.set(regionBase + RIVALRY, new Variable(r, "rivalry"));
        v.set(regionBase + EXPECTED_INCIDENTS, new Variable(r, "incidents.expected"));
        v.set(regionBase + INCIDENTS, new Variable(r, "incidents"));
        for (int j = 0; j < nTalks; j++) {
            v.set(talksBase + j, new Variable(talks[j], "open"));
        }
        variables = List.copyOf(v);
    }

    List<Variable> variables() {
        return variables;
    }
}
