package org.multivector.study;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Streaming statistics of a counterfactual comparison: for each strategy s and outcome metric m,
 * the sum and sum of squares of the per-run value; for each strategy against the baseline
 * (strategy 0), the sum and sum of squares of the paired difference and the number of runs in which
 * s did better (and tied). Plus, per strategy, bands over time of a few series ({@link SeriesStats}).
 * All parts merge by addition, in block order.
 */
public final class CompareStats {
    final int strategies;
    final int metrics;
    long n;
    final double[] sum;
    final double[] sumSq;
    final double[] diffSum;
    final double[] diffSq;
    final long[] wins;
    final long[] ties;
    final SeriesStats[] bands;

    CompareStats(int strategies, int metrics, SeriesStats bandTemplate) {
        this.strategies = strategies;
        this.metrics = metrics;
        int k = strategies * metrics;
        sum = new double[k];
        sumSq = new double[k];
        diffSum = new double[k];
        diffSq = new double[k];
        wins = new long[k];
        ties = new long[k];
        bands = new SeriesStats[strategies];
        for (int s = 0; s < strategies; s++) {
            bands[s] = bandTemplate.emptyCopy();
        }
    }

    void reset() {
        n = 0;
        Arrays.fill(sum, 0);
        Arrays.fill(sumSq, 0);
        Arrays.fill(diffSum, 0);
        Arrays.fill(diffSq, 0);
        Arrays.fill(wins, 0);
        Arrays.fill(ties, 0);
        for (SeriesStats b : bands) {
            b.reset();
        }
    }

    /** Adds one run: {@code values[s*metrics+m]}; {@code better[m]} is +1 when higher is better, −1 when lower is. */
    void add(double[] values, int[] better) {
        n++;
        for (int s = 0; s < strategies; s++) {
            for (int m = 0; m < metrics; m++) {
                int k = s * metrics + m;
                double v = values[k];
                sum[k] += v;
                sumSq[k] += v * v;
                double d = v - values[m];
                diffSum[k] += d;
                diffSq[k] += d * d;
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
        for (int k = 0; k < sum.length; k++) {
            sum[k] += o.sum[k];
            sumSq[k] += o.sumSq[k];
            diffSum[k] += o.diffSum[k];
            diffSq[k] += o.diffSq[k];
            wins[k] += o.wins[k];
            ties[k] += o.ties[k];
        }
        for (int s = 0; s < strategies; s++) {
            bands[s].merge(o.bands[s]);
        }
    }

    public long runs() {
        return n;
    }

    public double mean(int s, int m) {
        return sum[s * metrics + m] / n;
    }

    /** Mean paired difference strategy s − baseline. */
    public double meanDiff(int s, int m) {
        return diffSum[s * metrics + m] / n;
    }

    /** Half-width of the 95 % confidence interval of the mean paired difference (normal approximation). */
    public double diffHalfWidth(int s, int m) {
        if (n < 2) {
            return Double.NaN;
        }
        int k = s * metrics + m;
        double mean = diffSum[k] / n;
        double var = Math.max(0, (diffSq[k] - n * mean * mean) / (n - 1));
        return 1.959963984540054 * Math.sqrt(var / n);
    }

    /** Share of runs in which strategy s did better than the baseline on metric m, ties counted half. */
    public double pBetter(int s, int m) {
        int k = s * metrics + m;
        return (wins[k] + 0.5 * ties[k]) / n;
    }

    public SeriesStats bands(int s) {
        return bands[s];
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(strategies);
        out.writeInt(metrics);
        out.writeLong(n);
        for (int k = 0; k < sum.length; k++) {
            out.writeDouble(sum[k]);
            out.writeDouble(sumSq[k]);
            out.writeDouble(diffSum[k]);
            out.writeDouble(diffSq[k]);
            out.writeLong(wins[k]);
            out.writeLong(ties[k]);
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
        for (int k = 0; k < sum.length; k++) {
            sum[k] = in.readDouble();
            sumSq[k] = in.readDouble();
            diffSum[k] = in.readDouble();
            diffSq[k] = in.readDouble();
            wins[k] = in.readLong();
            ties[k] = in.readLong();
        }
        for (SeriesStats b : bands) {
            b.readFrom(in);
        }
    }
}
