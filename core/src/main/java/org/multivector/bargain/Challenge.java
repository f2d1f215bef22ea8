package org.multivector.bargain;

import org.multivector.bargain.SmpParameters.ThirdPartyCommit;
import org.multivector.bargain.SmpParameters.VotingRule;

/**
 * Actor h's estimate of a challenge by i against j (SPEC §6; KTAB {@code SMPState::probEduChlg}):
 * the probability φ that i wins and the change Δ in actor k's expected utility if i challenges.
 *
 * <p>Principals vote with weights ω = σ·cap (capability times total salience):
 * {@code c_i = vote(ω_i, U_ii, U_ij)}, {@code c_j = vote(ω_j, U_ji, U_jj)};
 * {@code S_ij = 10⁻¹⁰ + max(c_i,0) + max(c_j,0)}, {@code S_ji = 10⁻¹⁰ + max(−c_i,0) + max(−c_j,0)}.
 * Each third party n (in index order) estimates its own small contest from the principals' sums
 * alone, {@code π = (S⁰_ij + max(v,0)) / (S⁰_ij + max(v,0) + S⁰_ji + max(−v,0))} with
 * {@code v = vote(ω_n, U_ni, U_nj)}, values joining either side by the third-party-commitment table
 * (Full: 3u_i, 3u_j, 3u_i, 3u_j; Semi: 2u_i+u_n, 3u_j, 3u_i, 2u_j+u_n; No: 2u_i+u_n, 2u_j+u_n,
 * 2u_i+u_n, 2u_j+u_n for (with i, i wins), (with i, j wins), (with j, i wins), (with j, j wins)),
 * and votes {@code vote(ω_n, E_i, E_j)} into the totals. Then {@code φ = S_ij/(S_ij+S_ji)},
 * {@code euChlg = (1 − σ_j)·2U_ki + σ_j·(φ·2U_ki + φ'·2U_kj)} (with probability 1 − σ_j the target
 * does not resist) and {@code Δ = euChlg − (U_ki + U_kj)}. This is the challenge logic of
 * Bueno de Mesquita's expected-utility model as generalised in KTAB (Wise et al. 2015).
 */
public final class Challenge {
    /** Floor of the coalition sums in a challenge estimate ({@code minCltn}). */
    public static final double MIN_CLTN = 1e-10;

    private Challenge() {}

    /** φ (i's chance to win) and Δ (k's expected utility gain from the challenge). */
    public record Estimate(double phi, double gain) {}

    /**
     * @param omega  each actor's challenge weight σ_n·cap_n
     * @param sigmaJ the target's total salience σ_j
     * @param uAtI   {@code U^h_{n i}} for every n (h's estimate of n's utility of i's position)
     * @param uAtJ   {@code U^h_{n j}} for every n
     * @param uOwn   {@code U^h_{n n}} for every n
     * @param checkSigns whether to check that principals prefer their own positions (identity
     *               accommodation; KTAB aborts otherwise)
     */
    public static Estimate estimate(
            VotingRule rule,
            ThirdPartyCommit commit,
            double[] omega,
            double sigmaJ,
            double[] uAtI,
            double[] uAtJ,
            double[] uOwn,
            int k,
            int i,
            int j,
            boolean checkSigns) {
        double ci = Vote.vote(rule, omega[i], uAtI[i], uAtJ[i]);
        double cj = Vote.vote(rule, omega[j], uAtI[j], uAtJ[j]);
        if (checkSigns && (ci < 0 || cj > 0)) {
            throw new BargainingException("actor " + i + " or " + j + " prefers the other's position to its own"
                    + " although ideals equal positions");
        }
        double sij = MIN_CLTN;
        sij += Math.max(ci, 0);
        sij += Math.max(cj, 0);
        double sji = MIN_CLTN;
        sji += Math.max(-ci, 0);
        sji += Math.max(-cj, 0);
        final double s0ij = sij;
        final double s0ji = sji;
        int n = omega.length;
        for (int t = 0; t < n; t++) {
            if (t == i || t == j) {
                continue;
            }
            double ui = uAtI[t];
            double uj = uAtJ[t];
            double un = uOwn[t];
            double v = Vote.vote(rule, omega[t], ui, uj);
            double a = s0ij + Math.max(v, 0);
            double b = s0ji + Math.max(-v, 0);
            double pi = a / (a + b);
            double pj = 1 - pi;
            double withIiWins;
            double withIjWins;
            double withJiWins;
            double withJjWins;
            switch (commit) {
                case FULL_COMMIT:
                    withIiWins = ui + ui + ui;
                    withIjWins = uj + uj + uj;
                    withJiWins = ui + ui + ui;
                    withJjWins = uj + uj + uj;
                    break;
                case SEMI_COMMIT:
                    withIiWins = ui + ui + un;
                    withIjWins = uj + uj + uj;
                    withJiWins = ui + ui + ui;
                    withJjWins = uj + uj + un;
                    break;
                case NO_COMMIT:
                    withIiWins = ui + ui + un;
                    withIjWins = uj + uj + un;
                    withJiWins = ui + ui + un;
                    withJjWins = uj + uj + un;
                    break;
                default:
                    throw new IllegalStateException(commit.toString());
            }
            double ei = pi * withIiWins + pj * withIjWins;
            double ej = pi * withJiWins + pj * withJjWins;
            double vn = Vote.vote(rule, omega[t], ei, ej);
            sij += Math.max(vn, 0);
            sji += Math.max(-vn, 0);
        }
        double phi = sij / (sij + sji);
        double phiJ = sji / (sij + sji);
        double uki = uAtI[k];
        double ukj = uAtJ[k];
        double euSq = uki + ukj;
        double euVict = uki + uki;
        double euLoss = ukj + ukj;
        if (!(euSq >= 0 && euSq <= 2 && euVict >= 0 && euVict <= 2 && euLoss >= 0 && euLoss <= 2)) {
            throw new BargainingException("expected utilities of a challenge out of [0, 2]: status quo " + euSq
                    + ", victory " + euVict + ", loss " + euLoss);
        }
        double euContest = phi * euVict + phiJ * euLoss;
        double euChlg = (1 - sigmaJ) * euVict + sigmaJ * euContest;
        return new Estimate(phi, euChlg - euSq);
    }
}
