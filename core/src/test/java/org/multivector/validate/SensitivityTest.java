package org.multivector.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** Morris and Sobol reproduce the known indices of the standard test functions. */
class SensitivityTest {
    static final double PI = Math.PI;

    /** Ishigami & Homma (1990), a = 7, b = 0.1, x_i uniform on [−π, π]. */
    static double ishigami(double[] x) {
        return Math.sin(x[0]) + 7 * Math.pow(Math.sin(x[1]), 2) + 0.1 * Math.pow(x[2], 4) * Math.sin(x[0]);
    }

    static final double[] G_A = {0, 1, 4.5, 9, 99, 99, 99, 99};

    /** Sobol's g-function, x_i uniform on [0, 1]. */
    static double g(double[] x) {
        double p = 1;
        for (int i = 0; i < x.length; i++) {
            p *= (Math.abs(4 * x[i] - 2) + G_A[i]) / (1 + G_A[i]);
        }
        return p;
    }

    @Test
    void sobolOnIshigamiMatchesTheAnalyticIndices() {
        double[] lo = {-PI, -PI, -PI};
        double[] hi = {PI, PI, PI};
        Sensitivity.SobolResult r = Sensitivity.sobol(SensitivityTest::ishigami, lo, hi, 1 << 14, 200, 1);
        // Analytic: S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437) (Saltelli et al. 2008, Global Sensitivity
        // Analysis: The Primer).
        double[] s = {0.3139, 0.4424, 0.0};
        double[] st = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            assertThat(r.first()[i]).as("S" + (i + 1)).isCloseTo(s[i], offset(0.02));
            assertThat(r.total()[i]).as("ST" + (i + 1)).isCloseTo(st[i], offset(0.02));
            assertThat(r.firstLo()[i]).isLessThanOrEqualTo(r.first()[i]);
            assertThat(r.firstHi()[i]).isGreaterThanOrEqualTo(r.first()[i]);
        }
        assertThat(r.evaluations()).isEqualTo((1 << 14) * 5);
    }

    @Test
    void sobolOnTheGFunctionMatchesTheAnalyticIndices() {
        int k = G_A.length;
        double[] lo = new double[k];
        double[] hi = new double[k];
        java.util.Arrays.fill(hi, 1);
        double[] vi = new double[k];
        double v = 1;
        for (int i = 0; i < k; i++) {
            vi[i] = 1 / (3 * (1 + G_A[i]) * (1 + G_A[i]));
            v *= 1 + vi[i];
        }
        v -= 1;
        Sensitivity.SobolResult r = Sensitivity.sobol(SensitivityTest::g, lo, hi, 1 << 13, 200, 2);
        for (int i = 0; i < k; i++) {
            assertThat(r.first()[i]).as("S" + (i + 1)).isCloseTo(vi[i] / v, offset(0.03));
        }
        // Total effects are at least the first-order ones and order the factors by a_i.
        assertThat(r.total()[0]).isGreaterThan(r.total()[1]);
        assertThat(r.total()[1]).isGreaterThan(r.total()[2]);
        assertThat(r.total()[7]).isLessThan(0.01);
    }

    @Test
    void morrisOnALinearFunctionGivesItsCoefficientsWithNoSpread() {
        double[] lo = {0, 0, 0};
        double[] hi = {1, 2, 10};
        // f = 3 x1 − 2 x2 + 0 x3: in unit-cube terms the effects are 3·1, −2·2 and 0.
        Sensitivity.MorrisResult m = Sensitivity.morris(x -> 3 * x[0] - 2 * x[1], lo, hi, 20, 4, 7);
        assertThat(m.mu()[0]).isCloseTo(3, offset(1e-9));
        assertThat(m.mu()[1]).isCloseTo(-4, offset(1e-9));
        assertThat(m.muStar()[2]).isZero();
        assertThat(m.sigma()[0]).isCloseTo(0, offset(1e-9));
        assertThat(m.evaluations()).isEqualTo(20 * 4);
    }

    @Test
    void morrisRanksTheIshigamiAndGFactorsLikeTheirTotalIndices() {
        Sensitivity.MorrisResult m = Sensitivity.morris(
                SensitivityTest::ishigami, new double[] {-PI, -PI, -PI}, new double[] {PI, PI, PI}, 200, 4, 3);
        // x3 acts only through its interaction with x1: large sigma relative to mu.
        assertThat(m.sigma()[2]).isGreaterThan(Math.abs(m.mu()[2]));
        double[] lo = new double[8];
        double[] hi = new double[8];
        java.util.Arrays.fill(hi, 1);
        Sensitivity.MorrisResult mg = Sensitivity.morris(SensitivityTest::g, lo, hi, 100, 4, 5);
        assertThat(mg.muStar()[0]).isGreaterThan(mg.muStar()[1]);
        assertThat(mg.muStar()[1]).isGreaterThan(mg.muStar()[2]);
        assertThat(mg.muStar()[2]).isGreaterThan(mg.muStar()[7]);
    }
}
