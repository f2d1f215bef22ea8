package org.multivector.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Neutrality keeps its distance but is not blind: the engaged share follows the offers, never the pressure. */
class NeutralPolicyTest {
    @Test
    void theEngagedShareFollowsOffers_theResidualKeepsItsShare_andPressureChangesNothing() {
        NeutralPolicy p = new NeutralPolicy(3, 0.4);
        double[] t = new double[4];
        p.target(new double[] {3, 1, 0, 9}, new double[] {0, 0, 0, 0}, t);
        assertThat(t[3]).isEqualTo(0.4);
        assertThat(t[0]).isCloseTo(0.45, within(1e-12)); // 0.6 * 3/4
        assertThat(t[1]).isCloseTo(0.15, within(1e-12));
        assertThat(t[2]).isZero();
        double[] pressed = new double[4];
        p.target(new double[] {3, 1, 0, 9}, new double[] {0, 5, 5, 0}, pressed);
        assertThat(pressed).containsExactly(t);
        // no offers: the engaged share split evenly over the poles
        p.target(new double[] {0, 0, 0, 2}, new double[4], t);
        assertThat(t[0]).isCloseTo(0.2, within(1e-12));
        // without a residual partner everything is engaged
        NeutralPolicy q = new NeutralPolicy(-1, 0.4);
        double[] u = new double[2];
        q.target(new double[] {1, 3}, new double[2], u);
        assertThat(u).containsExactly(0.25, 0.75);
    }
}
