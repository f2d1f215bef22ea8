package org.multivector.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/*
 * Design: the runs of an ensemble or a comparison are independent, so up to `lanes` of them can be advanced year by
 * year together. Each run keeps its own RunState, generator and sampler, and most rules still run once per run; the
 * rules whose arithmetic is the same for every run (so far the pole offers and the relations of the ties) are computed
 * for all runs at once with the runs side by side, which the JIT compiles to vector instructions. Every run does the
 * same operations in the same order as in Engine, so the outputs are Engine's bit for bit (LockstepTest): which runs
 * share a lockstep, and how many, never changes a result. The multi-vector solves stay one per run: solved side by
 * side, every run waited for the slowest one's Newton steps, and the lockstep was slower (docs/PERFORMANCE.md).
 */

/**
 * Runs of one compiled scenario advanced year by year together, for ensembles ({@link #run}) and comparisons ({@link
 * #history}, {@link #branch}): each run's output is exactly {@link Engine#run(long, long, double[])}'s, and each
 * branch {@link Engine#runFrom}'s, for the same master seed and run index. Not thread-safe: use one per thread.
 *
 * <p>Why: the engine's loops run over four or five poles or dimensions, too short for vector instructions; over the
 * runs of a lockstep the same loops are as long as its lanes (the structure-of-arrays layout of data-parallel
 * simulation). docs/PERFORMANCE.md has the figures.
 */
public final class Lockstep {
    /**
     * Most runs a lockstep holds: in an ensemble 16 measured as well as 64 (docs/PERFORMANCE.md), with a quarter of the
     * outputs in memory (16 of the default's are 1.8 MB).
     */
    public static final int LANES = 16;

    /** What the outputs of one lockstep's runs may take together, so that a large scenario gets fewer lanes. */
    static final long OUTPUT_BYTES = 8L << 20;

    /**
     * The lanes for a scenario: {@link #LANES}, or fewer when that many runs' outputs would take more than {@value
     * #OUTPUT_BYTES} bytes (at least one).
     */
    public static int lanesFor(CompiledScenario compiled) {
        long bytes = 8L * compiled.years * compiled.layout.width;
        return (int) Math.max(1, Math.min(LANES, OUTPUT_BYTES / bytes));
    }

    private final CompiledScenario c;
    private final RunState[] lanes;
    private final UniformRandomProvider[] rng;
    private final NormalizedGaussianSampler[] normal;
    private final Alignment.Lanes scratch;
    private final PoleOfferRule.Lanes offers;
    private RunState[] saved; // the kept histories (history), made on first use
    private double[][] savedOut; // their outputs up to the branch year (shared as the scratch is)
    private int kept; // how many runs they hold
    private int keptSteps;
    private long keptSeed;
    private long keptFirst;

    /** A lockstep of {@link #lanesFor} lanes. */
    public Lockstep(CompiledScenario compiled) {
        this(compiled, lanesFor(compiled));
    }

    public Lockstep(CompiledScenario compiled, int lanes) {
        this(compiled, lanes, null);
    }

    private Lockstep(CompiledScenario compiled, int lanes, Lockstep shared) {
        if (lanes < 1) {
            throw new IllegalArgumentException("need at least one lane, got " + lanes);
        }
        this.c = compiled;
        this.lanes = new RunState[lanes]; // each made on first use: a particle of a posterior may fill only a few
        this.rng = new UniformRandomProvider[lanes];
        this.normal = new NormalizedGaussianSampler[lanes];
        this.scratch = shared != null ? shared.scratch : new Alignment.Lanes(compiled, lanes);
        this.offers = shared != null ? shared.offers : new PoleOfferRule.Lanes(compiled, lanes);
        this.savedOut = shared != null ? shared.savedOut : null; // resized by history when the years differ
    }

    /**
     * A lockstep of as many lanes for {@code next}, sharing this one's scratch when {@code next} has the same states,
     * partners and dimensions (another particle of a posterior, {@link CompiledScenario#withParameters}): a study that
     * changes particles every few runs does not allocate a lockstep's scratch each time. Use one of the two at a time.
     */
    public Lockstep forScenario(CompiledScenario next) {
        boolean same = next.nR == c.nR && next.nP == c.nP && next.nD == c.nD; // what the scratch is sized by
        return new Lockstep(next, lanes.length, same ? this : null);
    }

    public CompiledScenario compiled() {
        return c;
    }

    /** Most runs one call of {@link #run} takes. */
    public int lanes() {
        return lanes.length;
    }

    /** Number of doubles one run writes: years × variables. */
    public int outputSize() {
        return c.years * c.layout.width;
    }

    /**
     * Runs {@code count} runs, indexes {@code firstRun .. firstRun + count − 1} of {@code masterSeed}, writing run
     * {@code firstRun + l} into {@code out[l]} (each of length {@link #outputSize()}), under the scenario's own
     * strategies.
     */
    public void run(long masterSeed, long firstRun, int count, double[][] out) {
        checkCount(count);
        checkOut(count, out, outputSize());
        fresh(masterSeed, firstRun, count);
        steps(0, c.years, count, out);
    }

