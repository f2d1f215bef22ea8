package org.multivector.study;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Sums and sums of squares that do not depend on the order of addition: each value is quantised to
 * an integer {@code q = round(v · scale)} with {@code scale} a power of two, and q and q² are added
 * into 128-bit integer accumulators. Integer addition is associative, so partial sums merged in any
 * order, on any number of threads or Spark partitions, give bit-identical totals.
 *
 * <p>The scale puts a component's range on about 2^24 steps, so quantisation moves a value by at
 * most 2^−25 of its range (3·10^−8), and q² stays far below 2^63 for any value within 2^7 ranges
 * of the centre. Values further out are clamped to that bound (they do not occur in the model).
 */
final class ExactSums {
    private static final long Q_MAX = 1L << 31;

    private final long[] sumHi;
    private final long[] sumLo;
    private final long[] sqHi;
    private final long[] sqLo;

    ExactSums(int size) {
        sumHi = new long[size];
        sumLo = new long[size];
        sqHi = new long[size];
        sqLo = new long[size];
    }

    /** The power-of-two scale that maps a range onto about 2^24 integer steps. */
    static double scaleFor(double range) {
        int e = Math.getExponent(range) + 1; // range < 2^e
        return Math.scalb(1.0, 24 - e);
    }

    static long quantise(double v, double scale) {
        long q = Math.round(v * scale);
        return Math.max(-Q_MAX, Math.min(Q_MAX, q));
    }

    void add(int i, long q) {
        long lo = sumLo[i];
        long nl = lo + q;
        sumHi[i] += (q >> 63) + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
        sumLo[i] = nl;
        long sq = q * q;
        long lo2 = sqLo[i];
        long nl2 = lo2 + sq;
        sqHi[i] += Long.compareUnsigned(nl2, lo2) < 0 ? 1 : 0;
        sqLo[i] = nl2;
    }

    void merge(ExactSums o) {
        for (int i = 0; i < sumLo.length; i++) {
            long lo = sumLo[i];
            long nl = lo + o.sumLo[i];
            sumHi[i] += o.sumHi[i] + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
            sumLo[i] = nl;
            long lo2 = sqLo[i];
            long nl2 = lo2 + o.sqLo[i];
            sqHi[i] += o.sqHi[i] + (Long.compareUnsigned(nl2, lo2) < 0 ? 1 : 0);
            sqLo[i] = nl2;
        }
    }

    void reset() {
        Arrays.fill(sumHi, 0);
        Arrays.fill(sumLo, 0);
        Arrays.fill(sqHi, 0);
        Arrays.fill(sqLo, 0);
    }

    /** The sum of q, as a double. */
    double sum(int i) {
        return toDouble(sumHi[i], sumLo[i]);
    }

    /** The sum of q², as a double. */
    double sumSq(int i) {
        return toDouble(sqHi[i], sqLo[i]);
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

    private static double toDouble(long hi, long lo) {
        double low = (double) (lo >>> 1) * 2.0 + (lo & 1L);
        return hi * 0x1p64 + low;
    }

    void writeTo(DataOutputStream out, int i) throws IOException {
        out.writeLong(sumHi[i]);
        out.writeLong(sumLo[i]);
        out.writeLong(sqHi[i]);
        out.writeLong(sqLo[i]);
    }

    void readFrom(DataInputStream in, int i) throws IOException {
        sumHi[i] = in.readLong();
        sumLo[i] = in.readLong();
        sqHi[i] = in.readLong();
        sqLo[i] = in.readLong();
    }
}
