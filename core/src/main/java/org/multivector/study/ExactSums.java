package org.multivector.study;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Sums and sums of squares that do not depend on the order of addition: each value is quantised to
 * an integer {@code q = round(v · scale)} with {@code scale} a power of two; q is added into a 64-bit
 * and q² into a 128-bit integer accumulator (runs are capped at 10^9, so neither overflows). Integer addition is associative, so partial sums merged in any
 * order, on any number of threads or Spark partitions, give bit-identical totals.
 *
 * <p>The scale puts a component's range on about 2^24 steps, so quantisation moves a value by at
 * most 2^−25 of its range (3·10^−8), and q² stays far below 2^63 for any value within 2^7 ranges
 * of the centre. Values further out are clamped to that bound (they do not occur in the model).
 */
final class ExactSums {
    private static final long Q_MAX = 1L << 31;

    // Interleaved per component i: [3i] = Σq (|q| ≤ 2^31 and at most 2^30 values, so a long never
    // overflows), [3i+1], [3i+2] = Σq² as a 128-bit integer (high, low).
    private final long[] acc;

    ExactSums(int size) {
        acc = new long[3 * size];
    }

    /** The power-of-two scale that maps a range onto about 2^24 integer steps. */
    static double scaleFor(double range) {
        int e = Math.getExponent(range) + 1; // range < 2^e
        return Math.scalb(1.0, 24 - e);
    }

    static long quantise(double v, double scale) {
        double x = v * scale;
        // half away from zero; the sign is copied, not branched on (values fall either side of the centre at random)
        long q = (long) (x + Math.copySign(0.5, x));
        return q > Q_MAX ? Q_MAX : q < -Q_MAX ? -Q_MAX : q;
    }

    void add(int i, long q) {
        int k = 3 * i;
        acc[k] += q;
        long sq = q * q;
        long lo = acc[k + 2];
        long nl = lo + sq;
        if (Long.compareUnsigned(nl, lo) < 0) {
            acc[k + 1]++;
        }
        acc[k + 2] = nl;
    }

    /**
     * Adds a partial sum to component i: {@code sum} = Σq and Σq² = {@code sqHi}·2^64 + {@code sqLo} (unsigned), as
     * adding each q would (integer addition is associative).
     */
    void add(int i, long sum, long sqHi, long sqLo) {
        int k = 3 * i;
        acc[k] += sum;
        long lo = acc[k + 2];
        long nl = lo + sqLo;
        acc[k + 1] += sqHi + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
        acc[k + 2] = nl;
    }

    void merge(ExactSums o) {
        for (int k = 0; k < acc.length; k += 3) {
            acc[k] += o.acc[k];
            long lo = acc[k + 2];
            long nl = lo + o.acc[k + 2];
            acc[k + 1] += o.acc[k + 1] + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
            acc[k + 2] = nl;
        }
    }

    void reset() {
        Arrays.fill(acc, 0);
    }

    /** The sum of q, as a double. */
    double sum(int i) {
        return acc[3 * i];
    }

    /** The sum of q², as a double. */
    double sumSq(int i) {
        long hi = acc[3 * i + 1];
        long lo = acc[3 * i + 2];
        double low = (double) (lo >>> 1) * 2.0 + (lo & 1L);
        return hi * 0x1p64 + low;
    }

    /** Mean of the values: sum / (n · scale). */
    double mean(int i, long n, double scale) {
        return sum(i) / n / scale;
    }

    /** Sample standard deviation of the values (n − 1 denominator). */
    double sd(int i, long n, double scale) {
        if (n < 2) {
            return Double.NaN;
        }
        double s = sum(i);
        double var = (sumSq(i) - s * s / n) / (n - 1);
        return Math.sqrt(Math.max(0, var)) / scale;
    }

    void writeTo(DataOutputStream out, int i) throws IOException {
        out.writeLong(acc[3 * i]);
        out.writeLong(acc[3 * i + 1]);
        out.writeLong(acc[3 * i + 2]);
    }

    void readFrom(DataInputStream in, int i) throws IOException {
        acc[3 * i] = in.readLong();
        acc[3 * i + 1] = in.readLong();
        acc[3 * i + 2] = in.readLong();
    }
}
