package org.multivector.study;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Streaming summary of many runs' series: for each year and each chosen column of a run's output,
 * the count, mean, standard deviation, minimum, maximum and a fixed-bin histogram from which
 * quantiles are read. Memory is fixed by years × columns × bins, never by the number of runs.
 *
 * <p><b>Mergeable and reproducible.</b> Sums are exact integer sums of {@code v − c} quantised to
 * 2^−24 of the column's range ({@link ExactSums}; {@code c} is the middle of the range), histograms
 * are integer counts, minimum and maximum are order-free. Every part therefore merges
 * associatively: partials merged in any order, by threads or by Spark partitions, give
 * bit-identical results. Quantisation moves a mean by at most 3·10^−8 of the range.
 *
 * <p><b>Quantile error.</b> Each column has a range {@code [lo, hi]} ({@link ColumnRanges}) cut into
 * {@link #BINS} equal bins; a quantile is interpolated linearly inside its bin, so its error is at
 * most one bin width, {@code (hi − lo)/BINS} (0.005 for shares, 0.5 RSI points), and values outside
 * the range fall into the end bins, whose interpolation is bounded by the exact minimum and maximum.
 */
public final class SeriesStats {
    public static final int BINS = 200;

    private final int years;
    private final int width;
    private final int[] columns;
    private final double[] lo;
    private final double[] hi;
    private final double[] centre;
    private final double[] scale; // BINS / (hi - lo)
    private final double[] sumScale; // power-of-two quantisation scale of the exact sums
    private final long[] n;
    private final ExactSums sums;
    private final double[] minMax; // [2c] = min, [2c+1] = max
    private final int[] hist;
    private long runs;

    /**
     * @param years years per run
     * @param width values per year in a run's output
     * @param columns which of the {@code width} columns to summarise
     * @param lo lower end of each chosen column's range
     * @param hi upper end of each chosen column's range
     */
    public SeriesStats(int years, int width, int[] columns, double[] lo, double[] hi) {
        this.years = years;
        this.width = width;
        this.columns = columns.clone();
        this.lo = lo.clone();
        this.hi = hi.clone();
        int nc = columns.length;
        centre = new double[nc];
        scale = new double[nc];
        sumScale = new double[nc];
        for (int k = 0; k < nc; k++) {
            if (!(hi[k] > lo[k])) {
                throw new IllegalArgumentException("empty range for column " + columns[k]);
            }
            centre[k] = 0.5 * (lo[k] + hi[k]);
            scale[k] = BINS / (hi[k] - lo[k]);
            sumScale[k] = ExactSums.scaleFor(hi[k] - lo[k]);
        }
        int cells = years * nc;
        n = new long[cells];
        sums = new ExactSums(cells);
        minMax = new double[2 * cells];
        hist = new int[cells * BINS];
        reset();
    }

    /** An empty summary with the same layout. */
    public SeriesStats emptyCopy() {
        return new SeriesStats(years, width, columns, lo, hi);
    }

    public void reset() {
        Arrays.fill(n, 0);
        sums.reset();
        for (int c = 0; c < n.length; c++) {
            minMax[2 * c] = Double.POSITIVE_INFINITY;
            minMax[2 * c + 1] = Double.NEGATIVE_INFINITY;
        }
        Arrays.fill(hist, 0);
        runs = 0;
    }

    /** Adds one run's output (year-major, {@code years × width}). NaN values are skipped. */
    public void add(double[] out) {
        int nc = columns.length;
        for (int y = 0; y < years; y++) {
            int row = y * width;
            int cellRow = y * nc;
            for (int k = 0; k < nc; k++) {
                double v = out[row + columns[k]];
                if (Double.isNaN(v)) {
                    continue;
                }
                int cell = cellRow + k;
                n[cell]++;
                sums.add(cell, ExactSums.quantise(v - centre[k], sumScale[k]));
                if (v < minMax[2 * cell]) {
                    minMax[2 * cell] = v;
                }
                if (v > minMax[2 * cell + 1]) {
                    minMax[2 * cell + 1] = v;
                }
                int bin = (int) ((v - lo[k]) * scale[k]);
                bin = bin < 0 ? 0 : bin >= BINS ? BINS - 1 : bin;
                hist[cell * BINS + bin]++;
            }
        }
        runs++;
    }

    /** Adds another summary of the same layout into this one. */
    public void merge(SeriesStats o) {
        if (o.years != years || o.width != width || !Arrays.equals(o.columns, columns)) {
            throw new IllegalArgumentException("summaries have different layouts");
        }
        for (int c = 0; c < n.length; c++) {
            n[c] += o.n[c];
            minMax[2 * c] = Math.min(minMax[2 * c], o.minMax[2 * c]);
            minMax[2 * c + 1] = Math.max(minMax[2 * c + 1], o.minMax[2 * c + 1]);
        }
        sums.merge(o.sums);
        for (int i = 0; i < hist.length; i++) {
            hist[i] += o.hist[i];
        }
        runs += o.runs;
    }

    public long runs() {
        return runs;
    }

    public int years() {
        return years;
    }

    public int[] columns() {
        return columns.clone();
    }

    private int cell(int yearIndex, int k) {
        return yearIndex * columns.length + k;
    }

    /** Number of non-missing values of chosen column k in year index y. */
    public long count(int y, int k) {
        return n[cell(y, k)];
    }

    public double mean(int y, int k) {
        int c = cell(y, k);
        return n[c] == 0 ? Double.NaN : centre[k] + sums.mean(c, n[c], sumScale[k]);
    }

    /** Sample standard deviation (n − 1 in the denominator); NaN below two values. */
    public double sd(int y, int k) {
        int c = cell(y, k);
        return sums.sd(c, n[c], sumScale[k]);
    }

    public double min(int y, int k) {
        int c = cell(y, k);
        return n[c] == 0 ? Double.NaN : minMax[2 * c];
    }

    public double max(int y, int k) {
        int c = cell(y, k);
        return n[c] == 0 ? Double.NaN : minMax[2 * c + 1];
    }

    /** The names of {@link #summary}'s values, in order (the tidy summaries' columns). */
    public static final java.util.List<String> SUMMARY =
            java.util.List.of("mean", "sd", "min", "p05", "p25", "p50", "p75", "p95", "max");

    /** Mean, sd, min, the 5/25/50/75/95 % quantiles and max of chosen column k in year index y ({@link #SUMMARY}). */
    public double[] summary(int y, int k) {
        return new double[] {
            mean(y, k),
            sd(y, k),
            min(y, k),
            quantile(y, k, 0.05),
            quantile(y, k, 0.25),
            quantile(y, k, 0.5),
            quantile(y, k, 0.75),
            quantile(y, k, 0.95),
            max(y, k)
        };
    }

    /** The q-quantile (0..1) from the histogram, within one bin width of the exact value. */
    public double quantile(int y, int k, double q) {
        int c = cell(y, k);
        long count = n[c];
        if (count == 0) {
            return Double.NaN;
        }
        double rank = q * count;
        long seen = 0;
        int base = c * BINS;
        double width = (hi[k] - lo[k]) / BINS;
        for (int b = 0; b < BINS; b++) {
            int h = hist[base + b];
            if (h > 0 && seen + h >= rank) {
                double left = Math.max(lo[k] + b * width, minMax[2 * c]);
                double right = Math.min(lo[k] + (b + 1) * width, minMax[2 * c + 1]);
                if (b == 0) {
                    left = minMax[2 * c];
                }
                if (b == BINS - 1) {
                    right = minMax[2 * c + 1];
                }
                double frac = h == 0 ? 0 : (rank - seen) / h;
                double v = left + Math.max(0, Math.min(1, frac)) * (right - left);
                return Math.max(minMax[2 * c], Math.min(minMax[2 * c + 1], v));
            }
            seen += h;
        }
        return minMax[2 * c + 1];
    }

    /** Writes the summary's contents (not its layout) in a fixed binary form. */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(years);
        out.writeInt(width);
        out.writeInt(columns.length);
        out.writeLong(runs);
        for (int c = 0; c < n.length; c++) {
            out.writeLong(n[c]);
            sums.writeTo(out, c);
            out.writeDouble(minMax[2 * c]);
            out.writeDouble(minMax[2 * c + 1]);
        }
        // Sparse histogram: (index, count) for the non-zero bins.
        int nonZero = 0;
        for (int h : hist) {
            nonZero += h != 0 ? 1 : 0;
        }
        out.writeInt(nonZero);
        for (int i = 0; i < hist.length; i++) {
            if (hist[i] != 0) {
                out.writeInt(i);
                out.writeInt(hist[i]);
            }
        }
    }

    /**
     * Replaces this summary's contents with what {@link #writeTo} wrote for the same layout. Every field is checked
     * (counts within the runs, bins ascending and within the layout, each cell's bins adding up to its count), so
     * a damaged or foreign summary is refused with what is wrong rather than merged.
     */
    public void readFrom(DataInputStream in) throws IOException {
        if (in.readInt() != years || in.readInt() != width || in.readInt() != columns.length) {
            throw new IOException("stored summary has another layout");
        }
        reset();
        runs = in.readLong();
        if (runs < 0) {
            throw new IOException("stored summary has " + runs + " runs");
        }
        for (int c = 0; c < n.length; c++) {
            n[c] = in.readLong();
            if (n[c] < 0 || n[c] > runs) {
                throw new IOException("stored summary has " + n[c] + " values in a cell of " + runs + " runs");
            }
            sums.readFrom(in, c);
            minMax[2 * c] = in.readDouble();
            minMax[2 * c + 1] = in.readDouble();
            if (n[c] > 0 && !(minMax[2 * c] <= minMax[2 * c + 1])) {
                throw new IOException("stored summary has a cell whose minimum exceeds its maximum");
            }
        }
        int nonZero = in.readInt();
        if (nonZero < 0 || nonZero > hist.length) {
            throw new IOException("stored summary has " + nonZero + " bins, expected 0.." + hist.length);
        }
        long[] filled = new long[n.length];
        int last = -1;
        for (int j = 0; j < nonZero; j++) {
            int i = in.readInt();
            if (i <= last || i >= hist.length) {
                throw new IOException("corrupt summary: bin " + i + " after bin " + last);
            }
            last = i;
            hist[i] = in.readInt();
            if (hist[i] <= 0) {
                throw new IOException("corrupt summary: bin " + i + " counts " + hist[i]);
            }
            filled[i / BINS] += hist[i];
        }
        for (int c = 0; c < n.length; c++) {
            if (filled[c] != n[c]) {
                throw new IOException(
                        "corrupt summary: a cell of " + n[c] + " values has " + filled[c] + " in its bins");
            }
        }
    }
}
