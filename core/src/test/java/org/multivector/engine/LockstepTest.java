package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.multivector.scenario.ScenarioLoader;

class LockstepTest {
    static java.util.List<String> scenarios() {
        return ScenarioLoader.builtInNames();
    }

    /** Every run of a lockstep, full or partly filled, reused or fresh, is Engine's run bit for bit. */
    @ParameterizedTest
    @MethodSource("scenarios")
    void everyRun_isTheEnginesRunBitForBit(String name) {
        CompiledScenario c = CompiledScenario.of(ScenarioLoader.builtIn(name));
        Engine engine = new Engine(c);
        double[] expected = new double[engine.outputSize()];
        Lockstep wide = new Lockstep(c);
        Lockstep narrow = new Lockstep(c, 3);
        double[][] out = new double[Lockstep.LANES][wide.outputSize()];
        long seed = 1992;
        // a full lockstep, then a partial one from another first run (the lanes left from the first call must not leak)
        for (int[] call : new int[][] {{0, Lockstep.LANES}, {1000, 37}}) {
            wide.run(seed, call[0], call[1], out);
            for (int l = 0; l < call[1]; l++) {
                engine.run(seed, call[0] + l, expected);
                assertSameBits(out[l], expected, name + " run " + (call[0] + l) + " of a lockstep of " + call[1]);
            }
        }
        narrow.run(7, 40, 3, out);
        for (int l = 0; l < 3; l++) {
            engine.run(7, 40 + l, expected);
            assertSameBits(out[l], expected, name + " seed 7 run " + (40 + l) + " of a lockstep of 3 lanes");
        }
        narrow.run(7, 41, 1, out); // one lane alone
        engine.run(7, 41, expected);
        assertSameBits(out[0], expected, name + " seed 7 run 41 alone");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void runsDiffer_soTheComparisonAboveCanFail(String name) {
        CompiledScenario c = CompiledScenario.of(ScenarioLoader.builtIn(name));
        Lockstep l = new Lockstep(c, 2);
        double[][] out = new double[2][l.outputSize()];
        l.run(1992, 0, 2, out);
        assertThat(out[0]).isNotEqualTo(out[1]);
    }

    @org.junit.jupiter.api.Test
    void badArguments_areRefused() {
        CompiledScenario c = CompiledScenario.of(ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO));
        Lockstep l = new Lockstep(c, 4);
        double[][] out = new double[4][l.outputSize()];
        assertThatThrownBy(() -> new Lockstep(c, 0)).hasMessageContaining("at least one lane");
        assertThatThrownBy(() -> l.run(1, 0, 0, out)).hasMessageContaining("count 0 must lie in 1..4");
        assertThatThrownBy(() -> l.run(1, 0, 5, out)).hasMessageContaining("count 5 must lie in 1..4");
        assertThatThrownBy(() -> l.run(1, 0, 4, new double[3][l.outputSize()]))
                .hasMessageContaining("need 4 output buffers, got 3");
        assertThatThrownBy(() -> l.run(1, 0, 2, new double[][] {out[0], new double[10]}))
                .hasMessageContaining("output buffer 1 has 10 slots");
    }

    private static void assertSameBits(double[] actual, double[] expected, String what) {
        for (int k = 0; k < expected.length; k++) {
            if (Double.doubleToRawLongBits(actual[k]) != Double.doubleToRawLongBits(expected[k])) {
                throw new AssertionError(what + ": value " + k + " is " + actual[k] + ", Engine gives " + expected[k]);
            }
        }
    }
}
