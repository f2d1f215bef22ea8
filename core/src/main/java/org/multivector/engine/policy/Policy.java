package org.multivector.engine.policy;

/**
 * A regional state's policy rule: from the poles' offers in one dimension (and their coercive
 * potentials) to target shares over the poles, a point on the simplex. Implementations are
 * stateless apart from their coefficients, allocate nothing, and may read {@code target} as a warm
 * start (the engine passes the rule's own answer of the previous year, before diffusion and affinity).
 */
public interface Policy {
    /**
     * @param offer offers of each pole (length n, >= 0)
     * @param coercion coercive potential k of each pole (length n, 0..1; 0 for the residual partner)
     * @param target in: last year's answer of the rule in force (warm start); out: new target shares, summing to 1
     */
    void target(double[] offer, double[] coercion, double[] target);

    /** Whether a state following this rule moves toward its neighbours' ties (diffusion); neutrality resists. */
    default boolean emulates() {
        return true;
    }

    /** Writes offer-proportional shares into {@code out} over the poles not equal to {@code skip}, scaled to {@code mass}. */
    static void proportional(double[] offer, int skip, double mass, double[] out) {
        double sum = 0;
        int m = 0;
        for (int p = 0; p < offer.length; p++) {
            if (p != skip) {
                sum += offer[p];
                m++;
            }
        }
        for (int p = 0; p < offer.length; p++) {
            if (p == skip) {
                continue;
            }
            out[p] = sum > 0 ? mass * offer[p] / sum : mass / m;
        }
    }
}
