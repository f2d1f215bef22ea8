package org.multivector.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Lockstep;
import org.multivector.engine.Variable;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.study.ColumnRanges;
import org.multivector.study.SeriesStats;
import org.multivector.study.SummaryVariables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The streaming summary's cost per run: one run's output of the default scenario added to an ensemble summary, for
 * the standard set an ensemble summarises by default and for every variable ({@code ensemble --variables all}). Set
 * beside {@link EngineBenchmark}: the issue asks the summary to cost less than the engine per run. The outputs are 64
 * different runs, so the histograms' cells are touched as in an ensemble.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SummaryBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class SummaryBenchmark {
    private static final int LANES = Lockstep.LANES;

    @Param({"standard", "all"})
    String variables;

    private double[][] outputs;
    private SeriesStats stats;
    private int next;
    private final double[][] lockstep = new double[LANES][];

    @Setup
    public void setUp() {
        CompiledScenario c = CompiledScenario.of(ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO));
        Engine engine = new Engine(c);
        outputs = new double[64][engine.outputSize()];
        for (int r = 0; r < outputs.length; r++) {
            engine.run(1992L, r, outputs[r]);
        }
        List<Variable> vars = c.variables();
        int[] columns = SummaryVariables.columns(
                vars, variables.equals("all") ? List.of(SummaryVariables.ALL) : null, "variables");
        stats = ColumnRanges.summary(vars, c.years(), columns);
    }

    /** Adds one run's output; returns the run count so the work is not dead code. */
    @Benchmark
    public long addOneRun() {
        stats.add(outputs[next++ & 63]);
        return stats.runs();
    }

    /**
     * Adds a lockstep's {@value #LANES} outputs together, as an ensemble does ({@link SeriesStats#add(double[][],
     * int)}); the figure is per run.
     */
    @Benchmark
    @OperationsPerInvocation(LANES)
    public long addLockstep() {
        int from = (next++ & 3) * LANES;
        System.arraycopy(outputs, from, lockstep, 0, LANES);
        stats.add(lockstep, LANES);
        return stats.runs();
    }
}
