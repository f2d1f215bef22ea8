package org.multivector.bench;

import java.util.concurrent.TimeUnit;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.study.ConfiguredScenario;
import org.multivector.study.EnsembleJob;
import org.multivector.study.SeriesStats;
import org.multivector.study.StudyRunner;
import org.multivector.study.SummaryVariables;
import org.multivector.study.ThreadExecutor;
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
 * Ensemble throughput of the default scenario with the streaming summary an ensemble makes by default (the standard
 * set of variables, every year; {@link SummaryVariables}), on 1 and 2 threads. One invocation is an ensemble of {@link #RUNS} runs; the score is in runs
 * per second ({@code @OperationsPerInvocation}).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar EnsembleBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m"})
public class EnsembleBenchmark {
    static final int RUNS = 4 * EnsembleJob.BLOCK_SIZE * 4;

    @Param({"1", "2"})
    int threads;

    private ConfiguredScenario spec;
    private long seed;
    private int[] columns;

    @Setup
    public void setUp() {
        spec = ConfiguredScenario.of(
                ScenarioLoader.DEFAULT_SCENARIO,
                "central-asia.yaml",
                ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO));
        columns = SummaryVariables.columns(spec.compiled().variables(), null, "variables");
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public long ensemble() throws Exception {
        EnsembleJob job = new EnsembleJob(spec, seed++, RUNS, null, columns);
        try (ThreadExecutor ex = new ThreadExecutor(threads)) {
            SeriesStats s = StudyRunner.run(job, ex, "bench", null, false, 0, StudyRunner.Progress.NONE);
            return s.runs();
        }
    }
}
