package org.multivector.study;

import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
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
    private Engine engine;
    private int particle = -1;

    ParticleEngines(ConfiguredScenario spec, Posterior posterior, long seed, long runs) {
        this.posterior = posterior;
        this.seed = seed;
        this.runs = runs;
        this.base = posterior == null ? null : spec.scenario();
        this.compiled = spec.compiled();
        this.engine = new Engine(compiled);
    }

    int outputSize() {
        return engine.outputSize();
    }

    /** The engine run r simulates with (the last run's object while the particle stays the same). */
    Engine forRun(long r) {
        if (posterior == null) {
            return engine;
        }
        int k = posterior.particleOf(seed, r, runs);
        if (k != particle) {
            engine = new Engine(compiled.withParameters(posterior.apply(base, k)));
            particle = k;
        }
        return engine;
    }
}
