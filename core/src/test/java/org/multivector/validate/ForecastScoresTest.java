package org.multivector.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ForecastScoresTest {
    // A hand-computed example: four forecasts and outcomes.
    static final double[] P = {0.9, 0.8, 0.3, 0.1};
    static final double[] Y = {1, 0, 1, 0};

    @Test
    void brierOfAWorkedExample() {
        // ((0.1)² + (0.8)² + (0.7)² + (0.1)²) / 4 = (0.01 + 0.64 + 0.49 + 0.01) / 4 = 0.2875
        assertThat(ForecastScores.brier(P, Y)).isCloseTo(0.2875, offset(1e-12));
        assertThat(ForecastScores.brier(new double[] {1, 0}, new double[] {1, 0}))
                .isZero();
        // Climatology 0.5 for everything scores 0.25.
        assertThat(ForecastScores.brier(new double[] {0.5, 0.5}, new double[] {1, 0}))
                .isEqualTo(0.25);
    }

    @Test
    void logScoreOfAWorkedExample() {
        double expected = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.3) + Math.log(0.9)) / 4;
        assertThat(ForecastScores.logScore(P, Y)).isCloseTo(expected, offset(1e-12));
        // ln 2 per forecast for a coin flip.
        assertThat(ForecastScores.logScore(new double[] {0.5}, new double[] {1}))
                .isCloseTo(Math.log(2), offset(1e-12));
        // A confident miss is finite but large.
        assertThat(ForecastScores.logScore(new double[] {0}, new double[] {1}))
                .isCloseTo(-Math.log(1e-15), offset(1e-9));
    }

    @Test
    void aurocCountsConcordantPairs() {
        // Events get 0.9 and 0.3, non-events 0.8 and 0.1: pairs (0.9>0.8), (0.9>0.1), (0.3<0.8), (0.3>0.1) -> 3/4.
        assertThat(ForecastScores.auroc(P, Y)).isEqualTo(0.75);
        assertThat(ForecastScores.auroc(new double[] {0.2, 0.2}, new double[] {1, 0}))
                .isEqualTo(0.5);
        assertThat(ForecastScores.auroc(new double[] {0.1, 0.9}, new double[] {0, 1}))
                .isEqualTo(1.0);
        assertThat(ForecastScores.auroc(new double[] {0.1, 0.9}, new double[] {1, 1}))
                .isNaN();
    }

    @Test
    void errorsAndReliability() {
        assertThat(ForecastScores.mae(new double[] {1, 2, 3}, new double[] {2, 2, 5}))
                .isEqualTo(1.0);
        assertThat(ForecastScores.rmse(new double[] {1, 2, 3}, new double[] {2, 2, 5}))
                .isCloseTo(Math.sqrt(5.0 / 3), offset(1e-12));
        ForecastScores.ReliabilityBin[] r = ForecastScores.reliability(P, Y, 2);
        assertThat(r[0].count()).isEqualTo(2);
        assertThat(r[0].meanForecast()).isCloseTo(0.2, offset(1e-12));
        assertThat(r[0].observedFrequency()).isEqualTo(0.5);
        assertThat(r[1].observedFrequency()).isEqualTo(0.5);
    }

    @Property(tries = 200)
    void scoresStayInTheirRanges(
            @ForAll @Size(min = 2, max = 30) java.util.List<@DoubleRange(min = 0, max = 1) Double> ps,
            @ForAll long seed) {
        double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = new double[p.length];
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextBoolean() ? 1 : 0;
        }
        assertThat(ForecastScores.brier(p, y)).isBetween(0.0, 1.0);
        assertThat(ForecastScores.logScore(p, y)).isGreaterThanOrEqualTo(0.0);
        double auc = ForecastScores.auroc(p, y);
        if (!Double.isNaN(auc)) {
            assertThat(auc).isBetween(0.0, 1.0);
            double[] flipped = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                flipped[i] = 1 - y[i];
            }
            // Swapping events and non-events mirrors the AUROC.
            assertThat(ForecastScores.auroc(p, flipped)).isCloseTo(1 - auc, offset(1e-12));
        }
    }
}
