package org.multivector.bench;

import java.util.concurrent.TimeUnit;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Lockstep;
import org.multivector.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One warm run of the embedded default scenario (1991–2030, 40 yearly steps) on one thread.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar EngineBenchmark -prof gc}. The figure of
 * interest is the average time per run (target ≤ 100 µs) and {@code gc.alloc.rate.norm}, the bytes
 * allocated per run; divided by the 40 steps it gives the bytes per step (target ≈ 0). A run
 * allocates its random generator (one small object) and nothing else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class EngineBenchmark {
    private Engine engine;
    private double[] out;
    private long runIndex;
    private Lockstep lockstep;
    private double[][] outs;

    @Setup
    public void setUp() {
        engine = new Engine(CompiledScenario.of(ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO)));
        out = new double[engine.outputSize()];
        lockstep = new Lockstep(engine.compiled(), Lockstep.LANES);
        outs = new double[Lockstep.LANES][engine.outputSize()];
    }

    /** One run of the default scenario into a reused output buffer; returns a value so it is not dead code. */
    @Benchmark
    public double defaultScenarioRun() {
        engine.run(1992L, runIndex++, out);
        return out[out.length - 1];
    }

    /**
     * The same runs {@value Lockstep#LANES} at a time in a {@link Lockstep}, as an ensemble makes them: the score is per
     * run, so it reads against {@link #defaultScenarioRun} (the outputs are the same bits).
     */
    @Benchmark
    @OperationsPerInvocation(Lockstep.LANES)
    public double defaultScenarioLockstep() {
        lockstep.run(1992L, runIndex, Lockstep.LANES, outs);
        runIndex += Lockstep.LANES;
        return outs[Lockstep.LANES - 1][out.length - 1];
    }
}
