package org.multivector.study;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Streaming statistics of a counterfactual comparison: for each strategy s and outcome metric m,
 * the sum and sum of squares of the per-run value; for each strategy against the baseline
 * (strategy 0), the sum and sum of squares of the paired difference and the number of runs in which
 * s did better (and tied). Plus, per strategy, bands over time of a few series ({@link SeriesStats}), and a
 * histogram of the per-run paired difference of metric 0 (the RSI) for its quantiles and the shares of runs beyond a
 * threshold ({@link #DIFF_BINS} bins over ± the metric's range). Sums are exact ({@link ExactSums}) and counts are
 * integers, so every part merges associatively, in any order.
 */
public final class CompareStats {
    final int strategies;
    final int metrics;
    long n;
    final double[] scale; // per metric, power of two
    final ExactSums values;
    final ExactSums diffs;
    final long[] wins;
    final long[] ties;
    final SeriesStats[] bands;
    /** Bins of the per-run ΔRSI histogram over [−range, range] of metric 0. */
    public static final int DIFF_BINS = 4000;

    final double diffRange;
    final long[] diffHist; // [strategy * DIFF_BINS + bin]

    CompareStats(int strategies, int metrics, double[] ranges, SeriesStats bandTemplate) {
        this.strategies = strategies;
        this.metrics = metrics;
        int k = strategies * metrics;
        scale = new double[metrics];
        for (int m = 0; m < metrics; m++) {
            scale[m] = ExactSums.scaleFor(2 * ranges[m]); // differences span twice the range
        }
        values = new ExactSums(k);
        diffs = new ExactSums(k);
        wins = new long[k];
        ties = new long[k];
        bands = new SeriesStats[strategies];
        for (int s = 0; s < strategies; s++) {
            bands[s] = bandTemplate.emptyCopy();
        }
        diffRange = ranges[0];
        diffHist = new long[strategies * DIFF_BINS];
    }

    void reset() {
        n = 0;
        values.reset();
        diffs.reset();
        Arrays.fill(wins, 0);
        Arrays.fill(ties, 0);
        Arrays.fill(diffHist, 0);
        for (SeriesStats b : bands) {
            b.reset();
        }
    }

    /** Adds one run: {@code values[s*metrics+m]}; {@code better[m]} is +1 when higher is better, −1 when lower is. */
    void add(double[] outcome, int[] better) {
        n++;
        for (int s = 0; s < strategies; s++) {
            for (int m = 0; m < metrics; m++) {
                int k = s * metrics + m;
                double v = outcome[k];
                if (!Double.isFinite(v)) {
                    // quantised, a NaN would count as 0 and bias every mean without a trace
                    throw new IllegalStateException("a run produced a non-finite outcome (" + v + ") for strategy " + s
                            + ", metric " + m + ": a model defect, please report it");
                }
                this.values.add(k, ExactSums.quantise(v, scale[m]));
                double d = v - outcome[m];
                diffs.add(k, ExactSums.quantise(d, scale[m]));
                if (m == 0) {
                    diffHist[s * DIFF_BINS + diffBin(d)]++;
                }
                double signed = d * better[m];
                if (signed > 0) {
                    wins[k]++;
                } else if (signed == 0) {
                    ties[k]++;
                }
            }
        }
    }

    void merge(CompareStats o) {
        n += o.n;
        for (int k = 0; k < wins.length; k++) {
            wins[k] += o.wins[k];
            ties[k] += o.ties[k];
        }
        for (int k = 0; k < diffHist.length; k++) {
            diffHist[k] += o.diffHist[k];
        }
        values.merge(o.values);
        diffs.merge(o.diffs);
        for (int s = 0; s < strategies; s++) {
            bands[s].merge(o.bands[s]);
        }
    }

    public long runs() {
        return n;
    }

    public double mean(int s, int m) {
        return values.mean(s * metrics + m, n, scale[m]);
    }

    /** Standard deviation across runs of strategy s's outcome m (n − 1 denominator). */
    public double sd(int s, int m) {
        return values.sd(s * metrics + m, n, scale[m]);
    }

    /** Mean paired difference strategy s − baseline. */
    public double meanDiff(int s, int m) {
        return diffs.mean(s * metrics + m, n, scale[m]);
    }

    /** Half-width of the 95 % confidence interval of the mean paired difference (normal approximation). */
    public double diffHalfWidth(int s, int m) {
        if (n < 2) {
            return Double.NaN;
        }
        return 1.959963984540054 * diffs.sd(s * metrics + m, n, scale[m]) / Math.sqrt(n);
    }

    /** Share of runs in which strategy s did better than the baseline on metric m, ties counted half. */
    public double pBetter(int s, int m) {
        int k = s * metrics + m;
        return (wins[k] + 0.5 * ties[k]) / n;
    }

    private int diffBin(double d) {
        int b = (int) Math.floor((d + diffRange) / (2 * diffRange) * DIFF_BINS);
        return Math.max(0, Math.min(DIFF_BINS - 1, b));
    }

    private double binLow(int b) {
        return -diffRange + 2 * diffRange * b / DIFF_BINS;
    }

    /**
     * The q-quantile over runs of strategy s's paired ΔRSI (metric 0), interpolated linearly within its histogram bin
     * (error at most one bin, 2·range/{@link #DIFF_BINS}); NaN without runs.
     */
    public double diffQuantile(int s, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double target = q * n;
        long c = 0;
        double width = 2 * diffRange / DIFF_BINS;
        for (int b = 0; b < DIFF_BINS; b++) {
            long h = diffHist[s * DIFF_BINS + b];
            if (h > 0 && c + h >= target) {
                return binLow(b) + width * Math.max(0, Math.min(1, (target - c) / h));
            }
            c += h;
        }
        return binLow(DIFF_BINS - 1) + width;
    }

    /**
     * Share of runs whose paired ΔRSI (metric 0) of strategy s exceeds t, counting a bin that holds t in proportion to
     * its part above t.
     */
    public double diffShareAbove(int s, double t) {
        if (n == 0) {
            return Double.NaN;
        }
        double width = 2 * diffRange / DIFF_BINS;
        double above = 0;
        for (int b = 0; b < DIFF_BINS; b++) {
            long h = diffHist[s * DIFF_BINS + b];
            if (h == 0) {
                continue;
            }
            double lo = binLow(b);
            if (lo >= t) {
                above += h;
            } else if (lo + width > t) {
                above += h * (lo + width - t) / width;
            }
        }
        return above / n;
    }

    public SeriesStats bands(int s) {
        return bands[s];
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(strategies);
        out.writeInt(metrics);
        out.writeLong(n);
        for (int k = 0; k < wins.length; k++) {
            values.writeTo(out, k);
            diffs.writeTo(out, k);
            out.writeLong(wins[k]);
            out.writeLong(ties[k]);
        }
        int nonZero = 0;
        for (long h : diffHist) {
            nonZero += h != 0 ? 1 : 0;
        }
        out.writeInt(nonZero);
        for (int k = 0; k < diffHist.length; k++) {
            if (diffHist[k] != 0) {
                out.writeInt(k);
                out.writeLong(diffHist[k]);
            }
        }
        for (SeriesStats b : bands) {
            b.writeTo(out);
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        if (in.readInt() != strategies || in.readInt() != metrics) {
            throw new IOException("stored comparison has another layout");
        }
        n = in.readLong();
        if (n < 0) {
            throw new IOException("stored comparison has " + n + " runs");
        }
        for (int k = 0; k < wins.length; k++) {
            values.readFrom(in, k);
            diffs.readFrom(in, k);
            wins[k] = in.readLong();
            ties[k] = in.readLong();
            if (wins[k] < 0 || ties[k] < 0 || wins[k] > n - ties[k]) {
                throw new IOException(
                        "stored comparison has " + wins[k] + " wins and " + ties[k] + " ties in " + n + " runs");
            }
        }
        int nonZero = in.readInt();
        if (nonZero < 0 || nonZero > diffHist.length) {
            throw new IOException(
                    "stored comparison has " + nonZero + " histogram bins, expected at most " + diffHist.length);
        }
        for (int i = 0; i < nonZero; i++) {
            int k = in.readInt();
            if (k < 0 || k >= diffHist.length) {
                throw new IOException(
                        "stored comparison has histogram bin " + k + " outside 0.." + (diffHist.length - 1));
            }
            diffHist[k] = in.readLong();
            if (diffHist[k] <= 0 || diffHist[k] > n) {
                throw new IOException("stored comparison has " + diffHist[k] + " runs in a histogram bin of " + n);
            }
        }
        for (SeriesStats b : bands) {
            b.readFrom(in);
            if (b.runs() != n) {
                throw new IOException("stored comparison has bands of " + b.runs() + " runs for " + n + " runs");
            }
        }
    }
}
