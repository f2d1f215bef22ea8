package org.multivector.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class MultiVectorPolicyTest {
    /** Offers far apart make the smaller shares underflow; the solve must still return a point of the simplex. */
    @Test
    void offersFarApart_giveFiniteSharesOnTheSimplex() {
        double[] offer = {900, 0.1, 0, 3, 0};
        double[] coercion = {0.8, 0.2, 0, 0.5, 0};
        for (double lambda : new double[] {0, 0.5, 2}) {
            MultiVectorPolicy mv = new MultiVectorPolicy(lambda, 0.05);
            double[] s = {0.2, 0.2, 0.2, 0.2, 0.2};
            for (int year = 0; year < 3; year++) { // warm starts from an underflowed target too
                mv.target(offer, coercion, s);
                double sum = 0;
                for (double v : s) {
                    assertThat(v).as("lambda " + lambda).isFinite().isBetween(0.0, 1.0);
                    sum += v;
                }
                assertThat(sum).isCloseTo(1, offset(1e-9));
            }
            assertThat(s[0]).as("lambda " + lambda).isGreaterThan(0.5);
        }
    }

    /** Without dependence risk the maximiser is the softmax of offers over e = eta / ln n. */
    @Test
    void withoutDependenceRisk_theTargetIsTheSoftmaxOfOffers() {
        double[] offer = {1.0, 0.5, 0.2};
        double[] s = new double[3];
        new MultiVectorPolicy(0, 0.6).target(offer, new double[3], s);
        double e = 0.6 / Math.log(3);
        double z = Math.exp(1.0 / e) + Math.exp(0.5 / e) + Math.exp(0.2 / e);
        assertThat(s[1]).isCloseTo(Math.exp(0.5 / e) / z, offset(1e-12));
    }
}
