package org.multivector.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PortableMathTest {
    private static final MathContext MC = new MathContext(45);
    private static final BigDecimal NEGLIGIBLE = new BigDecimal("1e-50");
    private static final BigDecimal LN2 = lnNearOne(BigDecimal.valueOf(2));

    @Test
    void tables_areTheNearestDoublesToTheirExactValues() {
        double[][] t = PortableMath.tablesCopy();
        for (int j = 0; j < 64; j++) {
            BigDecimal v = expSeries(LN2.multiply(BigDecimal.valueOf(j)).divide(BigDecimal.valueOf(64), MC));
            assertThat(t[0][j]).as("2^(%d/64) hi", j).isEqualTo(v.doubleValue());
            assertThat(t[1][j])
                    .as("2^(%d/64) lo", j)
                    .isEqualTo(v.subtract(new BigDecimal(t[0][j])).doubleValue());
        }
        for (int i = 0; i < 128; i++) {
            BigDecimal lc = lnNearOne(new BigDecimal(PortableMath.centre(i)));
            BigDecimal scale = BigDecimal.valueOf(1L << 21);
            double hi = lc.multiply(scale).setScale(0, RoundingMode.HALF_EVEN).doubleValue() / (1 << 21);
            assertThat(t[2][i]).as("ln c_%d hi", i).isEqualTo(hi);
            assertThat(t[3][i])
                    .as("ln c_%d lo", i)
                    .isEqualTo(lc.subtract(new BigDecimal(hi)).doubleValue());
        }
        assertThat(PortableMath.centre(79)).isEqualTo(1.0); // the interval around 1
    }

    @Test
    void exp_isWithinOneUlpOfTheExactValue() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n = 0; n < 4000; n++) {
            double x = arg(r, n);
            double got = PortableMath.exp(x);
            if (got == 0 || Double.isInfinite(got)) {
                continue; // the range ends, checked against StrictMath below
            }
            assertThat(ulpsFrom(got, exactExp(x))).as("exp(%s) = %s", x, got).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void log_isWithinOneUlpOfTheExactValue() {
        SplittableRandom r = new SplittableRandom(12);
        for (int n = 0; n < 4000; n++) {
            double x = positive(r, n);
            double got = PortableMath.log(x);
            assertThat(ulpsFrom(got, exactLog(x))).as("log(%s) = %s", x, got).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void pow_isWithinOneUlpOfTheExactValue() {
        SplittableRandom r = new SplittableRandom(16);
        for (int n = 0; n < 2000; n++) {
            double x = n % 2 == 0 ? r.nextDouble(0, 1) : r.nextDouble(1, 1e4);
            double y = r.nextDouble(-60, 60);
            double got = PortableMath.pow(x, y);
            if (got == 0 || Double.isInfinite(got)) {
                continue;
            }
            BigDecimal exact = exactExp(new BigDecimal(y).multiply(exactLog(x), MC));
            assertThat(ulpsFrom(got, exact)).as("pow(%s, %s) = %s", x, y, got).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void bothFunctions_areWithinOneUlpOfStrictMath_overManyArguments() {
        SplittableRandom r = new SplittableRandom(13);
        long differ = 0;
        for (int n = 0; n < 500_000; n++) {
            double x = arg(r, n);
            double e = PortableMath.exp(x);
            double se = StrictMath.exp(x);
            assertThat(bitsApart(e, se)).as("exp(%s)", x).isLessThanOrEqualTo(1);
            double y = positive(r, n);
            double l = PortableMath.log(y);
            double sl = StrictMath.log(y);
            assertThat(bitsApart(l, sl)).as("log(%s)", y).isLessThanOrEqualTo(1);
            differ += (e != se ? 1 : 0) + (l != sl ? 1 : 0);
        }
        assertThat(differ).as("not StrictMath under another name").isPositive();
    }

    @Test
    void pow_isWithinOneUlpOfStrictMath_forNonNegativeBases() {
        SplittableRandom r = new SplittableRandom(15);
        long differ = 0;
        for (int n = 0; n < 300_000; n++) {
            double x = switch (n % 4) {
                case 0 -> r.nextDouble(0, 1);
                case 1 -> r.nextDouble(0, 1e6);
                case 2 -> 1 + r.nextDouble(-1e-6, 1e-6);
                default -> positive(r, n);
            };
            double y = switch (n % 3) {
                case 0 -> r.nextDouble(-3, 3);
                case 1 -> r.nextDouble(-200, 200);
                default -> Math.rint(r.nextDouble(-10, 10));
            };
            double got = PortableMath.pow(x, y);
            double want = StrictMath.pow(x, y);
            assertThat(bitsApart(got, want)).as("pow(%s, %s) = %s", x, y, got).isLessThanOrEqualTo(1);
            differ += got != want ? 1 : 0;
        }
        assertThat(differ).isPositive();
        double[] bases = {0, 1, 2, 0.5, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN};
        double[] exps = {0, -0.0, 1, -1, 0.5, 2, 1e300, -1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : bases) {
            for (double y : exps) {
                assertThat(bitsApart(PortableMath.pow(x, y), StrictMath.pow(x, y)))
                        .as("pow(%s, %s)", x, y)
                        .isLessThanOrEqualTo(1);
            }
        }
        assertThat(PortableMath.pow(-2, 2))
                .as("negative bases are outside its domain")
                .isNaN();
        assertThat(PortableMath.pow(Double.NaN, 0)).isEqualTo(1.0);
    }

    @Test
    void allThree_allocateNothing() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        double acc = 0;
        for (int rep = 0; rep < 3; rep++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 1; i < 20_000; i++) {
                acc += PortableMath.exp(-i * 1e-3) + PortableMath.log(i * 1e-3) + PortableMath.pow(i * 1e-3, 0.7);
            }
            if (rep > 0) {
                assertThat(mx.getCurrentThreadAllocatedBytes() - before)
                        .as("bytes")
                        .isLessThan(1024);
            }
        }
        assertThat(acc).isFinite();
    }

    @Test
    void specialValues_followMath() {
        double[] xs = {
            0.0,
            -0.0,
            1.0,
            -1.0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            703.999,
            704,
            709.782712893384,
            Math.nextUp(709.782712893384),
            -704,
            -708.4,
            -740,
            -745.1332191019411,
            -745.1332191019412,
            -746,
            1e-300,
            1e-320,
            0.5,
            2
        };
        for (double x : xs) {
            assertThat(bitsApart(PortableMath.exp(x), StrictMath.exp(x)))
                    .as("exp(%s)", x)
                    .isLessThanOrEqualTo(1);
            assertThat(bitsApart(PortableMath.log(x), StrictMath.log(x)))
                    .as("log(%s)", x)
                    .isLessThanOrEqualTo(1);
        }
        assertThat(PortableMath.exp(0.0)).isEqualTo(1.0);
        assertThat(PortableMath.exp(-0.0)).isEqualTo(1.0);
        assertThat(PortableMath.exp(Double.NaN)).isNaN();
        assertThat(PortableMath.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PortableMath.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(PortableMath.exp(710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PortableMath.exp(-746)).isEqualTo(0.0);
        assertThat(PortableMath.exp(-745)).isEqualTo(Double.MIN_VALUE); // the smallest subnormal
        assertThat(PortableMath.log(1.0)).isEqualTo(0.0);
        assertThat(PortableMath.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PortableMath.log(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PortableMath.log(-1e-300)).isNaN();
        assertThat(PortableMath.log(Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(PortableMath.log(Double.NaN)).isNaN();
        assertThat(PortableMath.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PortableMath.log(Math.E)).isEqualTo(1.0);
    }

    @Test
    void exp_ofALogShare_roundTripsWhereTheEngineUsesIt() {
        // the multi-vector solve takes shares to log shares and back: the round trip stays within a few ulps
        SplittableRandom r = new SplittableRandom(14);
        for (int n = 0; n < 100_000; n++) {
            double s = r.nextDouble(1e-12, 1);
            double back = PortableMath.exp(PortableMath.log(s));
            // the logarithm's last place, carried through the exponential, plus each function's own ulp
            double bound = s * Math.ulp(PortableMath.log(s)) + 2 * Math.ulp(s);
            assertThat(Math.abs(back - s)).as("%s", s).isLessThanOrEqualTo(bound);
        }
    }

    /** Arguments of the exponential: the engine's range, tiny ones, and the ends of the double range. */
    private static double arg(SplittableRandom r, int n) {
        return switch (n % 5) {
            case 0 -> r.nextDouble(-746, 710);
            case 1 -> r.nextDouble(-20, 20);
            case 2 -> r.nextDouble(-1e-3, 1e-3);
            case 3 -> r.nextDouble(-1e-15, 1e-15);
            default -> r.nextDouble(-745.2, -700);
        };
    }

    /** Positive arguments of the logarithm: any finite bits, near 1, shares, subnormals. */
    private static double positive(SplittableRandom r, int n) {
        return switch (n % 5) {
            case 0 -> Double.longBitsToDouble(r.nextLong(1, 0x7ff0000000000000L));
            case 1 -> 1 + r.nextDouble(-1e-2, 1e-2);
            case 2 -> r.nextDouble(Double.MIN_NORMAL, 1);
            case 3 -> Double.longBitsToDouble(r.nextLong(1, 1L << 52));
            default -> 1 + r.nextDouble(-1e-9, 1e-9);
        };
    }

    /** How many doubles apart two results are (0 for equal ones, NaN equal to NaN). */
    private static long bitsApart(double a, double b) {
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }

    /** |got − exact| in units of got's last place. */
    private static double ulpsFrom(double got, BigDecimal exact) {
        return new BigDecimal(got)
                .subtract(exact)
                .abs()
                .divide(new BigDecimal(Math.ulp(got)), MC)
                .doubleValue();
    }

    private static BigDecimal exactExp(double x) {
        return exactExp(new BigDecimal(x));
    }

    private static BigDecimal exactExp(BigDecimal bx) {
        long k = Math.round(bx.doubleValue() / Math.log(2));
        BigDecimal rest = bx.subtract(LN2.multiply(BigDecimal.valueOf(k)), MC);
        return expSeries(rest).multiply(pow2((int) k), MC);
    }

    /** 2^n exactly (a finite decimal for negative n too). */
    private static BigDecimal pow2(int n) {
        BigDecimal two = BigDecimal.valueOf(2);
        return n >= 0 ? two.pow(n) : BigDecimal.ONE.divide(two.pow(-n));
    }

    private static BigDecimal exactLog(double x) {
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) {
            e = Math.getExponent(x * 0x1p60) - 60;
        }
        BigDecimal m = new BigDecimal(x).multiply(pow2(-e)); // x / 2^e, in [1, 2), exact
        return LN2.multiply(BigDecimal.valueOf(e), MC).add(lnNearOne(m), MC);
    }

    private static BigDecimal expSeries(BigDecimal x) {
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; term.abs().compareTo(NEGLIGIBLE) > 0; k++) {
            term = term.multiply(x, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        return sum;
    }

    /** ln y for y in [0.5, 2] by 2 atanh((y − 1)/(y + 1)). */
    private static BigDecimal lnNearOne(BigDecimal y) {
        BigDecimal u = y.subtract(BigDecimal.ONE).divide(y.add(BigDecimal.ONE), MC);
        BigDecimal u2 = u.multiply(u, MC);
        BigDecimal power = u;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; power.abs().compareTo(NEGLIGIBLE) > 0; k += 2) {
            sum = sum.add(power.divide(BigDecimal.valueOf(k), MC), MC);
            power = power.multiply(u2, MC);
        }
        return sum.multiply(BigDecimal.valueOf(2), MC);
    }
}
