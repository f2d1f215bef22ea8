package org.multivector.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Step 4b: talks on negotiated disputes. Each year from the start of the talks, while the dispute is open, the
 * parties settle with probability a_y, the agreement share of that year's SMP forecast on their capabilities
 * ({@link CompiledScenario}: {@code 1 − |x_a − x_b| / |x0_a − x0_b|} over the forecast's final positions, KTAB's SMP
 * unchanged; Bueno de Mesquita 1994, Wise et al. 2015). A settled dispute no longer adds to the dyad's tension; an
 * unsettled one adds its intensity times {@code 1 − a_y} ({@link TensionRule}): a forecast that brings the positions
 * together calms the pair before the treaty. A dated resolution still ends the dispute in its year.
 *
 * <p>Draws: one uniform per negotiated dispute every year from the start of its talks, whatever happens.
 */
final class NegotiationRule {
    private NegotiationRule() {}

    static void apply(RunState st, int y, UniformRandomProvider rng) {
        CompiledScenario c = st.c;
        for (int j = 0; j < c.talks.length; j++) {
            if (y < c.talksFrom[j]) {
                continue;
            }
            double u = rng.nextDouble();
            if (open(st, j, y) && u < c.agreement[j * c.years + y]) {
                st.settled[j] = true;
            }
        }
    }

    /** Whether negotiated dispute j is open in year index y of this run. */
    static boolean open(RunState st, int j, int y) {
        CompiledScenario c = st.c;
        int k = c.talks[j];
        return y >= c.disputeFrom[k] && y < c.disputeUntil[k] && !st.settled[j];
    }
}
