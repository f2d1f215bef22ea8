package org.multivector.bargain;

/**
 * KTAB's random number generator ({@code kutils} {@code PRNG}), reimplemented bit for bit so that a
 * seed gives the same draws as KTAB (SPEC §11.1).
 *
 * <ul>
 *   <li>Engine: the standard 64-bit Mersenne Twister MT19937-64 (Matsumoto &amp; Nishimura 2000;
 *       C++ {@code std::mt19937_64}), seeded with a single 64-bit value by the standard
 *       initialisation {@code x₀ = seed, xᵢ = 6364136223846793005·(xᵢ₋₁ ⊕ (xᵢ₋₁ ≫ 62)) + i}.
 *   <li>{@link #next64()}: one engine output {@code n}, then the bijection
 *       {@code q(n) = (n + 0xE08C1D668B756F83)·(2n + 3) mod 2⁶⁴}.
 *   <li>{@link #uniform(double, double)}: {@code a + (b − a)·(double(next64()) / double(2⁶⁴ − 1))},
 *       where both conversions are round-to-nearest-even of an unsigned value (double(2⁶⁴ − 1) is
 *       exactly 2⁶⁴).
 * </ul>
 *
 * <p>Not thread-safe; one generator per run.
 */
public final class Prng {
    /** KTAB's default seed 0xD67CC16FE69C185C = 15455440707583219804. */
    public static final long DEFAULT_SEED = 0xD67CC16FE69C185CL;

    private static final int NN = 312;
    private static final int MM = 156;
    private static final long MATRIX_A = 0xB5026F5AA96619E9L;
    private static final long UPPER_MASK = 0xFFFFFFFF80000000L;
    private static final long LOWER_MASK = 0x7FFFFFFFL;
    private static final long MIX = 0xE08C1D668B756F83L;
    private static final double TWO_64 = 18446744073709551616.0;

    private final long[] mt = new long[NN];
    private int mti;

    public Prng(long seed) {
        mt[0] = seed;
        for (int i = 1; i < NN; i++) {
            mt[i] = 6364136223846793005L * (mt[i - 1] ^ (mt[i - 1] >>> 62)) + i;
        }
        mti = NN;
    }

    /** The raw MT19937-64 output (what {@code std::mt19937_64::operator()} returns). */
    public long nextRaw() {
        if (mti >= NN) {
            int i;
            for (i = 0; i < NN - MM; i++) {
                long x = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
                mt[i] = mt[i + MM] ^ (x >>> 1) ^ ((x & 1L) == 0 ? 0L : MATRIX_A);
            }
            for (; i < NN - 1; i++) {
                long x = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
                mt[i] = mt[i + (MM - NN)] ^ (x >>> 1) ^ ((x & 1L) == 0 ? 0L : MATRIX_A);
            }
            long x = (mt[NN - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[NN - 1] = mt[MM - 1] ^ (x >>> 1) ^ ((x & 1L) == 0 ? 0L : MATRIX_A);
            mti = 0;
        }
        long x = mt[mti++];
        x ^= (x >>> 29) & 0x5555555555555555L;
        x ^= (x << 17) & 0x71D67FFFEDA60000L;
        x ^= (x << 37) & 0xFFF7EEE000000000L;
        x ^= x >>> 43;
        return x;
    }

    /** KTAB's {@code PRNG::next64}: a raw output passed through the bijection q. */
    public long next64() {
        long n = nextRaw();
        return (n + MIX) * (2 * n + 3);
    }

    /** A uniform draw on [a, b] exactly as KTAB computes it. */
    public double uniform(double a, double b) {
        return a + (b - a) * (unsignedToDouble(next64()) / TWO_64);
    }

    /**
     * KTAB's {@code probSel}: draws r = uniform(0, 1) and returns the first index whose cumulative
     * probability reaches r (the last index if rounding leaves none).
     */
    public int select(double[] p) {
        double r = uniform(0.0, 1.0);
        double cum = 0.0;
        for (int m = 0; m < p.length; m++) {
            cum += p[m];
            if (r <= cum) {
                return m;
            }
        }
        return p.length - 1;
    }

    /** Round-to-nearest-even conversion of an unsigned 64-bit value, as C++'s {@code double(uint64_t)}. */
    static double unsignedToDouble(long n) {
        if (n >= 0) {
            return n;
        }
        // Halve keeping the lost bit as a sticky bit, convert (rounds once, correctly), double.
        return ((double) ((n >>> 1) | (n & 1L))) * 2.0;
    }
}
