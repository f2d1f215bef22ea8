package org.multivector.bargain;

import org.multivector.bargain.SmpParameters.InterVecBrgn;

/**
 * A proposed compromise: new positions for its initiator and its receiver (SPEC §7). A status-quo
 * bargain has initiator = receiver and leaves the actor where it is.
 *
 * @param initiator         actor proposing (i)
 * @param receiver          actor challenged (j)
 * @param initiatorPosition i's position if the bargain is adopted ([0,1] scale)
 * @param receiverPosition  j's position if the bargain is adopted
 * @param gain              i's expected utility gain Δ from challenging j (0 for status quo)
 */
public record Bargain(int initiator, int receiver, double[] initiatorPosition, double[] receiverPosition, double gain) {

    /** Interpolation floor ε that biases each side's coordinate toward its own. */
    public static final double EPSILON = 1e-6;

    public static Bargain statusQuo(int actor, double[] position) {
        return new Bargain(actor, actor, position, position, 0.0);
    }

    public boolean isStatusQuo() {
        return initiator == receiver;
    }

    /** The position this bargain gives {@code actor} (one of its two parties). */
    public double[] positionFor(int actor) {
        return actor == initiator ? initiatorPosition : receiverPosition;
    }

    /**
     * Interpolates a compromise between i at {@code ti} and j at {@code tj} (SPEC §7.1), where
     * {@code pI}, {@code pJ} are the weights of each side's strength (i's win probability and its
     * complement in the default model).
     *
     * <p>S2P2 / S1P1 (n = m = 2 or 1): {@code w_i = s_iⁿ·p_Iᵐ}, {@code w_j = s_jⁿ·p_Jᵐ},
     * {@code b_i = round4(((w_i+ε)t_i + w_j t_j)/(w_i + ε + w_j))},
     * {@code b_j = round4((w_i t_i + (ε+w_j)t_j)/(w_i + ε + w_j))}, with
     * {@code round4(x) = trunc(0.5 + 10⁴x)/10⁴}. S2PMax: the side more likely to lose concedes
     * toward the other by {@code f_i = g_i s_j² / (g_i s_j² + ε + (1−g_i) s_i²)},
     * {@code g_i = max(0, p_J − p_I)} (symmetrically for j), unrounded.
     */
    public static Bargain interpolate(
            InterVecBrgn model,
            int i,
            int j,
            double[] ti,
            double[] tj,
            double[] si,
            double[] sj,
            double pI,
            double pJ,
            double gain) {
        int dims = ti.length;
        double[] bi = new double[dims];
        double[] bj = new double[dims];
        for (int d = 0; d < dims; d++) {
            if (model == InterVecBrgn.S2PMAX) {
                double gi = Math.max(0, pJ - pI);
                double gj = Math.max(0, pI - pJ);
                double sid = si[d] * si[d];
                double sjd = sj[d] * sj[d];
                double fi = gi * sjd / (gi * sjd + EPSILON + (1 - gi) * sid);
                double fj = gj * sid / (gj * sid + EPSILON + (1 - gj) * sjd);
                bi[d] = ti[d] + fi * (tj[d] - ti[d]);
                bj[d] = tj[d] + fj * (ti[d] - tj[d]);
            } else {
                double wi;
                double wj;
                if (model == InterVecBrgn.S2P2) {
                    wi = (si[d] * si[d]) * (pI * pI);
                    wj = (sj[d] * sj[d]) * (pJ * pJ);
                } else {
                    wi = si[d] * pI;
                    wj = sj[d] * pJ;
                }
                double den = wi + EPSILON + wj;
                bi[d] = round4(((wi + EPSILON) * ti[d] + wj * tj[d]) / den);
                bj[d] = round4((wi * ti[d] + (EPSILON + wj) * tj[d]) / den);
            }
        }
        return new Bargain(i, j, bi, bj, gain);
    }

    /**
     * The power-weighted compromise of two bargains between the same pair (SPEC §7.2, PWCompInterp):
     * {@code (ω_I·a + ω_J·b)/(ω_I + ω_J)} per coordinate with {@code ω_I = cap_i σ_i},
     * {@code ω_J = cap_i σ_j} — KTAB uses i's capability for both weights, reproduced here.
     */
    public static Bargain compromise(Bargain a, Bargain b, double capI, double sigmaI, double sigmaJ) {
        double wI = capI * sigmaI;
        double wJ = capI * sigmaJ;
        int dims = a.initiatorPosition.length;
        double[] pi = new double[dims];
        double[] pj = new double[dims];
        for (int d = 0; d < dims; d++) {
            pi[d] = (wI * a.initiatorPosition[d] + wJ * b.initiatorPosition[d]) / (wI + wJ);
            pj[d] = (wI * a.receiverPosition[d] + wJ * b.receiverPosition[d]) / (wI + wJ);
        }
        return new Bargain(a.initiator, a.receiver, pi, pj, a.gain);
    }

    /** KTAB's {@code round4}: round half up to four decimals on the [0, 1] scale (positions are ≥ 0). */
    static double round4(double x) {
        return ((long) (0.5 + 10000 * x)) / 10000.0;
    }
}
