package org.multivector.metric;

import org.multivector.numeric.PortableMath;

/**
 * The Regional Stability Index, 0..100 (higher = more stable): {@code RSI = 100 (1 - Σ_k w_k c_k)}
 * with weights summing to 1 and four stressors in 0..1, each monotone in its input:
 * <ul>
 *   <li>hazard {@code c_h = 1 - exp(-h̄ / h_s)}, h̄ the mean annual incident probability over contiguous dyads;
 *   <li>unrest {@code c_u = 1 - exp(-ū / u_s)}, ū the mean annual unrest probability of the states;
 *   <li>polarisation {@code c_p = mean over dyads of (1 - S_ij)/2 × rivalry}: states aligned with
 *       rival poles while the poles are rivals;
 *   <li>institutional deficit {@code c_i = exp(-n̄ / n_s)}, n̄ the mean number of institutions a dyad shares.
 * </ul>
 * No part rewards a state's own vector balance: balance can raise the RSI only through the
 * mechanisms that move these stressors.
 */
public final class RegionalStabilityIndex {
    private RegionalStabilityIndex() {}

    public static double hazardStressor(double meanHazard, double scale) {
        return 1 - PortableMath.exp(-Math.max(0, meanHazard) / scale);
    }

    public static double unrestStressor(double meanUnrest, double scale) {
        return 1 - PortableMath.exp(-Math.max(0, meanUnrest) / scale);
    }

    public static double institutionalDeficit(double meanShared, double scale) {
        return PortableMath.exp(-Math.max(0, meanShared) / scale);
    }

    /** Combines stressors (each 0..1) with weights into 0..100; weights are normalised to sum 1. */
    public static double of(
            double hazard,
            double unrest,
            double polarisation,
            double institutions,
            double wHazard,
            double wUnrest,
            double wPolarisation,
            double wInstitutions) {
        double w = wHazard + wUnrest + wPolarisation + wInstitutions;
        if (w <= 0) {
            throw new IllegalArgumentException("RSI weights sum to " + w + " (expected > 0)");
        }
        double stress =
                (wHazard * hazard + wUnrest * unrest + wPolarisation * polarisation + wInstitutions * institutions) / w;
        return 100 * (1 - Math.max(0, Math.min(1, stress)));
    }
}
