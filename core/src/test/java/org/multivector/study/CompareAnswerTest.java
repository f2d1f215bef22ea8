package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ROPE verdicts of a comparison (Kruschke 2018): a sure but negligible difference is no practical difference. */
class CompareAnswerTest {
    /** Stats on one metric (the RSI): per-run baseline values, and alternatives shifted from them plus noise (the last noisier). */
    static CompareStats stats(double... shift) {
        SeriesStats band = new SeriesStats(1, 1, new int[] {0}, new double[] {0}, new double[] {100});
        CompareStats st = new CompareStats(shift.length + 1, 1, new double[] {100}, band);
        java.util.Random rnd = new java.util.Random(3);
        int[] better = {1};
        for (int r = 0; r < 400; r++) {
            double base = 50 + 5 * rnd.nextGaussian(); // sd 5: the ROPE is ±0.5
            double[] v = new double[shift.length + 1];
            v[0] = base;
            for (int k = 0; k < shift.length; k++) {
                v[k + 1] = base + shift[k] + (k == shift.length - 1 ? 2.0 : 0.2) * rnd.nextGaussian();
            }
            st.add(v, better);
        }
        return st;
    }

    @Test
    void differencesAreJudgedAgainstTheRegionOfPracticalEquivalence() {
        CompareStats st = stats(2.0, -2.0, 0.05, 0.5);
        CompareAnswer a = CompareAnswer.of(st, List.of("base", "up", "down", "same", "edge"), 0, false);
        assertThat(a.rope()).isBetween(0.45, 0.55);
        assertThat(a.verdict(1)).isEqualTo(CompareAnswer.Verdict.BETTER);
        assertThat(a.verdict(2)).isEqualTo(CompareAnswer.Verdict.WORSE);
        // sure (its interval excludes 0) but negligible
        assertThat(st.meanDiff(3, 0) - st.diffHalfWidth(3, 0)).isPositive();
        assertThat(a.verdict(3)).isEqualTo(CompareAnswer.Verdict.EQUIVALENT);
        assertThat(a.verdict(4)).isEqualTo(CompareAnswer.Verdict.UNDECIDED);
        assertThat(a.sentence())
                .contains("better than base: up", "worse: down", "no practical difference: same", "undecided");
    }

    /** With a history, the ROPE is 0.1 sd of the baseline's mean RSI over its years, not of the runs' spread. */
    @Test
    void withAHistory_theRopeIsSetByTheIndexsOwnVariation() {
        SeriesStats band = new SeriesStats(12, 1, new int[] {0}, new double[] {0}, new double[] {100});
        CompareStats st = new CompareStats(2, 1, new double[] {100}, band);
        double[] history = {50, 40, 44, 48, 52, 56, 60, 64, 68, 70, 70, 70};
        for (int r = 0; r < 20; r++) {
            st.add(new double[] {70 + 0.001 * r, 70.2 + 0.001 * r}, new int[] {1});
            st.bands[0].add(history);
            st.bands[1].add(history);
        }
        // years 1..9 of the history (40 .. 68 by 4 and 70): their sd, not the runs' 0.006
        double[] h = java.util.Arrays.copyOfRange(history, 1, 10);
        double m = java.util.Arrays.stream(h).average().orElseThrow();
        double sd =
                Math.sqrt(java.util.Arrays.stream(h).map(v -> (v - m) * (v - m)).sum() / (h.length - 1));
        CompareAnswer a = CompareAnswer.of(st, List.of("base", "alt"), 10, false);
        assertThat(a.rope()).isCloseTo(0.1 * sd, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a.verdict(1)).as("0.2 points is sure but negligible").isEqualTo(CompareAnswer.Verdict.EQUIVALENT);
    }

    /**
     * Over a posterior the verdict rests on the runs' spread, not on the mean's: a mean difference made sure by many
     * runs whose own differences scatter across the ROPE is undecided, and the probabilities say how the runs fall.
     */
    @Test
    void overAPosterior_theVerdictIsThePredictiveIntervalsAndTheProbabilitiesAddUp() {
        CompareStats st = stats(2.0, 0.3);
        CompareAnswer point = CompareAnswer.of(st, List.of("base", "up", "spread"), 0, false);
        CompareAnswer post = CompareAnswer.of(st, List.of("base", "up", "spread"), 0, true);
        assertThat(post.overPosterior()).isTrue();
        assertThat(post.verdict(1)).isEqualTo(CompareAnswer.Verdict.BETTER);
        // the last alternative's runs scatter with sd 2 around +0.3: its mean is sure of the sign, its runs are not
        assertThat(point.hi(2) - point.lo(2)).isLessThan(0.5);
        assertThat(post.lo(2)).isLessThan(-2);
        assertThat(post.hi(2)).isGreaterThan(2);
        assertThat(post.verdict(2)).isEqualTo(CompareAnswer.Verdict.UNDECIDED);
        double rope = post.rope();
        double up = st.diffShareAbove(2, rope);
        double notDown = st.diffShareAbove(2, -rope);
        assertThat(up).isBetween(0.2, 0.6);
        assertThat(notDown).isGreaterThan(up);
        assertThat(1 - notDown).isBetween(0.15, 0.55);
        assertThat(post.sentence()).contains("posterior predictive", "P(practically better)");
        assertThat(point.sentence()).contains("not parameter uncertainty: run it over a posterior");
    }

    /** The histogram's quantiles agree with the runs' own within a bin, and shares above a threshold with counts. */
    @Test
    void theDifferenceHistogramsQuantilesAndSharesMatchTheRuns() {
        SeriesStats band = new SeriesStats(1, 1, new int[] {0}, new double[] {0}, new double[] {100});
        CompareStats st = new CompareStats(2, 1, new double[] {100}, band);
        java.util.Random rnd = new java.util.Random(11);
        double[] d = new double[2001];
        for (int r = 0; r < d.length; r++) {
            d[r] = 3 * rnd.nextGaussian() - 1;
            st.add(new double[] {50, 50 + d[r]}, new int[] {1});
        }
        double[] sorted = d.clone();
        java.util.Arrays.sort(sorted);
        double bin = 200.0 / CompareStats.DIFF_BINS;
        for (double q : new double[] {0.05, 0.5, 0.95}) {
            assertThat(st.diffQuantile(1, q))
                    .as("quantile %s", q)
                    .isCloseTo(
                            sorted[(int) Math.round(q * (d.length - 1))], org.assertj.core.data.Offset.offset(2 * bin));
        }
        long above = java.util.Arrays.stream(d).filter(v -> v > 0.5).count();
        assertThat(st.diffShareAbove(1, 0.5))
                .isCloseTo(above / (double) d.length, org.assertj.core.data.Offset.offset(0.005));
    }
}
