package org.multivector.validate;

import java.util.Arrays;
import org.multivector.numeric.PortableMath;

/**
 * Scores of forecasts against what happened.
 *
 * <ul>
 *   <li>Brier score (Brier 1950): {@code (1/n) Σ (p_i − y_i)²}, 0 best;
 *   <li>logarithmic score (Good 1952), as the mean negative log-likelihood
 *       {@code −(1/n) Σ [y_i ln p_i + (1 − y_i) ln(1 − p_i)]}, 0 best; probabilities are clipped to
 *       [ε, 1 − ε] with ε = 10^−15 so that a confident miss is finite but very costly;
 *   <li>AUROC: the probability that a random event gets a higher forecast than a random non-event,
 *       ties counting ½ (the Mann–Whitney U statistic divided by n₁n₀; Hanley &amp; McNeil 1982);
 *   <li>MAE and RMSE for continuous forecasts;
 *   <li>a reliability curve: forecasts grouped into equal-width bins, with the mean forecast and the
 *       observed frequency per bin (Murphy &amp; Winkler 1977).
 * </ul>
 */
public final class ForecastScores {
    private static final double EPS = 1e-15;

    private ForecastScores() {}

    private static void check(double[] p, double[] y) {
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException("need as many forecasts as outcomes, and at least one");
        }
    }

    public static double brier(double[] p, double[] y) {
        check(p, y);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - y[i];
            s += d * d;
        }
        return s / p.length;
    }

    public static double logScore(double[] p, double[] y) {
        check(p, y);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - EPS, Math.max(EPS, p[i]));
            s -= y[i] > 0.5 ? PortableMath.log(q) : PortableMath.log(1 - q);
        }
        return s / p.length;
    }

    /** AUROC; NaN when the outcomes are all events or all non-events. */
    public static double auroc(double[] p, double[] y) {
        check(p, y);
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        // Mid-ranks for ties, then U = R₁ − n₁(n₁+1)/2.
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = mid;
            }
            i = j + 1;
        }
        double r1 = 0;
        long n1 = 0;
        for (int k = 0; k < n; k++) {
            if (y[k] > 0.5) {
                r1 += rank[k];
                n1++;
            }
        }
        long n0 = n - n1;
        if (n1 == 0 || n0 == 0) {
            return Double.NaN;
        }
        return (r1 - n1 * (n1 + 1) / 2.0) / ((double) n1 * n0);
    }

    /**
     * The distribution of a count of independent events with probabilities {@code p} (the Poisson-binomial, by the
     * direct convolution): {@code pmf[k]} = P(k events), k = 0..n.
     */
    public static double[] poissonBinomial(double[] p) {
        double[] pmf = new double[p.length + 1];
        pmf[0] = 1;
        for (int i = 0; i < p.length; i++) {
            double q = Math.max(0, Math.min(1, p[i]));
            for (int k = i + 1; k >= 1; k--) {
                pmf[k] = pmf[k] * (1 - q) + pmf[k - 1] * q;
            }
            pmf[0] *= 1 - q;
        }
        return pmf;
    }

    /**
     * The continuous ranked probability score of a count forecast (its pmf over 0..n) for the observed count y: the
     * sum over k of (F(k) − 1{y ≤ k})², F the forecast's distribution function (Gneiting &amp; Raftery 2007, "Strictly
     * proper scoring rules, prediction, and estimation", JASA 102; for counts, Czado, Gneiting &amp; Held 2009). Lower is
     * better; a point forecast m scores |m − y|.
     */
    public static double crpsCount(double[] pmf, int y) {
        if (y < 0) {
            throw new IllegalArgumentException("a count is not negative: " + y);
        }
        double f = 0;
        double s = 0;
        int top = Math.max(pmf.length - 1, y);
        for (int k = 0; k <= top; k++) {
            f += k < pmf.length ? pmf[k] : 0;
            double step = y <= k ? 1 : 0;
            s += (f - step) * (f - step);
        }
        return s;
    }

    public static double mae(double[] forecast, double[] observed) {
        check(forecast, observed);
        double s = 0;
        for (int i = 0; i < forecast.length; i++) {
            s += Math.abs(forecast[i] - observed[i]);
        }
        return s / forecast.length;
    }

    public static double rmse(double[] forecast, double[] observed) {
        check(forecast, observed);
        double s = 0;
        for (int i = 0; i < forecast.length; i++) {
            double d = forecast[i] - observed[i];
            s += d * d;
        }
        return Math.sqrt(s / forecast.length);
    }

    /** One bin of a reliability curve. */
    public record ReliabilityBin(double from, double to, int count, double meanForecast, double observedFrequency) {}

    /** Reliability curve over {@code bins} equal-width bins of [0, 1]; empty bins have count 0 and NaN means. */
    public static ReliabilityBin[] reliability(double[] p, double[] y, int bins) {
        check(p, y);
        int[] n = new int[bins];
        double[] sp = new double[bins];
        double[] sy = new double[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) (p[i] * bins)));
            n[b]++;
            sp[b] += p[i];
            sy[b] += y[i];
        }
        ReliabilityBin[] out = new ReliabilityBin[bins];
        for (int b = 0; b < bins; b++) {
            out[b] = new ReliabilityBin(
                    (double) b / bins,
                    (double) (b + 1) / bins,
                    n[b],
                    n[b] == 0 ? Double.NaN : sp[b] / n[b],
                    n[b] == 0 ? Double.NaN : sy[b] / n[b]);
        }
        return out;
    }
}
