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
        for (int[] call : new int[][] {{0, Lockstep.LANES}, {1000, Lockstep.LANES - 5}}) {
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

    /**
     * A lockstep moved to another particle's compilation (as a posterior ensemble does every few runs) keeps its scratch
     * and gives that compilation's runs; moved to a scenario of another shape it makes its own scratch.
     */
    @org.junit.jupiter.api.Test
    void aLockstepForAnotherScenario_runsThatScenario() {
        org.multivector.model.Scenario s = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
        CompiledScenario c = CompiledScenario.of(s);
        org.multivector.model.Parameter mu = s.parameters().get("offer-competition");
        CompiledScenario other =
                c.withParameters(s.withParameter(mu.name(), mu.value() == mu.min() ? mu.max() : mu.min()));
        CompiledScenario shape = CompiledScenario.of(ScenarioLoader.builtIn(ScenarioLoader.SOUTHEAST_ASIA));
        Lockstep first = new Lockstep(c, 8);
        double[][] out = new double[8][Math.max(first.outputSize(), new Engine(shape).outputSize())];
        first.run(5, 0, 8, out);
        for (CompiledScenario next : java.util.List.of(other, shape)) {
            Lockstep l = first.forScenario(next);
            l.run(5, 100, 5, out);
            Engine engine = new Engine(next);
            double[] expected = new double[engine.outputSize()];
            for (int k = 0; k < 5; k++) {
                engine.run(5, 100 + k, expected);
                assertSameBits(
                        java.util.Arrays.copyOf(out[k], expected.length),
                        expected,
                        next.scenario().name() + " run " + (100 + k));
            }
        }
        double[] before = new double[new Engine(c).outputSize()];
        new Engine(c).run(5, 100, before);
        new Lockstep(other, 1).run(5, 100, 1, out);
        assertThat(java.util.Arrays.copyOf(out[0], before.length))
                .as("the other particle's parameter changes the runs")
                .isNotEqualTo(before);
    }

    /**
     * Histories kept by a lockstep and branched under several strategies (as a comparison does) are Engine's
     * checkpoints and branches bit for bit, also branched again after the lockstep ran other runs, and after a second,
     * shorter history.
     */
    @ParameterizedTest
    @MethodSource("scenarios")
    void branches_areTheEnginesBranchesBitForBit(String name) {
        CompiledScenario c = CompiledScenario.of(ScenarioLoader.builtIn(name));
        String actor = c.states[0];
        String pole = c.residual == 0 ? c.poles[1] : c.poles[0];
        int branchYear = c.firstYear + c.years - 7;
        java.util.List<org.multivector.model.StrategySpec> strategies = java.util.List.of(
                org.multivector.model.StrategySpec.parse("multi-vector"),
                org.multivector.model.StrategySpec.parse("bandwagon:" + pole),
                org.multivector.model.StrategySpec.parse("neutral"),
                org.multivector.model.StrategySpec.parse(
                        "multi-vector; balance-against:" + pole + " from " + (branchYear + 3)));
        Engine engine = new Engine(c);
        Engine.Checkpoint cp = engine.newCheckpoint(branchYear);
        double[] expected = new double[engine.outputSize()];
        Lockstep lockstep = new Lockstep(c);
        double[][] out = new double[Lockstep.LANES][lockstep.outputSize()];
        long seed = 31;
        for (int[] call : new int[][] {{200, Lockstep.LANES - 3}, {500, 2}}) {
            lockstep.history(seed, call[0], call[1], branchYear);
            assertThat(lockstep.kept()).isEqualTo(call[1]);
            for (int pass = 0; pass < 2; pass++) {
                for (org.multivector.model.StrategySpec s : strategies) {
                    lockstep.branch(actor, s, out);
                    for (int l = 0; l < call[1]; l++) {
                        engine.checkpoint(cp, seed, call[0] + l);
                        engine.setStrategy(actor, s);
                        engine.runFrom(cp, seed, call[0] + l, expected);
                        assertSameBits(
                                out[l],
                                expected,
                                name + " run " + (call[0] + l) + " branched " + s + " in " + branchYear + ", pass "
                                        + pass);
                    }
                }
                lockstep.run(seed, 9000, Lockstep.LANES, out); // other runs in the lanes between the passes
            }
        }
        lockstep.history(seed, 0, 2, branchYear);
        lockstep.branch(actor, strategies.get(0), out);
        double[] first = out[0].clone();
        lockstep.branch(actor, strategies.get(1), out);
        assertThat(out[0]).as("another strategy changes the branch").isNotEqualTo(first);
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
        org.multivector.model.StrategySpec neutral = org.multivector.model.StrategySpec.parse("neutral");
        assertThatThrownBy(() -> l.branch("KAZ", neutral, out)).hasMessageContaining("no history to branch from");
        assertThatThrownBy(() -> l.history(1, 0, 2, c.firstYear))
                .hasMessageContaining("branch year " + c.firstYear + " must lie in");
        assertThatThrownBy(() -> l.history(1, 0, 5, c.firstYear + 5)).hasMessageContaining("count 5 must lie in 1..4");
        l.history(1, 0, 2, c.firstYear + 5);
        assertThatThrownBy(() -> l.branch("XXX", neutral, out)).hasMessageContaining("not a regional state: XXX");
        assertThatThrownBy(() -> l.branch("KAZ", neutral, new double[1][l.outputSize()]))
                .hasMessageContaining("need 2 output buffers, got 1");
    }

    private static void assertSameBits(double[] actual, double[] expected, String what) {
        for (int k = 0; k < expected.length; k++) {
            if (Double.doubleToRawLongBits(actual[k]) != Double.doubleToRawLongBits(expected[k])) {
                throw new AssertionError(what + ": value " + k + " is " + actual[k] + ", Engine gives " + expected[k]);
            }
        }
    }
}
