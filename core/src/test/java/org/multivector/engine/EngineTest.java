package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.scenario.ScenarioLoader;

class EngineTest {
    static final Scenario DEFAULT = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
    static final CompiledScenario COMPILED = CompiledScenario.of(DEFAULT);

    @Test
    void run_sameSeed_isBitIdenticalAcrossEnginesAndRepeats() {
        double[] a = new Engine(COMPILED).run(7, 3).values();
        Engine e = new Engine(COMPILED);
        e.run(99, 0); // a different run first must not leak state
        double[] b = e.run(7, 3).values();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void run_differentRunIndex_drawsDifferentIncidents() {
        Engine e = new Engine(COMPILED);
        Trajectory a = e.run(7, 0);
        Trajectory b = e.run(7, 1);
        assertThat(a.values()).isNotEqualTo(b.values());
    }

    @Test
    void run_sharesStayOnTheSimplex() {
        Trajectory t = new Engine(COMPILED).run(1992, 0);
        for (int y = t.firstYear(); y <= t.lastYear(); y++) {
            for (var state : DEFAULT.regionalStates()) {
                for (var d : DEFAULT.dimensions()) {
                    double sum = 0;
                    for (var p : DEFAULT.poles()) {
                        double v = t.value(y, state.id(), "share." + d.id() + "." + p.id());
                        assertThat(v).isBetween(-1e-12, 1 + 1e-12);
                        sum += v;
                    }
                    assertThat(sum)
                            .as(state.id() + " " + d.id() + " " + y)
                            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
                }
            }
            assertThat(t.value(y, "REGION", "rsi")).isBetween(0.0, 100.0);
        }
    }

    @Test
    void run_observedYears_areReAnchoredAndFreeYearsAreNot() {
        Trajectory t = new Engine(COMPILED).run(1992, 0);
        double observed =
                DEFAULT.tie("KAZ", "trade").orElseThrow().shares().get(2005).get("RUS");
        assertThat(t.value(2005, "KAZ", "share.trade.RUS")).isEqualTo(observed);
        assertThat(t.value(2005, "KAZ", "drift.free")).isFinite().isPositive();
        assertThat(t.value(2026, "KAZ", "drift.free")).isNaN();
    }

    /**
     * A strategy that differs after the observed years changes the outcome. (A strategy that differs from the start
     * too, but before 2024 the ties are the observed ones, and the affinity learnt there absorbs what a strategy
     * held through the observed years explains: only a change of strategy moves the forecast.)
     */
    @Test
    void run_strategyChange_changesTheOutcome() {
        Scenario bandwagon = DEFAULT.withStrategy("KAZ", StrategySpec.parse("multi-vector; bandwagon:RUS from 2024"));
        // means over runs: with the shocks, one run's offers can favour any pole
        Engine mv = new Engine(COMPILED);
        Engine bw = new Engine(CompiledScenario.of(bandwagon));
        for (String v : java.util.List.of("share.security.RUS", "share.trade.RUS", "share.diplomacy.RUS")) {
            double m = 0;
            double b = 0;
            for (int r = 0; r < 20; r++) {
                m += mv.run(5, r).value(2030, "KAZ", v);
                b += bw.run(5, r).value(2030, "KAZ", v);
            }
            assertThat(b).as(v).isGreaterThan(m);
        }
    }

    @Test
    void run_stepLoop_allocatesOnlyThePerRunGenerator() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Engine e = new Engine(COMPILED);
        double[] out = new double[e.outputSize()];
        for (int i = 0; i < 50; i++) {
            e.run(1, i, out); // warm up
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++) {
            e.run(1, i, out);
        }
        long perRun = (mx.getCurrentThreadAllocatedBytes() - before) / 100;
        // 40 years x 5 states x 5 dimensions: any per-step allocation would cost far more than this
        assertThat(perRun).as("bytes allocated per run").isLessThan(2048);
    }

    @Test
    void branches_allocateOnlyTheirGenerators_andAStrategySetAgainGivesTheSameBits() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Engine e = new Engine(COMPILED);
        Engine.Checkpoint cp = e.newCheckpoint(2024);
        double[] out = new double[e.outputSize()];
        StrategySpec[] strategies = {
            StrategySpec.parse("multi-vector"),
            StrategySpec.parse("bandwagon:RUS"),
            StrategySpec.parse("balance-against:CHN"),
            StrategySpec.parse("neutral"),
            StrategySpec.parse("multi-vector; bandwagon:RUS from 2026")
        };
        for (int r = 0; r < 60; r++) { // warm up, as a comparison's runs do
            e.checkpoint(cp, 1, r);
            for (StrategySpec s : strategies) {
                e.setStrategy("KAZ", s);
                e.runFrom(cp, 1, r, out);
            }
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int r = 0; r < 100; r++) {
            e.checkpoint(cp, 1, r);
            for (StrategySpec s : strategies) {
                e.setStrategy("KAZ", s);
                e.runFrom(cp, 1, r, out);
            }
        }
        long perRun = (mx.getCurrentThreadAllocatedBytes() - before) / 100;
        // six generators and samplers (about 100 B each); policies made per branch would add hundreds of bytes each
        assertThat(perRun).as("bytes allocated per compared run").isLessThan(6 * 128);
        // a strategy's kept policies give the bits of a fresh engine's, also after more strategies than are kept
        double[] again = new double[e.outputSize()];
        for (int k = 0; k < 70; k++) {
            e.setStrategy("KAZ", StrategySpec.parse("multi-vector; neutral from " + (1995 + k % 35)));
        }
        for (StrategySpec s : strategies) {
            Engine fresh = new Engine(COMPILED);
            Engine.Checkpoint fc = fresh.checkpoint(1, 7, 2024);
            fresh.setStrategy("KAZ", s);
            fresh.runFrom(fc, 1, 7, out);
            e.checkpoint(cp, 1, 7);
            e.setStrategy("KAZ", s);
            e.runFrom(cp, 1, 7, again);
            assertThat(again).as(s.toString()).isEqualTo(out);
        }
    }
}
