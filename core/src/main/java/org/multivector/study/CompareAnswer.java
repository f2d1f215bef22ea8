package org.multivector.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer of a comparison, judged against a region of practical equivalence (ROPE) on the RSI: a difference
 * smaller than a negligible effect is "no practical difference", however sure the runs make it. The ROPE's
 * half-width is 0.1 standard deviations of the baseline's per-run RSI (a negligible effect size, half of Cohen's
 * "small" 0.2; Kruschke 2018, "Rejecting or accepting parameter values in Bayesian estimation", Advances in Methods
 * and Practices in Psychological Science 1(2)), so it scales with how much the outcome varies between runs and is not
 * chosen after seeing the differences.
 *
 * <p>Each alternative is classed by its 95 % interval of the mean paired ΔRSI: {@code BETTER} or {@code WORSE} when the
 * interval lies wholly beyond the ROPE on one side, {@code EQUIVALENT} when it lies wholly inside, otherwise
 * {@code UNDECIDED}. The intervals cover the runs' randomness (shocks, draws, each run's own history) at the
 * scenario's parameter values; parameter uncertainty needs a posterior (docs/VALIDATION.md).
 */
public final class CompareAnswer {
    /** How an alternative compares with the baseline. */
    public enum Verdict {
        BETTER,
        WORSE,
        EQUIVALENT,
        UNDECIDED
    }

    /** ROPE half-width in baseline standard deviations (Kruschke 2018's negligible effect). */
    public static final double ROPE_SD = 0.1;

    private final double rope;
    private final List<Verdict> verdicts;
    private final String sentence;

    private CompareAnswer(double rope, List<Verdict> verdicts, String sentence) {
        this.rope = rope;
        this.verdicts = verdicts;
        this.sentence = sentence;
    }

    /** The answer of a finished comparison. */
    public static CompareAnswer of(StudyResult.Comparison c) {
        return of(
                c.stats(), c.strategies(), c.branchYear() - c.scenario().time().start());
    }

    /**
     * The answer for {@code strategies} (strategy 0 the baseline) on metric 0, the RSI, with {@code historyYears} year
     * indices before the branch in the bands (the RSI their first column).
     */
    public static CompareAnswer of(CompareStats st, List<String> strategies, int historyYears) {
        double rope = ROPE_SD * historySd(st, historyYears);
        if (!(rope > 0)) {
            rope = ROPE_SD * st.sd(0, 0);
        }
        List<Verdict> v = new ArrayList<>();
        v.add(null);
        for (int k = 1; k < strategies.size(); k++) {
            double d = st.meanDiff(k, 0);
            double h = st.diffHalfWidth(k, 0);
            double lo = d - h;
            double hi = d + h;
            if (Double.isNaN(h)) {
                v.add(Verdict.UNDECIDED);
            } else if (lo > rope) {
                v.add(Verdict.BETTER);
            } else if (hi < -rope) {
                v.add(Verdict.WORSE);
            } else if (lo >= -rope && hi <= rope) {
                v.add(Verdict.EQUIVALENT);
            } else {
                v.add(Verdict.UNDECIDED);
            }
        }
        return new CompareAnswer(rope, java.util.Collections.unmodifiableList(v), sentence(st, strategies, v, rope));
    }

    /** Sd over the history years (the first, the initial state, left out) of the baseline's mean RSI; NaN if < 3. */
    static double historySd(CompareStats st, int historyYears) {
        SeriesStats b = st.bands(0);
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int y = 1; y < historyYears; y++) {
            double v = b.mean(y, 0);
            if (Double.isFinite(v)) {
                sum += v;
                sq += v * v;
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        double m = sum / n;
        return Math.sqrt(Math.max(0, (sq - n * m * m) / (n - 1)));
    }

    /** The ROPE half-width, in RSI points. */
    public double rope() {
        return rope;
    }

    /** The verdict of strategy k against the baseline (null for the baseline itself). */
    public Verdict verdict(int k) {
        return verdicts.get(k);
    }

    /** The answer in one or two sentences. */
    public String sentence() {
        return sentence;
    }

    private static String sentence(CompareStats st, List<String> strategies, List<Verdict> v, double rope) {
        String base = strategies.get(0);
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> same = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (int k = 1; k < strategies.size(); k++) {
            String s = String.format(
                    Locale.ROOT,
                    "%s (%+.2f [%+.2f, %+.2f])",
                    strategies.get(k),
                    st.meanDiff(k, 0),
                    st.meanDiff(k, 0) - st.diffHalfWidth(k, 0),
                    st.meanDiff(k, 0) + st.diffHalfWidth(k, 0));
            switch (v.get(k)) {
                case BETTER -> better.add(s);
                case WORSE -> worse.add(s);
                case EQUIVALENT -> same.add(s);
                default -> open.add(s);
            }
        }
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "Answer (region of practical equivalence ±%.2f RSI points, 0.1 sd of the RSI over the history): ",
                rope));
        List<String> parts = new ArrayList<>();
        if (!better.isEmpty()) {
            parts.add("better than " + base + ": " + String.join(", ", better));
        }
        if (!worse.isEmpty()) {
            parts.add("worse: " + String.join(", ", worse));
        }
        if (!same.isEmpty()) {
            parts.add("no practical difference: " + String.join(", ", same));
        }
        if (!open.isEmpty()) {
            parts.add("undecided (the interval straddles the region's edge): " + String.join(", ", open));
        }
        b.append(String.join("; ", parts)).append('.');
        return b.toString();
    }
}
