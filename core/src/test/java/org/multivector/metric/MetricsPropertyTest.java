package org.multivector.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.multivector.engine.policy.MultiVectorPolicy;

class MetricsPropertyTest {
    @Property(seed = "1")
    void entropy_isWithinBoundsAndPermutationInvariant(
            @ForAll @DoubleRange(min = 0, max = 1) double a,
            @ForAll @DoubleRange(min = 0, max = 1) double b,
            @ForAll @DoubleRange(min = 0, max = 1) double c) {
        double h = NormalisedEntropyBalance.of(a, b, c);
        assertThat(h).isBetween(0.0, 1.0);
        assertThat(NormalisedEntropyBalance.of(c, a, b)).isCloseTo(h, within(1e-12));
        double hhi = HerfindahlIndex.of(a, b, c);
        if (a + b + c > 0) {
            assertThat(hhi).isBetween(1 / 3.0 - 1e-12, 1.0 + 1e-12);
        }
    }

    @Property(seed = "2")
    void sScore_isSymmetricAndBounded(
            @ForAll @DoubleRange(min = 0, max = 1) double x1,
            @ForAll @DoubleRange(min = 0, max = 1) double x2,
            @ForAll @DoubleRange(min = 0, max = 1) double y1,
            @ForAll @DoubleRange(min = 0, max = 1) double y2) {
        double[] w = {1, 2};
        double[] r = {1, 1};
        double s = SignorinoRitterScore.of(new double[] {x1, x2}, new double[] {y1, y2}, w, r);
        assertThat(s).isBetween(-1.0, 1.0);
        assertThat(SignorinoRitterScore.of(new double[] {y1, y2}, new double[] {x1, x2}, w, r))
                .isEqualTo(s);
    }

    @Property(seed = "3")
    void multiVectorTarget_isOnTheSimplexAndSatisfiesKkt(
            @ForAll @DoubleRange(min = 0, max = 3) double o1,
            @ForAll @DoubleRange(min = 0, max = 3) double o2,
            @ForAll @DoubleRange(min = 0, max = 3) double o3,
            @ForAll @DoubleRange(min = 0, max = 2) double lambda,
            @ForAll @DoubleRange(min = 0.05, max = 1) double eta) {
        double[] offer = {o1, o2, o3, 0.5};
        double[] k = {0.8, 0.6, 0.3, 0};
        double[] s = new double[4];
        new MultiVectorPolicy(lambda, eta).target(offer, k, s);
        double sum = 0;
        double e = eta / Math.log(4);
        double mu0 = offer[0] - 2 * lambda * k[0] * s[0] - e * (Math.log(s[0]) + 1);
        for (int p = 0; p < 4; p++) {
            assertThat(s[p]).isPositive();
            sum += s[p];
            double mu = offer[p] - 2 * lambda * k[p] * s[p] - e * (Math.log(s[p]) + 1);
            assertThat(mu).isCloseTo(mu0, within(1e-8));
        }
        assertThat(sum).isCloseTo(1.0, within(1e-10));
    }
}
