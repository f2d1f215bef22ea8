package org.multivector.numeric;

/**
 * The exponential and the natural logarithm as fixed sequences of IEEE 754 double operations, so they give the same bits
 * on every JVM and every processor: the engine's outputs are the same bits on an x86 laptop, an ARM cluster node and
 * another vendor's JVM. {@link Math#exp} and {@link Math#log} are not specified to do that (their Javadoc allows any
 * result within one ulp, and HotSpot's x86 intrinsics differ from {@link StrictMath}'s fdlibm in the last bit of about
 * one result in fifteen); {@link StrictMath} is, but is a native call that C2 does not inline, about 1.4 times as slow
 * as {@code Math.exp} in a loop. Java's floating-point arithmetic has been strict everywhere since Java 17 (JEP 306), so
 * a function written with additions, multiplications, divisions, comparisons and bit moves alone is reproducible by
 * construction, and compiled inline by the JIT.
 *
 * <p>{@link #exp} is Tang's table-driven method (Tang 1989, "Table-driven implementation of the exponential function in
 * IEEE floating-point arithmetic", ACM TOMS 15(2):144–157): {@code x = (64m + j) ln2/64 + r} with {@code |r| ≤
 * ln2/128}, {@code exp(x) = 2^m · 2^(j/64) · exp(r)}, with {@code 2^(j/64)} held as a sum of two doubles and {@code
 * exp(r) − 1} as its Taylor polynomial to {@code r⁶} (the next term is below 2⁻⁶⁴ of the result). {@link #log} is Tang's
 * table-driven logarithm in its multiplicative form (Tang 1990, ACM TOMS 16(4):378–400): {@code x = 2^k z} with
 * {@code z} in [0.69, 1.38), {@code ln x = k ln2 + ln c + ln(1 + r)} where {@code c} is the centre of the one of 128
 * intervals that holds {@code z}, {@code r = (z − c) · (1/c)} (the subtraction exact by Sterbenz's lemma, {@code |r| ≤
 * 2⁻⁸}), {@code ln c} a sum of two doubles and {@code ln(1 + r)} its Taylor polynomial to {@code r⁷}; the interval
 * around 1 has {@code c = 1}, so {@code ln 1 = 0} exactly. The tables are literals, from 50-digit decimal arithmetic,
 * each rounded to the nearest double ({@code PortableMathTest} recomputes every one in {@code BigDecimal}). Both
 * functions are within one ulp of the exact result, tested against {@code BigDecimal} references and against
 * {@code StrictMath} over 20 million arguments each (the test keeps 500,000); they are not correctly rounded, and they
 * are not {@code Math}'s bits. Special values follow {@code Math}: NaN gives NaN, {@code exp(±∞)} is ∞ and 0, {@code
 * log(±0)} is −∞, {@code log} of a negative number NaN. Thread-safe (the tables are read only).
 */
public final class PortableMath {
    private static final int EXP_BITS = 6;
    private static final int EXP_N = 1 << EXP_BITS; // 64 table entries
    private static final int LOG_BITS = 7;
    private static final int LOG_N = 1 << LOG_BITS; // 128 intervals
    // rounds to an integer by addition: 1.5 · 2^52, whose ulp is 1, so x + SHIFT − SHIFT is x rounded to the nearest
    private static final double SHIFT = 0x1.8p52;
    // above the first the exponential overflows to ∞, below the second it rounds to 0
    private static final double EXP_OVERFLOW = 0x1.62e42fefa39efp9; // 709.782712893384
    private static final double EXP_UNDERFLOW = -0x1.74910d52d3052p9; // -745.1332191019412
    // inside it the result's exponent is written directly (no overflow, no subnormal)
    private static final double EXP_FAST = 704;
    // the offset of the logarithm's reduction: z = x / 2^k lies in [OFF, 2 OFF), and 1 is the centre of an interval
    private static final long LOG_OFF = 0x3fe6100000000000L;
    private static final double TWO_52 = 0x1p52;
    // Veltkamp's splitting constant, 2^27 + 1
    private static final double SPLIT = 0x1p27 + 1;

