package org.multivector.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer of a comparison, judged against a region of practical equivalence (ROPE) on the RSI: a difference
 * smaller than a negligible effect is "no practical difference", however sure the runs make it. The ROPE's
 * half-width is 0.1 standard deviations of the baseline's mean RSI over the simulated years before the branch (a
 * negligible effect size, half of Cohen's "small" 0.2; Kruschke 2018, "Rejecting or accepting parameter values in
 * Bayesian estimation", Advances in Methods and Practices in Psychological Science 1(2)), so it scales with how much
 * the region's stability moves over its history and is not chosen after seeing the differences.
 *
 * <p>Each alternative is classed by an interval of its ΔRSI: {@code BETTER} or {@code WORSE} when the interval lies
 * wholly beyond the ROPE on one side, {@code EQUIVALENT} when it lies wholly inside, otherwise {@code UNDECIDED}
 * (Kruschke's HDI+ROPE rule). Which interval depends on what the runs vary:
 *
 * <ul>
 *   <li>at the scenario's parameter values, the 95 % confidence interval of the mean paired ΔRSI: it covers only the
 *       runs' randomness (shocks, draws, each run's own history), and the sentence says so;
 *   <li>over a posterior ({@code --posterior}), the 90 % posterior predictive interval of the per-run ΔRSI (its 5 and
 *       95 % quantiles over runs, each run with its own particle and history), with the posterior probabilities that
 *       the alternative is better at all, practically better, practically equivalent and practically worse.
 * </ul>
 */
public final class CompareAnswer {
    /** How an alternative compares with the baseline. */
    public enum Verdict {
        BETTER,
        WORSE,
        EQUIVALENT,
        UNDECIDED
    }

    /** ROPE half-width in standard deviations of the baseline's RSI over the history (Kruschke 2018). */
    public static final double ROPE_SD = 0.1;

    /** The posterior predictive interval's probability. */
    public static final double CREDIBLE = 0.90;

    private final double rope;
    private final boolean overPosterior;
    private final List<Verdict> verdicts;
    private final double[] lo;
    private final double[] hi;
    private final String sentence;

    private CompareAnswer(
            double rope, boolean overPosterior, List<Verdict> verdicts, double[] lo, double[] hi, String sentence) {
        this.rope = rope;
        this.overPosterior = overPosterior;
        this.verdicts = verdicts;
        this.lo = lo;
        this.hi = hi;
        this.sentence = sentence;
    }

    /** The answer of a finished comparison. */
    public static CompareAnswer of(StudyResult.Comparison c) {
        return of(
                c.stats(), c.strategies(), c.branchYear() - c.scenario().time().start(), c.posterior() != null);
    }

    /**
     * The answer for {@code strategies} (strategy 0 the baseline) on metric 0, the RSI, with {@code historyYears} year
     * indices before the branch in the bands (the RSI their first column); {@code overPosterior}: the runs drew their
     * parameters from a posterior.
     */
    public static CompareAnswer of(CompareStats st, List<String> strategies, int historyYears, boolean overPosterior) {
        double rope = ROPE_SD * historySd(st, historyYears);
        if (!(rope > 0)) {
            rope = ROPE_SD * st.sd(0, 0);
        }
        int n = strategies.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        List<Verdict> v = new ArrayList<>();
        v.add(null);
        lo[0] = Double.NaN;
        hi[0] = Double.NaN;
        for (int k = 1; k < n; k++) {
            if (overPosterior) {
                lo[k] = st.runs() < 2 ? Double.NaN : st.diffQuantile(k, (1 - CREDIBLE) / 2);
                hi[k] = st.runs() < 2 ? Double.NaN : st.diffQuantile(k, (1 + CREDIBLE) / 2);
            } else {
                double d = st.meanDiff(k, 0);
                double h = st.diffHalfWidth(k, 0);
                lo[k] = d - h;
                hi[k] = d + h;
            }
            if (Double.isNaN(lo[k]) || Double.isNaN(hi[k])) {
                v.add(Verdict.UNDECIDED);
            } else if (lo[k] > rope) {
                v.add(Verdict.BETTER);
            } else if (hi[k] < -rope) {
                v.add(Verdict.WORSE);
            } else if (lo[k] >= -rope && hi[k] <= rope) {
                v.add(Verdict.EQUIVALENT);
            } else {
                v.add(Verdict.UNDECIDED);
            }
        }
        List<Verdict> verdicts = java.util.Collections.unmodifiableList(v);
        return new CompareAnswer(
                rope, overPosterior, verdicts, lo, hi, sentence(st, strategies, verdicts, lo, hi, rope, overPosterior));
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

    /** Whether the runs drew their parameters from a posterior (the intervals are then posterior predictive). */
    public boolean overPosterior() {
        return overPosterior;
    }

    /** The verdict of strategy k against the baseline (null for the baseline itself). */
    public Verdict verdict(int k) {
        return verdicts.get(k);
    }

    /** The lower end of strategy k's ΔRSI interval (see the class comment; NaN for the baseline). */
    public double lo(int k) {
        return lo[k];
    }

    /** The upper end of strategy k's ΔRSI interval. */
    public double hi(int k) {
        return hi[k];
    }

    /** The answer in one or two sentences. */
    public String sentence() {
        return sentence;
    }

    private static String sentence(
            CompareStats st,
            List<String> strategies,
            List<Verdict> v,
            double[] lo,
            double[] hi,
            double rope,
            boolean overPosterior) {
        String base = strategies.get(0);
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> same = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (int k = 1; k < strategies.size(); k++) {
            String s = String.format(
                    Locale.ROOT, "%s (%+.2f [%+.2f, %+.2f]", strategies.get(k), st.meanDiff(k, 0), lo[k], hi[k]);
            if (overPosterior) {
                s += String.format(
                        Locale.ROOT,
                        "; P(better) %.2f, P(practically better) %.2f, P(equivalent) %.2f, P(practically worse) %.2f",
                        st.pBetter(k, 0),
                        st.diffShareAbove(k, rope),
                        st.diffShareAbove(k, -rope) - st.diffShareAbove(k, rope),
                        1 - st.diffShareAbove(k, -rope));
            }
            s += ")";
            switch (v.get(k)) {
                case BETTER -> better.add(s);
                case WORSE -> worse.add(s);
                case EQUIVALENT -> same.add(s);
                default -> open.add(s);
            }
        }
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "Answer (region of practical equivalence ±%.2f RSI points, 0.1 sd of the RSI over the history; %s): ",
                rope,
                overPosterior
                        ? "mean ΔRSI with its 90 % posterior predictive interval over the posterior's parameters and"
                                + " each run's history"
                        : "mean ΔRSI with its 95 % interval at the scenario's parameter values, from the runs'"
                                + " randomness alone — not parameter uncertainty: run it over a posterior"));
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
