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
        if (out.length < outputSize()) {
            throw new IllegalArgumentException("output buffer has " + out.length + " slots, expected " + outputSize());
        }
        UniformRandomProvider rng = RandomStreams.forRun(masterSeed, runIndex);
        RunState st = state;
        st.reset();
        int width = c.layout.width;
        for (int y = 0; y < c.years; y++) {
            EventRule.apply(st, y);
            PoleOfferRule.apply(st, y);
            PolicyRule.apply(st);
            AnchorRule.apply(st, y);
            TensionRule.apply(st, y);
            IncidentRule.apply(st, y, rng);
            MetricsRecorder.record(st, y, out, y * width);
        }
    }
}