    /** Tang's tables; a record, so its arrays are trusted constants to the JIT. Never handed out. */
    private record Tables(
            double[] expHi, double[] expLo, double[] logC, double[] logInvC, double[] logHi, double[] logLo) {}

    // 64 / ln2, and ln2 / 64 as hi + lo with hi of 20 bits (its products with k below 2^17 are exact)
    private static final double INV_LN2_N = 0x1.71547652b82fep+6;
    private static final double LN2_N_HI = 0x1.62e42p-7;
    private static final double LN2_N_LO = 0x1.fdf473de6af28p-28;
    // ln2 as hi + lo with hi a multiple of 2^-21
    private static final double LN2_HI = 0x1.62e43p-1;
    private static final double LN2_LO = -0x1.05c610ca86c39p-29;
    private static final Tables T = tables();

    private PortableMath() {}

    /**
     * e raised to {@code x}, within one ulp of the exact value; the same bits on every JVM and processor.
     *
     * @param x any double
     * @return {@code e^x}; NaN for NaN, ∞ above 709.78, 0 below −745.13, 1 for ±0
     */
    public static double exp(double x) {
        if (!(Math.abs(x) < EXP_FAST)) {
            return expOutside(x, 0);
        }
        return expInside(x, 0, 0);
    }

    /**
     * The natural logarithm of {@code x}, within one ulp of the exact value; the same bits on every JVM and processor.
     *
     * @param x any double
     * @return {@code ln x}; NaN for NaN and negative x, −∞ for ±0, ∞ for ∞, exactly 0 for 1
     */
    public static double log(double x) {
        long ix = Double.doubleToRawLongBits(x);
        // positive normal finite numbers take the fast path: their bits lie in [2^-1022's, +∞'s), unsigned
        if (Long.compareUnsigned(ix - 0x0010000000000000L, 0x7ff0000000000000L - 0x0010000000000000L) >= 0) {
            if (x != x || x == Double.POSITIVE_INFINITY) {
                return x;
            }
            if (x == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (x < 0) {
                return Double.NaN;
            }
        }
        return logPart(x, false);
    }

    /**
     * {@code x} raised to {@code y} for {@code x ≥ 0}, as {@code exp(y ln x)} with the product carried in two doubles
     * (Dekker 1971, "A floating-point technique for extending the available precision", Numer. Math. 18:224–242), so
     * the result is within one ulp of {@link StrictMath#pow} (tested), the same bits on every JVM and processor, and
     * allocation-free ({@code StrictMath.pow} allocates on Java 17).
     *
     * @param x the base, ≥ 0 (a negative base gives NaN, where {@code Math.pow} has values for integer {@code y}; −0 is
     *     taken as 0)
     * @param y any double
     * @return {@code x^y}, with {@code Math.pow}'s special cases for bases ≥ 0: 1 when {@code y = 0}, x when {@code y =
     *     1}, NaN when either is NaN or when x = 1 and y is infinite
     */
    public static double pow(double x, double y) {
        if (y == 0) {
            return 1;
        }
        if (x != x || y != y || x < 0 || (x == 1 && Double.isInfinite(y))) {
            return Double.NaN;
        }
        if (x == 1 || y == 1) {
            return x;
        }
        if (x == 0 || x == Double.POSITIVE_INFINITY || Double.isInfinite(y) || Math.abs(y) > 0x1p996) {
            return exp(y * log(x)); // 0, ∞ or a result beyond the range: no digits to keep
        }
        double hi = logPart(x, false);
        double lo = logPart(x, true);
        double ph = y * hi;
        if (ph > EXP_OVERFLOW || ph < EXP_UNDERFLOW) {
            return exp(ph); // ∞ or 0
        }
        // y · hi exactly as ph + its error (Veltkamp's splitting, Dekker's product), then y · lo: the exponential
        // reduces ph and adds pl to its remainder, so the product's digits beyond ph's reach the result
        double pl = productError(y, hi, ph) + y * lo;
        return Math.abs(ph) < EXP_FAST ? expInside(ph, pl, 0) : expOutside(ph, pl);
    }

    /** The rounding error of {@code p = a · b}: {@code a · b − p} exactly, by splitting each factor in halves. */
    private static double productError(double a, double b, double p) {
        double ca = SPLIT * a;
        double aHi = ca - (ca - a);
        double aLo = a - aHi;
        double cb = SPLIT * b;
        double bHi = cb - (cb - b);
        double bLo = b - bHi;
        return ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo;
    }

    /**
     * The logarithm of a positive finite {@code x}, normal or subnormal, rounded, or with {@code low} the part of the
     * sum its rounding left out (for {@link #pow}; each call site passes a constant, so the JIT keeps one branch).
     */
    private static double logPart(double x, boolean low) {
        long ix = Double.doubleToRawLongBits(x);
        int k0 = 0;
        if (ix < 0x0010000000000000L) {
            // subnormal: scale into the normal range exactly
            ix = Double.doubleToRawLongBits(x * TWO_52);
            k0 = -52;
        }
        long tmp = ix - LOG_OFF;
        int i = (int) (tmp >>> (52 - LOG_BITS)) & (LOG_N - 1);
        long k = (tmp >> 52) + k0; // arithmetic shift: the exponent relative to OFF's
        double z = Double.longBitsToDouble(ix - (tmp & 0xfff0000000000000L));
        Tables t = T;
        double r = (z - t.logC[i]) * t.logInvC[i]; // z − c exact (Sterbenz), one rounding in the product
        double kd = k;
        // ln(1 + r) = r − r²/2 + r³/3 − r⁴/4 + r⁵/5 − r⁶/6 + r⁷/7 (|r| ≤ 2^-8: the next term below 2^-59 of r)
        double r2 = r * r;
        double poly = r2 * (-0.5 + r * (1.0 / 3 + r * (-0.25 + r * (0.2 + r * (-1.0 / 6 + r * (1.0 / 7))))));
        // k ln2 + ln c in two parts: the sum of the high parts is exact (multiples of 2^-21 below 2^10)
        double w = kd * LN2_HI + t.logHi[i];
        double hi = w + r;
        double lo = (w - hi) + r; // exact error of hi when |w| ≥ |r| or w = 0 (Fast2Sum), else a rounding error's size
        double rest = lo + (kd * LN2_LO + t.logLo[i]) + poly;
        double sum = hi + rest;
        return low ? (hi - sum) + rest : sum; // the rounded logarithm, or what its rounding left out (Fast2Sum)
    }

    /** e^(x + tail) for |x| below {@link #EXP_FAST} and |tail| tiny, times 2^extra (when the result stays normal). */
    private static double expInside(double x, double tail, int extra) {
        Tables t = T;
        double kd = x * INV_LN2_N + SHIFT;
        long ki = Double.doubleToRawLongBits(kd); // its low bits hold k = round(x · 64 / ln2), two's complement
        kd -= SHIFT;
        double r = ((x - kd * LN2_N_HI) - kd * LN2_N_LO) + tail; // kd · ln2NHi exact (20 bits, |k| < 2^17)
        int j = (int) ki & (EXP_N - 1);
        long m = (ki >> EXP_BITS) + extra; // the power of two; the bits above it fall off the shift below
        // exp(r) − 1 to r⁶
        double p = r + r * r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720)))));
        double hi = t.expHi[j];
        double y = hi + (t.expLo[j] + hi * p); // 2^(j/64) exp(r), in [0.99, 2)
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + (m << 52));
    }

    private static double expOutside(double x, double tail) {
        if (x != x) {
            return x;
        }
        if (x > EXP_OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < EXP_UNDERFLOW) {
            return 0;
        }
        if (x > 0) {
            // 2^m with m up to 1024: written one power lower, then doubled (exact, or ∞ where it should be)
            return expInside(x, tail, -1) * 2;
        }
        // subnormal or near it: written 1000 powers higher, then scaled down, which rounds once, as IEEE does
        return expInside(x, tail, 1000) * 0x1p-1000;
    }

    private static Tables tables() {
        // 2^(j/64) as hi + lo (hi the nearest double, lo the nearest to the rest), and ln c as hi + lo with hi a
        // multiple of 2^-21, from 50-digit decimal arithmetic; PortableMathTest recomputes every entry in BigDecimal
        double[] expHi = {
            0x1.0000000000000p+0,
            0x1.02c9a3e778061p+0,
            0x1.059b0d3158574p+0,
            0x1.0874518759bc8p+0,
            0x1.0b5586cf9890fp+0,
            0x1.0e3ec32d3d1a2p+0,
            0x1.11301d0125b51p+0,
            0x1.1429aaea92de0p+0,
            0x1.172b83c7d517bp+0,
            0x1.1a35beb6fcb75p+0,
            0x1.1d4873168b9aap+0,
            0x1.2063b88628cd6p+0,
            0x1.2387a6e756238p+0,
            0x1.26b4565e27cddp+0,
            0x1.29e9df51fdee1p+0,
            0x1.2d285a6e4030bp+0,
            0x1.306fe0a31b715p+0,
            0x1.33c08b26416ffp+0,
            0x1.371a7373aa9cbp+0,
            0x1.3a7db34e59ff7p+0,
            0x1.3dea64c123422p+0,
            0x1.4160a21f72e2ap+0,
            0x1.44e086061892dp+0,
            0x1.486a2b5c13cd0p+0,
            0x1.4bfdad5362a27p+0,
            0x1.4f9b2769d2ca7p+0,
            0x1.5342b569d4f82p+0,
            0x1.56f4736b527dap+0,
            0x1.5ab07dd485429p+0,
            0x1.5e76f15ad2148p+0,
            0x1.6247eb03a5585p+0,
            0x1.6623882552225p+0,
            0x1.6a09e667f3bcdp+0,
            0x1.6dfb23c651a2fp+0,
            0x1.71f75e8ec5f74p+0,
            0x1.75feb564267c9p+0,
            0x1.7a11473eb0187p+0,
            0x1.7e2f336cf4e62p+0,
            0x1.82589994cce13p+0,
            0x1.868d99b4492edp+0,
            0x1.8ace5422aa0dbp+0,
            0x1.8f1ae99157736p+0,
            0x1.93737b0cdc5e5p+0,
            0x1.97d829fde4e50p+0,
            0x1.9c49182a3f090p+0,
            0x1.a0c667b5de565p+0,
            0x1.a5503b23e255dp+0,
            0x1.a9e6b5579fdbfp+0,
            0x1.ae89f995ad3adp+0,
            0x1.b33a2b84f15fbp+0,
            0x1.b7f76f2fb5e47p+0,
            0x1.bcc1e904bc1d2p+0,
            0x1.c199bdd85529cp+0,
            0x1.c67f12e57d14bp+0,
            0x1.cb720dcef9069p+0,
            0x1.d072d4a07897cp+0,
            0x1.d5818dcfba487p+0,
            0x1.da9e603db3285p+0,
            0x1.dfc97337b9b5fp+0,
            0x1.e502ee78b3ff6p+0,
            0x1.ea4afa2a490dap+0,
            0x1.efa1bee615a27p+0,
            0x1.f50765b6e4540p+0,
            0x1.fa7c1819e90d8p+0,
        };
        double[] expLo = {
            0x0.0p+0,
            -0x1.19083535b085dp-56,
            0x1.d73e2a475b465p-55,
            0x1.186be4bb284ffp-57,
            0x1.8a62e4adc610bp-54,
            0x1.03a1727c57b53p-59,
            -0x1.6c51039449b3ap-54,
            -0x1.32fbf9af1369ep-54,
            -0x1.19041b9d78a76p-55,
            0x1.e5b4c7b4968e4p-55,
            0x1.e016e00a2643cp-54,
            0x1.dc775814a8495p-55,
            0x1.9b07eb6c70573p-54,
            0x1.2bd339940e9d9p-55,
            0x1.612e8afad1255p-55,
            0x1.0024754db41d5p-54,
            0x1.6f46ad23182e4p-55,
            0x1.32721843659a6p-54,
            -0x1.63aeabf42eae2p-54,
            -0x1.5e436d661f5e3p-56,
            0x1.ada0911f09ebcp-55,
            -0x1.ef3691c309278p-58,
            0x1.89b7a04ef80d0p-59,
            0x1.3c1a3b69062f0p-56,
            0x1.d4397afec42e2p-56,
            -0x1.4b309d25957e3p-54,
            -0x1.07abe1db13cadp-55,
            0x1.9bb2c011d93adp-54,
            0x1.6324c054647adp-54,
            0x1.ba6f93080e65ep-54,
            -0x1.383c17e40b497p-54,
            -0x1.bb60987591c34p-54,
            -0x1.bdd3413b26456p-54,
            -0x1.bbe3a683c88abp-57,
            -0x1.16e4786887a99p-55,
            -0x1.0245957316dd3p-54,
            -0x1.41577ee04992fp-55,
            0x1.05d02ba15797ep-56,
            -0x1.d4c1dd41532d8p-54,
            -0x1.fc6f89bd4f6bap-54,
            0x1.6e9f156864b27p-54,
            0x1.5cc13a2e3976cp-55,
            -0x1.75fc781b57ebcp-57,
            -0x1.d185b7c1b85d1p-54,
            0x1.c7c46b071f2bep-56,
            -0x1.359495d1cd533p-54,
            -0x1.d2f6edb8d41e1p-54,
            0x1.0fac90ef7fd31p-54,
            0x1.7a1cd345dcc81p-54,
            -0x1.2805e3084d708p-57,
            -0x1.5584f7e54ac3bp-56,
            0x1.23dd07a2d9e84p-55,
            0x1.11065895048ddp-55,
            0x1.2884dff483cadp-54,
            0x1.503cbd1e949dbp-56,
            -0x1.cbc3743797a9cp-54,
            0x1.2ed02d75b3707p-55,
            0x1.c2300696db532p-54,
            -0x1.1a5cd4f184b5cp-54,
            0x1.39e8980a9cc8fp-55,
            -0x1.e9c23179c2893p-54,
            0x1.dc7f486a4b6b0p-54,
            0x1.9d3e12dd8a18bp-54,
            0x1.74853f3a5931ep-55,
        };
        double[] logHi = {
            -0x1.79e2600000000p-2,
            -0x1.741d800000000p-2,
            -0x1.6e60e00000000p-2,
            -0x1.68ac800000000p-2,
            -0x1.6300400000000p-2,
            -0x1.5d5be00000000p-2,
            -0x1.57bf800000000p-2,
            -0x1.522ae00000000p-2,
            -0x1.4c9e000000000p-2,
            -0x1.4718e00000000p-2,
            -0x1.419b400000000p-2,
            -0x1.3c25200000000p-2,
            -0x1.36b6800000000p-2,
            -0x1.314f200000000p-2,
            -0x1.2bef000000000p-2,
            -0x1.2696200000000p-2,
            -0x1.2144600000000p-2,
            -0x1.1bf9a00000000p-2,
            -0x1.16b5c00000000p-2,
            -0x1.1178e00000000p-2,
            -0x1.0c42e00000000p-2,
            -0x1.0713800000000p-2,
            -0x1.01eae00000000p-2,
            -0x1.f991c00000000p-3,
            -0x1.ef5ac00000000p-3,
            -0x1.e531000000000p-3,
            -0x1.db13c00000000p-3,
            -0x1.d103800000000p-3,
            -0x1.c6ffc00000000p-3,
            -0x1.bd08800000000p-3,
            -0x1.b31d800000000p-3,
            -0x1.a93ec00000000p-3,
            -0x1.9f6c400000000p-3,
            -0x1.95a5c00000000p-3,
            -0x1.8beb000000000p-3,
            -0x1.823c000000000p-3,
            -0x1.7898c00000000p-3,
            -0x1.6f01400000000p-3,
            -0x1.6575000000000p-3,
            -0x1.5bf4000000000p-3,
            -0x1.527e400000000p-3,
            -0x1.4913c00000000p-3,
            -0x1.3fb4400000000p-3,
            -0x1.365fc00000000p-3,
            -0x1.2d16000000000p-3,
            -0x1.23d7000000000p-3,
            -0x1.1aa2c00000000p-3,
            -0x1.1179000000000p-3,
            -0x1.0859800000000p-3,
            -0x1.fe89000000000p-4,
            -0x1.ec73800000000p-4,
            -0x1.da72800000000p-4,
            -0x1.c885800000000p-4,
            -0x1.b6ac800000000p-4,
            -0x1.a4e7800000000p-4,
            -0x1.9336000000000p-4,
            -0x1.8198000000000p-4,
            -0x1.700d000000000p-4,
            -0x1.5e95800000000p-4,
            -0x1.4d31000000000p-4,
            -0x1.3bdf800000000p-4,
            -0x1.2aa0800000000p-4,
            -0x1.1973800000000p-4,
            -0x1.0859800000000p-4,
            -0x1.eea3000000000p-5,
            -0x1.ccb7000000000p-5,
            -0x1.aaef000000000p-5,
            -0x1.894b000000000p-5,
            -0x1.67c9000000000p-5,
            -0x1.466b000000000p-5,
            -0x1.252f000000000p-5,
            -0x1.0416000000000p-5,
            -0x1.c63e000000000p-6,
            -0x1.8492000000000p-6,
            -0x1.432a000000000p-6,
            -0x1.0206000000000p-6,
            -0x1.8244000000000p-7,
            -0x1.0100000000000p-7,
            -0x1.0080000000000p-8,
            0x0.0p+0,
            0x1.fe00000000000p-8,
            0x1.fc0c000000000p-7,
            0x1.7b92000000000p-6,
            0x1.f82a000000000p-6,
            0x1.39e8000000000p-5,
            0x1.7746000000000p-5,
            0x1.b42e000000000p-5,
            0x1.f0a3000000000p-5,
            0x1.1653800000000p-4,
            0x1.341d800000000p-4,
            0x1.51b0800000000p-4,
            0x1.6f0d000000000p-4,
            0x1.8c34800000000p-4,
            0x1.a927000000000p-4,
            0x1.c5e5800000000p-4,
            0x1.e270800000000p-4,
            0x1.fec9000000000p-4,
            0x1.0d78000000000p-3,
            0x1.1b72c00000000p-3,
            0x1.2955400000000p-3,
            0x1.371fc00000000p-3,
            0x1.44d2c00000000p-3,
            0x1.526e400000000p-3,
            0x1.5ff3000000000p-3,
            0x1.6d61000000000p-3,
            0x1.7ab8800000000p-3,
            0x1.87fa000000000p-3,
            0x1.9525c00000000p-3,
            0x1.a23bc00000000p-3,
            0x1.af3c800000000p-3,
            0x1.bc28800000000p-3,
            0x1.c8ff800000000p-3,
            0x1.d5c2000000000p-3,
            0x1.e270800000000p-3,
            0x1.ef0ac00000000p-3,
            0x1.fb91800000000p-3,
            0x1.0402600000000p-2,
            0x1.0a32400000000p-2,
            0x1.1058c00000000p-2,
            0x1.1675c00000000p-2,
            0x1.1c89800000000p-2,
            0x1.2294200000000p-2,
            0x1.2895a00000000p-2,
            0x1.2e8e200000000p-2,
            0x1.347de00000000p-2,
            0x1.3a64c00000000p-2,
            0x1.4043000000000p-2,
            0x1.4618c00000000p-2,
        };
        double[] logLo = {
            -0x1.a1f3ecf63e978p-24,
            -0x1.db19eec584a4fp-24,
            -0x1.cd5e32e42caf8p-23,
            -0x1.f4e350a0d3275p-25,
            0x1.e98aa76d88f9dp-23,
            0x1.05350682ca823p-25,
            0x1.586e5c0a42423p-23,
            -0x1.ce28f5f3840b2p-28,
            -0x1.3c2e5877ddb94p-23,
            0x1.ec71df27ce096p-25,
            -0x1.1eaf46390dbb2p-25,
            -0x1.dcccc60ed52d8p-24,
            0x1.1283ddd22649ep-23,
            0x1.e2ca31c4f5a64p-26,
            -0x1.f3724d4e7d253p-24,
            -0x1.134db92783bebp-26,
            0x1.25e28e5782146p-23,
            0x1.394b28d644abbp-23,
            -0x1.9759f6e6b37dfp-23,
            -0x1.044fc8f7bc671p-23,
            0x1.313d3a39dd3a7p-23,
            -0x1.81356189cdb17p-24,
            -0x1.589b1a43dcfaep-24,
            -0x1.b2cecde5f6650p-25,
            -0x1.e4dcffe5deeaap-23,
            0x1.0018efededd8ap-23,
            -0x1.b0d4894035424p-23,
            0x1.b3543094fceb7p-28,
            0x1.c87f847b1cb16p-26,
            0x1.8f884ea5e22cbp-24,
            -0x1.5d6f38f29cac5p-25,
            -0x1.3c8ad9e36f2bfp-23,
            -0x1.c2259904d6866p-29,
            0x1.2308fe80dd7a7p-23,
            0x1.4c70173d54aafp-27,
            -0x1.6551a3c1bb735p-23,
            -0x1.85444c733df1fp-23,
            0x1.748a954463796p-23,
            0x1.4173ecc60e9a8p-23,
            -0x1.ad50f6c7ee0a5p-25,
            -0x1.e4a1b58cfa396p-23,
            -0x1.8333b560de554p-23,
            -0x1.a59928cb89e06p-23,
            -0x1.602b202c5f504p-24,
            -0x1.0c868139d6cccp-23,
            -0x1.2a49c201a4720p-23,
            0x1.03b811ac38ddep-24,
            0x1.7dd81b8421cc7p-23,
            -0x1.6b3c740d11480p-24,
            -0x1.39dbd56594d83p-24,
            -0x1.830a111fcba81p-24,
            0x1.38f772bb5ff03p-25,
            -0x1.bc4b2368e32d5p-32,
            -0x1.1b5ab637bfea0p-25,
            0x1.bf4e43c856d73p-24,
            0x1.a2a6b67751e2ap-24,
            0x1.d0bf1c0fe460dp-24,
            -0x1.857560707a36ap-23,
            -0x1.26cbc8e5be70fp-23,
            -0x1.5d207eac5da7dp-24,
            0x1.2c1708cde8569p-23,
            0x1.addc742dba2bap-23,
            -0x1.e8a32ab368aa8p-23,
            -0x1.6b3c740d11480p-25,
            -0x1.c006b87bb06c1p-25,
            -0x1.e6eed965c36e1p-24,
            -0x1.687d887e0d1aap-24,
            0x1.7ad8132f32ba1p-23,
            -0x1.3cb52ed610414p-23,
            0x1.2bd21c167375cp-25,
            -0x1.97c68c1f4d701p-24,
            0x1.3b0c5dddc7f46p-24,
            0x1.a27d6aa1ce702p-23,
            -0x1.4a3232afa2e6dp-24,
            -0x1.24b3019813993p-23,
            0x1.34ed94f716c1cp-23,
            -0x1.147114554412cp-24,
            -0x1.57588de7128cdp-23,
            -0x1.565622cd5f966p-26,
            0x0.0p+0,
            0x1.5358833c47e1cp-23,
            -0x1.74f03fc1c3061p-23,
            -0x1.3e0a93b955b60p-24,
            -0x1.3c61f33fecc1cp-24,
            0x1.ee7faf57ea405p-23,
            -0x1.c27348c0ee72cp-23,
            -0x1.477347209eb97p-24,
            0x1.8022c54cc2f99p-26,
            -0x1.115c851f179dap-24,
            -0x1.a790b8bdb599fp-26,
            -0x1.81f3cf812db0ep-25,
            0x1.4572b5a5cdf25p-23,
            -0x1.14e7326f8529ap-23,
            -0x1.62da954e4d7a1p-23,
            -0x1.b8521c5e7514fp-23,
            -0x1.23aa1a342c2afp-25,
            0x1.31dbeabaaa2e5p-24,
            -0x1.832f71a699689p-23,
            -0x1.2ad0985fd6fa0p-23,
            -0x1.07e00adcb3fa2p-23,
            0x1.00f47ba1de6cbp-26,
            -0x1.266905c330585p-24,
            0x1.e3a1b437a2e40p-23,
            0x1.c29e4f4f21cf9p-25,
            -0x1.8e62de372ab8ap-27,
            0x1.0210d9091be37p-23,
            0x1.9483244240802p-25,
            -0x1.630ba94b89bedp-23,
            0x1.fe2b563193712p-27,
            0x1.4e80bff2d8ce6p-23,
            -0x1.8bd27329d6063p-23,
            -0x1.c32b2ef29ed14p-26,
            0x1.6b4fbb915b911p-23,
            -0x1.23aa1a342c2afp-24,
            0x1.cbdc59365218ep-23,
            0x1.b578f8aa35552p-25,
            -0x1.ad2cbefc94761p-24,
            0x1.c4e721c6bee7fp-23,
            -0x1.946d4ab9d817dp-28,
            0x1.57574c1c07399p-23,
            0x1.82d333f5f78d2p-23,
            -0x1.0c21a6976f5ebp-28,
            0x1.3de86a35eb493p-26,
            0x1.75c23a6138599p-23,
            -0x1.959e0aaca6ea6p-24,
            0x1.55a517a71cbcdp-24,
            0x1.0d0d4fc77a182p-23,
            -0x1.ef1d09ec17a42p-25,
        };
        double[] logC = new double[LOG_N];
        double[] logInvC = new double[LOG_N];
        for (int i = 0; i < LOG_N; i++) {
            logC[i] = centre(i);
            logInvC[i] = 1 / logC[i];
        }
        return new Tables(expHi, expLo, logC, logInvC, logHi, logLo);
    }

    /** The centre of the logarithm's interval {@code i}: z's bits OFF + (i << 45) + 2^44, and 1 for the one around 1. */
    static double centre(int i) {
        double c = Double.longBitsToDouble(LOG_OFF + ((long) i << (52 - LOG_BITS)) + (1L << (51 - LOG_BITS)));
        return Math.abs(c - 1) < 0x1p-8 ? 1 : c; // the interval around 1 (whose centre is 1 already): ln 1 = 0 exactly
    }

    /** Copies of the tables, for the test that recomputes them: 2^(j/64) hi, lo; ln c hi, lo. */
    static double[][] tablesCopy() {
        return new double[][] {T.expHi.clone(), T.expLo.clone(), T.logHi.clone(), T.logLo.clone()};
    }
}
