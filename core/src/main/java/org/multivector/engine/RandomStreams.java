package org.multivector.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Per-run random streams. Run {@code r} of master seed {@code m} gets an XoRoShiRo128++ generator
 * (Apache Commons RNG) seeded with two SplitMix64 outputs of {@code (m, r)}, so a run's draws depend
 * only on (master seed, run index): never on thread count, partitioning or order. SplitMix64 is
 * the seeding function recommended for the xoroshiro family (Blackman &amp; Vigna 2018).
 */
public final class RandomStreams {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private RandomStreams() {}

    public static UniformRandomProvider forRun(long masterSeed, long runIndex) {
        long x = masterSeed ^ mix(runIndex * GOLDEN + 0x632BE59BD9B4E019L);
        long s0 = mix(x + GOLDEN);
        long s1 = mix(x + 2 * GOLDEN);
        if (s0 == 0 && s1 == 0) {
            s1 = GOLDEN;
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    /**
     * The stream of the branches of run {@code r} after its history (counterfactual comparisons): seeded like
     * {@link #forRun} but through another constant, so it is independent of the history's stream and of every other
     * run's.
     */
    public static UniformRandomProvider forBranch(long masterSeed, long runIndex) {
        long x = masterSeed ^ mix(runIndex * GOLDEN + 0x2545F4914F6CDD1DL);
        long s0 = mix(x + 3 * GOLDEN);
        long s1 = mix(x + 4 * GOLDEN);
        if (s0 == 0 && s1 == 0) {
            s1 = GOLDEN;
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    /** The SplitMix64 finaliser (Steele, Lea &amp; Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
