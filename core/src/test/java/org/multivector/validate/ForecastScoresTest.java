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

    @Test
    void publishedExamples() {
        // scikit-learn's documented examples (sklearn.metrics: brier_score_loss, log_loss, roc_auc_score docstrings).
        assertThat(ForecastScores.brier(new double[] {0.1, 0.9, 0.8, 0.3}, new double[] {0, 1, 1, 0}))
                .isCloseTo(0.0375, offset(1e-12));
        // log_loss(["spam","ham","ham","spam"], [[.1,.9],[.9,.1],[.8,.2],[.35,.65]]) = 0.21616 (event = spam).
        assertThat(ForecastScores.logScore(new double[] {0.9, 0.1, 0.2, 0.65}, new double[] {1, 0, 0, 1}))
                .isCloseTo(0.21616, offset(5e-6));
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75.
        assertThat(ForecastScores.auroc(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1}))
                .isEqualTo(0.75);
    }

    @Test
    void aurocOfHanleyAndMcNeil1982() {
        // Hanley & McNeil (1982), Radiology 143:29-36, Table 1: CT images rated 1..5 (definitely normal ..
        // definitely abnormal); 58 normal and 51 abnormal; the area under the ROC curve is 0.893 (ties count half).
        int[] normal = {33, 6, 6, 11, 2};
        int[] abnormal = {3, 2, 2, 11, 33};
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int rating = 1; rating <= 5; rating++) {
            for (int k = 0; k < normal[rating - 1]; k++) {
                rows.add(new double[] {rating / 5.0, 0});
            }
            for (int k = 0; k < abnormal[rating - 1]; k++) {
                rows.add(new double[] {rating / 5.0, 1});
            }
        }
        double[] p = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
        assertThat(ForecastScores.auroc(p, y)).isCloseTo(0.893, offset(5e-4));
    }

    @Test
    void brierDecompositionOfMurphy1973() {
        // Murphy (1973): Brier = reliability - resolution + uncertainty when forecasts take few distinct values.
        double[] p = {0.1, 0.1, 0.1, 0.1, 0.5, 0.5, 0.5, 0.5, 0.9, 0.9};
        double[] y = {0, 0, 0, 1, 0, 1, 1, 0, 1, 1};
        double base = 5 / 10.0;
        double rel = (4 * Math.pow(0.1 - 0.25, 2) + 4 * Math.pow(0.5 - 0.5, 2) + 2 * Math.pow(0.9 - 1.0, 2)) / 10;
        double res = (4 * Math.pow(0.25 - base, 2) + 4 * Math.pow(0.5 - base, 2) + 2 * Math.pow(1.0 - base, 2)) / 10;
        double unc = base * (1 - base);
        assertThat(ForecastScores.brier(p, y)).isCloseTo(rel - res + unc, offset(1e-12));
    }

    /** The count CRPS: a point forecast scores its absolute error; the Poisson-binomial adds up as it should. */
    @Test
    void countCrps_ofAPointMassIsTheAbsoluteError_andThePoissonBinomialIsTheConvolution() {
        assertThat(ForecastScores.poissonBinomial(new double[] {0.5, 0.5})).containsExactly(0.25, 0.5, 0.25);
        double[] pmf = ForecastScores.poissonBinomial(new double[] {0.1, 0.7, 0.3});
        assertThat(java.util.Arrays.stream(pmf).sum()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(pmf[3]).isCloseTo(0.1 * 0.7 * 0.3, org.assertj.core.data.Offset.offset(1e-12));
        // a point mass at 2 (two sure events), observed 0 and 5
        double[] two = ForecastScores.poissonBinomial(new double[] {1, 1});
        assertThat(ForecastScores.crpsCount(two, 0)).isEqualTo(2.0);
        assertThat(ForecastScores.crpsCount(two, 5)).isEqualTo(3.0);
        // Bernoulli(p) observed 1: (1 − p)²; observed 0: p²
        double[] b = ForecastScores.poissonBinomial(new double[] {0.3});
        assertThat(ForecastScores.crpsCount(b, 1)).isCloseTo(0.49, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ForecastScores.crpsCount(b, 0)).isCloseTo(0.09, org.assertj.core.data.Offset.offset(1e-12));
        // proper: the true distribution scores better in expectation than a shifted one
        double[] truth = ForecastScores.poissonBinomial(new double[] {0.2, 0.2, 0.2, 0.2});
        double[] shifted = ForecastScores.poissonBinomial(new double[] {0.6, 0.6, 0.6, 0.6});
        double eTruth = 0;
        double eShifted = 0;
        for (int y = 0; y < truth.length; y++) {
            eTruth += truth[y] * ForecastScores.crpsCount(truth, y);
            eShifted += truth[y] * ForecastScores.crpsCount(shifted, y);
        }
        assertThat(eTruth).isLessThan(eShifted);
    }
}
