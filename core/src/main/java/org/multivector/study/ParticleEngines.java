package org.multivector.study;

import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Lockstep;
import org.multivector.model.Scenario;
import org.multivector.validate.Posterior;

/**
 * A worker's engine for each run of a study: the configured scenario's, or over a posterior the engine of the run's
 * particle ({@link Posterior#particleOf}), made when the particle changes (from the scenario's compilation, {@link
 * CompiledScenario#withParameters}, when the particle sets only parameters). Runs of a block take neighbouring
 * particles, so a worker compiles each particle about once for its runs. Not thread-safe: one per worker.
 */
final class ParticleEngines {
    private final Posterior posterior;
    private final long seed;
    private final long runs;
    private final Scenario base;
    private final CompiledScenario compiled;
    private final int outputSize;
    private final int lanes;
    private CompiledScenario current; // the compilation of the current particle (or the scenario's)
    private Engine engine; // made from current on first use
    private Lockstep lockstep; // made from current on first use
    private int particle = -1;

    ParticleEngines(ConfiguredScenario spec, Posterior posterior, long seed, long runs) {
        this.posterior = posterior;
        this.seed = seed;
        this.runs = runs;
        this.base = posterior == null ? null : spec.scenario();
        this.compiled = spec.compiled();
        this.current = compiled;
        this.engine = new Engine(compiled);
        this.outputSize = engine.outputSize();
        this.lanes = Lockstep.lanesFor(compiled);
    }

    int outputSize() {
        return outputSize;
    }

    /** The lanes of the locksteps it makes: the same for every particle (one structure). */
    int lanes() {
        return lanes;
    }

    /** The engine run r simulates with (the last run's object while the particle stays the same). */
    Engine forRun(long r) {
        select(r);
        if (engine == null) {
            engine = new Engine(current);
        }
        return engine;
    }

    /**
     * A lockstep for the runs from r that take r's particle ({@link #sameParticle}): each of its runs is the engine's
     * run bit for bit, faster when several run together.
     */
    Lockstep lockstepFor(long r) {
        select(r);
        if (lockstep == null) {
            lockstep = new Lockstep(current, lanes);
        }
        return lockstep;
    }

    /** How many runs from r on, before {@code end} and at most {@code max}, take r's particle (at least 1). */
    int sameParticle(long r, long end, int max) {
        long to = Math.min(end, r + max);
        if (posterior == null) {
            return (int) (to - r);
        }
        int k = posterior.particleOf(seed, r, runs);
        long s = r + 1;
        while (s < to && posterior.particleOf(seed, s, runs) == k) {
            s++;
        }
        return (int) (s - r);
    }

    private void select(long r) {
        if (posterior == null) {
            return;
        }
        int k = posterior.particleOf(seed, r, runs);
        if (k != particle) {
            current = compiled.withParameters(posterior.apply(base, k));
            engine = null;
            lockstep = lockstep == null ? null : lockstep.forScenario(current); // the scratch kept
            particle = k;
        }
    }
}
