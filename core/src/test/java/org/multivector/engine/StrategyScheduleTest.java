package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.scenario.ScenarioLoader;

/** Strategies that change over time: {@code bandwagon:RUS; multi-vector from 2026} (docs/SCENARIO.md). */
class StrategyScheduleTest {
    static final Scenario DEFAULT = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);

    @Test
    void text_roundTrips_andAPhaseHoldsUntilTheNextOnesYear() {
        StrategySpec s = StrategySpec.parse("bandwagon:RUS; neutral from 2010; multi-vector from 2026");
        assertThat(s).isInstanceOf(StrategySpec.Schedule.class);
        assertThat(s.text()).isEqualTo("bandwagon:RUS; neutral from 2010; multi-vector from 2026");
        assertThat(StrategySpec.parse(s.text())).isEqualTo(s);
        assertThat(s.at(1991).text()).isEqualTo("bandwagon:RUS");
        assertThat(s.at(2009).text()).isEqualTo("bandwagon:RUS");
        assertThat(s.at(2010).text()).isEqualTo("neutral");
        assertThat(s.at(2030).text()).isEqualTo("multi-vector");
    }

    @Test
    void badSchedules_areRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> StrategySpec.parse("bandwagon:RUS until 2018, multi-vector"))
                .hasMessage("'bandwagon:RUS until 2018, multi-vector' uses 'until': a schedule names the year each"
                        + " phase starts (expected for example 'bandwagon:RUS; multi-vector from 2019')");
        assertThatThrownBy(() -> StrategySpec.parse("bandwagon:RUS; multi-vector"))
                .hasMessage("'bandwagon:RUS; multi-vector': phase 2 ('multi-vector') has no year (expected 'RULE"
                        + " from YEAR' for every phase after the first)");
        assertThatThrownBy(() -> StrategySpec.parse("neutral; multi-vector from 20x9"))
                .hasMessage("'neutral; multi-vector from 20x9': phase 2 starts from '20x9' (expected a four-digit"
                        + " year)");
        assertThatThrownBy(() -> StrategySpec.parse("neutral from 2010; multi-vector from 2005"))
                .hasMessage("phase 2 starts in 2005, not after phase 1 (2010): phases must follow each other in year"
                        + " order");
    }

    @Test
    void aSchedule_followsItsFirstRuleUntilTheSwitch_andItsSecondAfter() {
        Scenario rus = DEFAULT.withStrategy("KAZ", StrategySpec.parse("bandwagon:RUS"));
        Scenario mv = DEFAULT.withStrategy("KAZ", StrategySpec.parse("multi-vector"));
        Scenario switched = DEFAULT.withStrategy("KAZ", StrategySpec.parse("bandwagon:RUS; multi-vector from 2026"));
        Trajectory a = new Engine(CompiledScenario.of(rus)).run(1992, 0);
        Trajectory b = new Engine(CompiledScenario.of(switched)).run(1992, 0);
        Trajectory m = new Engine(CompiledScenario.of(mv)).run(1992, 0);
        int width = a.variables().size();
        int cut = (2026 - a.firstYear()) * width;
        double[] x = a.values();
        double[] y = b.values();
        assertThat(java.util.Arrays.copyOf(y, cut)).isEqualTo(java.util.Arrays.copyOf(x, cut));
        String v = "share.trade.RUS";
        assertThat(b.value(2027, "KAZ", v)).isNotEqualTo(a.value(2027, "KAZ", v));
        // after the switch the multi-vector target, lower on Russia than bandwagoning's, pulls the shares away from
        // the bandwagon path, further every year (the affinity learnt before is the same on both paths)
        double gapEarly = b.value(2027, "KAZ", v) - a.value(2027, "KAZ", v);
        double gapLate = b.value(2030, "KAZ", v) - a.value(2030, "KAZ", v);
        assertThat(gapEarly).isNegative();
        assertThat(gapLate).isLessThan(gapEarly);
        assertThat(m.value(2030, "KAZ", v)).isNotEqualTo(b.value(2030, "KAZ", v));
    }

    @Test
    void aScheduleInTheScenarioFile_isRunAsWritten() {
        String yaml = new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);
        String listed = yaml.replace(
                "strategies: {KAZ: \"multi-vector\",",
                "strategies: {KAZ: [{from: 1992, strategy: \"bandwagon:RUS\", assumption: \"test\"}, {from: 2026,"
                        + " strategy: \"multi-vector\", assumption: \"test\"}],");
        assertThat(listed).isNotEqualTo(yaml);
        Scenario s = ScenarioLoader.parse("listed.yaml", listed.getBytes(StandardCharsets.UTF_8));
        assertThat(s.strategies().get("KAZ").text()).isEqualTo("bandwagon:RUS from 1992; multi-vector from 2026");
        Scenario t = DEFAULT.withStrategy("KAZ", StrategySpec.parse("bandwagon:RUS; multi-vector from 2026"));
        assertThat(new Engine(CompiledScenario.of(s)).run(1992, 3).values())
                .isEqualTo(new Engine(CompiledScenario.of(t)).run(1992, 3).values());
    }
}
