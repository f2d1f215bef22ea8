package org.multivector.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/*
 * Design: one Engine per thread. It owns a RunState sized for its CompiledScenario and reuses it
 * for every run, so after construction a run allocates only its generator and (optionally) its
 * output array; the yearly step loop allocates nothing. The step order is DESIGN §4:
 * events, pole offers and pressure, policy with inertia, re-anchoring to observations (up to the
 * last observed year), talks on negotiated disputes, tension, incidents and unrest, metrics.
 */

/** Runs the model on a compiled scenario. Not thread-safe: use one engine per thread. */
public final class Engine {
    private final CompiledScenario c;
    private final RunState state;

    public Engine(CompiledScenario compiled) {
        this.c = compiled;
        this.state = new RunState(compiled);
    }

    public CompiledScenario compiled() {
        return c;
    }

    /** Number of doubles one run writes: years × variables. */
    public int outputSize() {
        return c.years * c.layout.width;
    }

    /** Runs once and returns the trajectory. */
    public Trajectory run(long masterSeed, long runIndex) {
        double[] out = new double[outputSize()];
        run(masterSeed, runIndex, out);
        return new Trajectory(c.scenario.hash(), masterSeed, runIndex, c.firstYear, c.years, c.variables, out);
    }

    /** Runs once, writing year-major values into {@code out} (length {@link #outputSize()}). */
    public void run(long masterSeed, long runIndex, double[] out) {
        checkOut(out);
        state.reset();
        steps(0, c.years, RandomStreams.forRun(masterSeed, runIndex), out);
    }

    /**
     * Simulates the years before {@code branchYear} with the stream of (master seed, run index), and keeps the state
     * and the output so far: a history to branch counterfactuals from.
     */
    public Checkpoint checkpoint(long masterSeed, long runIndex, int branchYear) {
        Checkpoint cp = newCheckpoint(branchYear);
        checkpoint(cp, masterSeed, runIndex);
        return cp;
    }

    /** An empty checkpoint for branches at {@code branchYear}, to fill with {@link #checkpoint(Checkpoint, long, long)}. */
    public Checkpoint newCheckpoint(int branchYear) {
        return new Checkpoint(c, new RunState(c), branchSteps(c, branchYear), new double[outputSize()]);
    }

    /** The years a history to {@code branchYear} simulates, refused outside the scenario's second to last year. */
    static int branchSteps(CompiledScenario c, int branchYear) {
        int steps = branchYear - c.firstYear;
        if (steps < 1 || steps >= c.years) {
            throw new IllegalArgumentException("branch year " + branchYear + " must lie in " + (c.firstYear + 1) + ".."
                    + (c.firstYear + c.years - 1));
        }
        return steps;
    }

    /** The index of regional state {@code state}, refused when it is none. */
    static int stateIndex(CompiledScenario c, String state) {
        int i = CompiledScenario.indexOf(c.states, state);
        if (i < 0) {
            throw new IllegalArgumentException("not a regional state: " + state);
        }
        return i;
    }

    /**
     * Simulates the history of (master seed, run index) up to the checkpoint's branch year into {@code cp}, under
     * the scenario's own strategies (counterfactual strategies set before are undone), allocating nothing: each run
     * of a comparison draws its own history.
     */
    public void checkpoint(Checkpoint cp, long masterSeed, long runIndex) {
        if (cp.c != c) {
            throw new IllegalArgumentException("checkpoint is from another compiled scenario");
        }
        state.restoreStrategies();
        state.reset();
        steps(0, cp.steps, RandomStreams.forRun(masterSeed, runIndex), cp.out);
        cp.state.copyFrom(state);
    }

    /**
     * Continues from a checkpoint to the end with the branch stream of (master seed, run index)
     * ({@link RandomStreams#forBranch}, independent of the history's stream), writing the whole run (history included)
     * into {@code out}. With the same seed and index, branches that differ only in strategy see the same random
     * draws (common random numbers): every rule draws in a fixed order whatever the hazards.
     */
    public void runFrom(Checkpoint cp, long masterSeed, long runIndex, double[] out) {
        checkOut(out);
        state.copyFrom(cp.state);
        int width = c.layout.width;
        System.arraycopy(cp.out, 0, out, 0, cp.steps * width);
        steps(cp.steps, c.years, RandomStreams.forBranch(masterSeed, runIndex), out);
    }

    /** Sets a regional state's strategy for the following runs (counterfactuals). */
    public void setStrategy(String state, org.multivector.model.StrategySpec strategy) {
        this.state.setStrategy(stateIndex(c, state), strategy);
    }

    /** The state after a history, to branch counterfactuals from; refilled by each {@code checkpoint} call. */
    public static final class Checkpoint {
        private final CompiledScenario c;
        private final RunState state;
        private final int steps;
        private final double[] out;

        private Checkpoint(CompiledScenario c, RunState state, int steps, double[] out) {
            this.c = c;
            this.state = state;
            this.steps = steps;
            this.out = out;
        }

        public int branchYear() {
            return c.firstYear + steps;
        }
    }

    private void checkOut(double[] out) {
        if (out.length < outputSize()) {
            throw new IllegalArgumentException("output buffer has " + out.length + " slots, expected " + outputSize());
        }
    }

    private void steps(int from, int to, UniformRandomProvider rng, double[] out) {
        RunState st = state;
        int width = c.layout.width;
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int y = from; y < to; y++) {
            EventRule.apply(st, y);
            PoleOfferRule.apply(st, y, normal);
            PolicyRule.apply(st, y);
            AnchorRule.apply(st, y);
            NegotiationRule.apply(st, y, rng);
            TensionRule.apply(st, y);
            IncidentRule.apply(st, y, rng, normal);
            MetricsRecorder.record(st, y, out, y * width);
        }
    }
}