    /**
     * Simulates the histories of runs {@code firstRun .. firstRun + count − 1} of {@code masterSeed} up to {@code
     * branchYear} under the scenario's own strategies, and keeps them to branch from ({@link #branch}): for each run
     * exactly {@link Engine#checkpoint(Engine.Checkpoint, long, long)}.
     */
    public void history(long masterSeed, long firstRun, int count, int branchYear) {
        checkCount(count);
        int steps = Engine.branchSteps(c, branchYear);
        int size = steps * c.layout.width;
        if (saved == null) {
            saved = new RunState[lanes.length];
        }
        if (savedOut == null || savedOut[0].length != size) {
            savedOut = new double[lanes.length][size];
        }
        fresh(masterSeed, firstRun, count);
        steps(0, steps, count, savedOut);
        for (int l = 0; l < count; l++) {
            if (saved[l] == null) {
                saved[l] = new RunState(c);
            }
            saved[l].copyFrom(lanes[l]);
        }
        kept = count;
        keptSteps = steps;
        keptSeed = masterSeed;
        keptFirst = firstRun;
    }

    /**
     * Continues every kept history to the end with regional state {@code state} following {@code strategy}, on the
     * branch streams ({@link RandomStreams#forBranch}), writing each whole run (history included) into {@code out[l]}:
     * for each run exactly {@link Engine#setStrategy} then {@link Engine#runFrom}. Branches of the same histories
     * that differ only in strategy share their random numbers.
     */
    public void branch(String state, org.multivector.model.StrategySpec strategy, double[][] out) {
        if (kept == 0) {
            throw new IllegalStateException("no history to branch from: call history first");
        }
        int i = Engine.stateIndex(c, state);
        checkOut(kept, out, outputSize());
        int size = keptSteps * c.layout.width;
        for (int l = 0; l < kept; l++) {
            RunState st = lanes[l];
            st.copyFrom(saved[l]);
            st.setStrategy(i, strategy);
            System.arraycopy(savedOut[l], 0, out[l], 0, size);
            start(l, RandomStreams.forBranch(keptSeed, keptFirst + l));
        }
        steps(keptSteps, c.years, kept, out);
    }

    /** Runs the kept histories hold ({@link #history}); 0 before the first. */
    public int kept() {
        return kept;
    }

    /** Lanes 0 .. count − 1 at the start of runs firstRun .. of masterSeed, under the scenario's own strategies. */
    private void fresh(long masterSeed, long firstRun, int count) {
        for (int l = 0; l < count; l++) {
            if (lanes[l] == null) {
                lanes[l] = new RunState(c);
            }
            lanes[l].restoreStrategies();
            lanes[l].reset();
            start(l, RandomStreams.forRun(masterSeed, firstRun + l));
        }
    }

    private void start(int l, UniformRandomProvider stream) {
        rng[l] = stream;
        normal[l] = ZigguratSampler.NormalizedGaussian.of(stream);
    }

    private void checkCount(int count) {
        if (count < 1 || count > lanes.length) {
            throw new IllegalArgumentException("count " + count + " must lie in 1.." + lanes.length);
        }
    }

    private static void checkOut(int count, double[][] out, int size) {
        if (out.length < count) {
            throw new IllegalArgumentException("need " + count + " output buffers, got " + out.length);
        }
        for (int l = 0; l < count; l++) {
            if (out[l].length < size) {
                throw new IllegalArgumentException(
                        "output buffer " + l + " has " + out[l].length + " slots, expected " + size);
            }
        }
    }

    /** Years {@code from .. to − 1} of lanes {@code 0 .. count − 1}, each writing into its {@code out[l]}. */
    private void steps(int from, int to, int count, double[][] out) {
        int width = c.layout.width;
        for (int y = from; y < to; y++) {
            // the rules of Engine.steps in its order; the pole offers and the relations of all runs computed together
            for (int l = 0; l < count; l++) {
                EventRule.apply(lanes[l], y);
            }
            PoleOfferRule.apply(lanes, count, y, normal, offers);
            for (int l = 0; l < count; l++) {
                RunState st = lanes[l];
                PolicyRule.apply(st, y);
                AnchorRule.apply(st, y);
                NegotiationRule.apply(st, y, rng[l]);
                TensionRule.overallBalance(st);
            }
            Alignment.relations(lanes, count, y, scratch);
            for (int l = 0; l < count; l++) {
                RunState st = lanes[l];
                TensionRule.dyads(st, y);
                IncidentRule.apply(st, y, rng[l], normal[l]);
                MetricsRecorder.record(st, y, out[l], y * width);
            }
        }
        for (int l = 0; l < count; l++) {
            rng[l] = null; // a lockstep keeps no run's generator past its call
            normal[l] = null;
        }
    }
}
