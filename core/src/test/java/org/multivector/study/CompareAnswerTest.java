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
        CompareAnswer a = CompareAnswer.of(st, List.of("base", "up", "down", "same", "edge"));
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
}
