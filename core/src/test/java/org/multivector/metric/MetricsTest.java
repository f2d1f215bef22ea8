package org.multivector.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void entropy_evenSharesAreOne_singleVectorIsZero() {
        assertThat(NormalisedEntropyBalance.of(1 / 3.0, 1 / 3.0, 1 / 3.0)).isCloseTo(1.0, within(1e-12));
        assertThat(NormalisedEntropyBalance.of(1, 0, 0)).isZero();
        // worked example: shares (0.5, 0.25, 0.25): H = 1.5 bits, /log2(3) = 0.9464
        assertThat(NormalisedEntropyBalance.of(0.5, 0.25, 0.25))
                .isCloseTo(1.5 / (Math.log(3) / Math.log(2)), within(1e-12));
    }

    @Test
    void entropy_skipsTheResidualAndRenormalises() {
        double[] shares = {0.3, 0.3, 0.3, 0.1};
        assertThat(NormalisedEntropyBalance.of(shares, 0, 1, 4, 3)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void herfindahl_knownValues() {
        assertThat(HerfindahlIndex.of(0.5, 0.5)).isEqualTo(0.5);
        assertThat(HerfindahlIndex.of(0.6, 0.3, 0.1)).isCloseTo(0.46, within(1e-12));
    }

    @Test
    void sScore_identicalIsOne_disjointIsMinusOne() {
        double[] w = {1, 1, 1};
        double[] range = {1, 1, 1};
        assertThat(SignorinoRitterScore.of(new double[] {1, 0, 0}, new double[] {1, 0, 0}, w, range))
                .isEqualTo(1.0);
        assertThat(SignorinoRitterScore.of(new double[] {1, 1, 1}, new double[] {0, 0, 0}, w, range))
                .isEqualTo(-1.0);
        // Signorino & Ritter (1999): d = 1 of d_max = 3 gives S = 1 - 2/3
        assertThat(SignorinoRitterScore.of(new double[] {1, 0, 1}, new double[] {1, 1, 1}, w, range))
                .isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void structuralBalance_heiderTriads() {
        int[] allFriends = {0, 1, 1, 1, 0, 1, 1, 1, 0};
        int[] twoFriendsOneEnemy = {0, 1, 1, 1, 0, -1, 1, -1, 0};
        int[] commonEnemy = {0, 1, -1, 1, 0, -1, -1, -1, 0};
        assertThat(StructuralBalance.of(allFriends, 3)).isEqualTo(1.0);
        assertThat(StructuralBalance.of(twoFriendsOneEnemy, 3)).isEqualTo(0.0);
        assertThat(StructuralBalance.of(commonEnemy, 3)).isEqualTo(1.0);
        assertThat(StructuralBalance.of(new int[9], 3)).isNaN();
    }

    @Test
    void barbieri_symmetricAndBounded() {
        assertThat(BarbieriInterdependence.salience(0.04, 0.01)).isCloseTo(0.02, within(1e-12));
        assertThat(BarbieriInterdependence.symmetry(0.04, 0.01)).isCloseTo(0.97, within(1e-12));
        assertThat(BarbieriInterdependence.interdependence(0.2, 0.1))
                .isEqualTo(BarbieriInterdependence.interdependence(0.1, 0.2));
    }

    @Test
    void rsi_isMonotoneInEachStressor() {
        double base = RegionalStabilityIndex.of(0.2, 0.2, 0.2, 0.2, 0.35, 0.3, 0.15, 0.2);
        assertThat(RegionalStabilityIndex.of(0.3, 0.2, 0.2, 0.2, 0.35, 0.3, 0.15, 0.2))
                .isLessThan(base);
        assertThat(RegionalStabilityIndex.of(0.2, 0.3, 0.2, 0.2, 0.35, 0.3, 0.15, 0.2))
                .isLessThan(base);
        assertThat(RegionalStabilityIndex.of(0.2, 0.2, 0.3, 0.2, 0.35, 0.3, 0.15, 0.2))
                .isLessThan(base);
        assertThat(RegionalStabilityIndex.of(0.2, 0.2, 0.2, 0.3, 0.35, 0.3, 0.15, 0.2))
                .isLessThan(base);
        assertThat(RegionalStabilityIndex.of(0, 0, 0, 0, 1, 1, 1, 1)).isEqualTo(100.0);
        assertThat(RegionalStabilityIndex.of(1, 1, 1, 1, 1, 1, 1, 1)).isEqualTo(0.0);
    }
}
