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
 *
 * <p><b>Counts are exact.</b> A column of whole numbers (incidents, an incident, an episode of unrest, talks still
 * open) has one bin per value from {@code lo} to {@code hi}, so its histogram is the exact distribution of the runs
 * and its quantiles are exact: the q-quantile is the smallest value whose cumulative share reaches q (the inverse of
 * the empirical distribution function, definition 1 of Hyndman &amp; Fan 1996, "Sample quantiles in statistical
 * packages", <i>The American Statistician</i> 50(4)), never a value between two counts.
 */
public final class SeriesStats {
    public static final int BINS = 200;

    /** At most this many values for a count column to get one bin each (else it is binned like any other). */
    static final int COUNT_BINS_MAX = 4096;

    private final int years;
    private final int width;
    private final int[] columns;
    private final double[] lo;
    private final double[] hi;
    private final boolean[] counts; // whole-number columns, one bin per value
    private final int[] bins; // bins of column k
    private final int[] binStart; // first bin of each cell in hist, and hist.length at the end
    private final double[] centre;
    private final double[] scale; // BINS / (hi - lo), or 1 for a count (its bin is its value)
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
        this(years, width, columns, lo, hi, new boolean[columns.length]);
    }

    /**
     * @param counts which chosen columns hold whole numbers; where {@code lo} and {@code hi} are whole numbers too and
     *     at most {@link #COUNT_BINS_MAX} apart, such a column gets one bin per value and exact quantiles
     */
    public SeriesStats(int years, int width, int[] columns, double[] lo, double[] hi, boolean[] counts) {
        this.years = years;
        this.width = width;
        this.columns = columns.clone();
        this.lo = lo.clone();
        this.hi = hi.clone();
        int nc = columns.length;
        this.counts = new boolean[nc];
        bins = new int[nc];
        centre = new double[nc];
        scale = new double[nc];
        sumScale = new double[nc];
        for (int k = 0; k < nc; k++) {
            if (!(hi[k] > lo[k])) {
                throw new IllegalArgumentException("empty range for column " + columns[k]);
            }
            this.counts[k] = counts[k]
                    && lo[k] == Math.rint(lo[k])
                    && hi[k] == Math.rint(hi[k])
                    && hi[k] - lo[k] < COUNT_BINS_MAX;
            bins[k] = this.counts[k] ? (int) (hi[k] - lo[k]) + 1 : BINS;
            centre[k] = 0.5 * (lo[k] + hi[k]);
            scale[k] = this.counts[k] ? 1 : BINS / (hi[k] - lo[k]);
            sumScale[k] = ExactSums.scaleFor(hi[k] - lo[k]);
        }
        int cells = years * nc;
        n = new long[cells];
        sums = new ExactSums(cells);
        minMax = new double[2 * cells];
        binStart = new int[cells + 1];
        long total = 0;
        for (int c = 0; c < cells; c++) {
            binStart[c] = (int) total;
            total += bins[c % nc];
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(total + " histogram bins: summarise fewer variables");
        }
        binStart[cells] = (int) total;
        hist = new int[(int) total];
        reset();
    }

    /** An empty summary with the same layout. */
    public SeriesStats emptyCopy() {
        return new SeriesStats(years, width, columns, lo, hi, counts);
    }

    /** The index among the chosen columns of output column {@code column}, or −1 when it is not summarised. */
    public int indexOf(int column) {
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] == column) {
                return k;
            }
        }
        return -1;
    }

    /** Whether chosen column k holds counts (one bin per whole number, exact quantiles). */
    public boolean isCount(int k) {
        return counts[k];
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

    /**
     * Adds one run's output (year-major, {@code years × width}). NaN values are skipped. Its own loop, not {@link
     * #add(double[][], int)} with one output: through that, one run's add took about 1.8 times as long (per-cell
     * setup for one value).
     */
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
                // a count's bin is its value (scale 1, rounded); any other value's is its share of the range
                int bin = (int) ((v - lo[k]) * scale[k] + (counts[k] ? 0.5 : 0));
                int nb = bins[k];
                bin = bin < 0 ? 0 : bin >= nb ? nb - 1 : bin;
                hist[binStart[cell] + bin]++;
            }
        }
        runs++;
    }

    /**
     * Adds the outputs {@code outs[0..count)} (each as {@link #add(double[])}), with the result of adding them one by
     * one in any order, to the bit: every part of the summary is order-free (integer sums and counts, minimum, maximum). The loops run
     * cell by cell over the outputs, so a cell's accumulators and its histogram's bins are fetched once for all of
     * them instead of once an output (one run's cells spread over the whole histogram, 4 MB in the default summary).
     */
    public void add(double[][] outs, int count) {
        if (count < 0 || count > outs.length) {
            throw new IllegalArgumentException(count + " outputs of " + outs.length);
        }
        int nc = columns.length;
        for (int y = 0; y < years; y++) {
            int row = y * width;
            int cellRow = y * nc;
            for (int k = 0; k < nc; k++) {
                int col = row + columns[k];
                int cell = cellRow + k;
                double min = minMax[2 * cell];
                double max = minMax[2 * cell + 1];
                double c = centre[k];
                double ss = sumScale[k];
                double l0 = lo[k];
                double sc = scale[k];
                double half = counts[k] ? 0.5 : 0;
                int nb = bins[k];
                int start = binStart[cell];
                int added = 0;
                long sum = 0;
                long sqHi = 0;
                long sqLo = 0;
                for (int o = 0; o < count; o++) {
                    double v = outs[o][col];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    added++;
                    long q = ExactSums.quantise(v - c, ss);
                    sum += q;
                    long nl = sqLo + q * q;
                    if (Long.compareUnsigned(nl, sqLo) < 0) {
                        sqHi++;
                    }
                    sqLo = nl;
                    if (v < min) {
                        min = v;
                    }
                    if (v > max) {
                        max = v;
                    }
                    int bin = (int) ((v - l0) * sc + half);
                    bin = bin < 0 ? 0 : bin >= nb ? nb - 1 : bin;
                    hist[start + bin]++;
                }
                n[cell] += added;
                sums.add(cell, sum, sqHi, sqLo);
                minMax[2 * cell] = min;
                minMax[2 * cell + 1] = max;
            }
        }
        runs += count;
    }

    /** Adds another summary of the same layout into this one. */
    public void merge(SeriesStats o) {
        if (o.years != years
                || o.width != width
                || !Arrays.equals(o.columns, columns)
                || !Arrays.equals(o.bins, bins)) {
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

    /**
     * The q-quantile (0..1) from the histogram: within one bin width of the exact value, and exact for a count column
     * (the smallest count whose cumulative share reaches q).
     */
    public double quantile(int y, int k, double q) {
        int c = cell(y, k);
        long count = n[c];
        if (count == 0) {
            return Double.NaN;
        }
        double rank = q * count;
        long seen = 0;
        int base = binStart[c];
        if (counts[k]) {
            for (int b = 0; b < bins[k]; b++) {
                seen += hist[base + b];
                if (seen > 0 && seen >= rank) {
                    return lo[k] + b;
                }
            }
            return minMax[2 * c + 1];
        }
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
        out.writeInt(hist.length);
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
        if (in.readInt() != years
                || in.readInt() != width
                || in.readInt() != columns.length
                || in.readInt() != hist.length) {
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
        int cell = 0;
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
            while (i >= binStart[cell + 1]) { // bins ascend, so the cell only moves on
                cell++;
            }
            filled[cell] += hist[i];
        }
        for (int c = 0; c < n.length; c++) {
            if (filled[c] != n[c]) {
                throw new IOException(
                        "corrupt summary: a cell of " + n[c] + " values has " + filled[c] + " in its bins");
            }
        }
    }
}
