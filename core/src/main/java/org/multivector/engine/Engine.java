package org.multivector.engine;

import org.apache.commons.rng.UniformRandomProvider;

/*
 * Design: one Engine per thread. It owns a RunState sized for its CompiledScenario and reuses it
 * for every run, so after construction a run allocates only its generator and (optionally) its
 * output array; the yearly step loop allocates nothing. The step order is DESIGN §4:
 * events, pole offers and pressure, policy with inertia, re-anchoring to observations (up to the
 * last observed year), regional tension, incidents and unrest, metrics.
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
     * Simulates the years before {@code branchYear} once, with the stream of (master seed, run
     * index), and keeps the state and the output so far: the shared history of counterfactual
     * branches.
     */
    public Checkpoint checkpoint(long masterSeed, long runIndex, int branchYear) {
        int steps = branchYear - c.firstYear;
        if (steps < 1 || steps >= c.years) {
            throw new IllegalArgumentException("branch year " + branchYear + " must lie in " + (c.firstYear + 1) + ".."
                    + (c.firstYear + c.years - 1));
        }
        double[] out = new double[outputSize()];
        state.reset();
        steps(0, steps, RandomStreams.forRun(masterSeed, runIndex), out);
        RunState saved = new RunState(c);
        saved.copyFrom(state);
        return new Checkpoint(c, saved, steps, out);
    }

    /**
     * Continues from a checkpoint to the end with the stream of (master seed, run index), writing the
     * whole run (history included) into {@code out}. With the same seed and index, branches that
     * differ only in strategy see the same random draws (common random numbers): the incident rule
     * draws in a fixed order whatever the hazards.
     */
    public void runFrom(Checkpoint cp, long masterSeed, long runIndex, double[] out) {
        checkOut(out);
        state.copyFrom(cp.state);
        int width = c.layout.width;
        System.arraycopy(cp.out, 0, out, 0, cp.steps * width);
        steps(cp.steps, c.years, RandomStreams.forRun(masterSeed, runIndex), out);
    }

    /** Sets a regional state's strategy for the following runs (counterfactuals). */
    public void setStrategy(String state, org.multivector.model.StrategySpec strategy) {
        int i = CompiledScenario.indexOf(c.states, state);
        if (i < 0) {
            throw new IllegalArgumentException("not a regional state: " + state);
        }
        this.state.setStrategy(i, strategy);
    }

    /** The state after a shared history, to branch counterfactuals from. Immutable once made. */
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
        for (int y = from; y < to; y++) {
            EventRule.apply(st, y);
            PoleOfferRule.apply(st, y);
            PolicyRule.apply(st, y);
            AnchorRule.apply(st, y);
            TensionRule.apply(st, y);
            IncidentRule.apply(st, y, rng);
            MetricsRecorder.record(st, y, out, y * width);
        }
    }
}
