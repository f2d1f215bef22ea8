package org.multivector.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.multivector.bargain.BargainingInputs;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.SmpHistory;
import org.multivector.bargain.SmpModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole SMP run (every turn to convergence, winning probabilities of every state) on KTAB's
 * reference inputs, against KTAB's own timings on this class of machine (docs/PERFORMANCE.md).
 * Each invocation's result is checked against KTAB's turn count, so a faster but wrong run cannot
 * pass unnoticed.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar BargainBenchmark}; the 160-actor case:
 * {@code java -jar bench/target/benchmarks.jar BargainBenchmark -p input=dummyData-a160 -p parallel=true,false}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class BargainBenchmark {
    @Param({
        "dummyData_3Dim",
        "SOE-Pol-Comp",
        "SOE-Policy",
        "dummyData_6Dim",
        "SOE-Competitive",
        "dummyData-a040",
        "dummyData-a080"
    })
    public String input;

    /** Spread each turn's per-actor work over the fork-join pool (same result). */
    @Param({"false", "true"})
    public boolean parallel;

    private BargainingProblem problem;
    private int expectedTurns;

    @Setup(Level.Trial)
    public void load() {
        try (InputStream in = BargainBenchmark.class.getResourceAsStream("/ktab/" + input + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("no KTAB input " + input);
            }
            problem = BargainingInputs.parse(input + ".csv", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // KTAB's turn counts (docs/BARGAINING.md; the 160-actor case was never run by KTAB).
        expectedTurns = switch (input) {
            case "dummyData_3Dim" -> 10;
            case "SOE-Pol-Comp" -> 27;
            case "SOE-Policy" -> 19;
            case "dummyData_6Dim" -> 29;
            case "SOE-Competitive" -> 35;
            case "dummyData-a040" -> 20;
            case "dummyData-a080" -> 17;
            default -> -1;
        };
    }

    @Benchmark
    public SmpHistory run() {
        SmpHistory h = SmpModel.run(problem, SmpModel.MAX_TURNS, parallel);
        if (expectedTurns >= 0 && h.turns() != expectedTurns) {
            throw new IllegalStateException(input + ": " + h.turns() + " turns, KTAB took " + expectedTurns);
        }
        return h;
    }
}
