package org.multivector.bargain;

import org.multivector.bargain.SmpParameters.BigRAdjust;
import org.multivector.bargain.SmpParameters.BigRRange;

/**
 * Risk attitudes inferred from how likely each actor's position is to win (SPEC §4.6–4.7; Bueno
 * de Mesquita 1985, ch. 4: actors whose positions are weak take risks to change the outcome,
 * actors whose positions are strong avoid them — KTAB inverts this into "most likely is most
 * risk-accepting", which we reproduce).
 *
 * <p>With pMin, pMax the extreme probabilities: Min R = (p − pMin)/(pMax − pMin) ∈ [0, 1];
 * Mid R = (3p − (pMax + 2pMin)) / (2(pMax − pMin)) ∈ [−½, 1]; Max R = (2p − (pMax + pMin)) /
 * (pMax − pMin) ∈ [−1, 1].
 *
 * <p>Deviation from KTAB: when every probability is equal (pMax = pMin, e.g. all positions
 * coincide) KTAB divides by zero and carries NaN utilities until its database write fails; here
 * every R is 0 (risk-neutral), which is the limit of an even field.
 */
public final class RiskAttitude {
    private RiskAttitude() {}

    /** Whether every probability is the same (pMax = pMin): the case KTAB turns into NaN. */
    public static boolean isEven(double[] p) {
        for (double v : p) {
            if (v != p[0]) {
                return false;
            }
        }
        return true;
    }

    public static double[] fromProbabilities(BigRRange range, double[] p) {
        double pMin = 1.0;
        double pMax = 0.0;
        for (double v : p) {
            pMin = Math.min(pMin, v);
            pMax = Math.max(pMax, v);
        }
        double[] r = new double[p.length];
        if (pMax == pMin) {
            return r;
        }
        for (int i = 0; i < p.length; i++) {
            switch (range) {
                case MIN:
                    r[i] = (p[i] - pMin) / (pMax - pMin);
                    break;
                case MID:
                    r[i] = (3 * p[i] - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
                    break;
                case MAX:
                    r[i] = (2 * p[i] - (pMax + pMin)) / (pMax - pMin);
                    break;
                default:
                    throw new IllegalStateException(range.toString());
            }
        }
        return r;
    }

    /**
     * h's estimate of i's risk attitude: None R_h; OneThird (2R_h + R_i)/3; Half (R_h + R_i)/2;
     * TwoThirds (R_h + 2R_i)/3; Full R_i.
     */
    public static double blend(BigRAdjust adjust, double rh, double ri) {
        switch (adjust) {
            case NONE:
                return rh;
            case ONE_THIRD:
                return (2 * rh + ri) / 3;
            case HALF:
                return (rh + ri) / 2;
            case TWO_THIRDS:
                return (rh + 2 * ri) / 3;
            case FULL:
                return ri;
            default:
                throw new IllegalStateException(adjust.toString());
        }
    }
}
