package org.multivector.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.scenario.ScenarioLoader;

/** Structural assumptions seen as parameters: which there are, what a value means, and that setting one changes runs. */
class StructuralTest {
    static final Scenario S = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);

    static double[] run(Scenario s) {
        Engine e = new Engine(CompiledScenario.of(s));
        double[] out = new double[e.outputSize()];
        e.run(7, 0, out);
        return out;
    }

    @Test
    void everyDisputeHasAnIntensity_everyRegionalStateAStrategy_withTheScenarioValuesAsStart() {
        var all = Structural.of(S);
        assertThat(all.keySet().stream().filter(n -> n.startsWith(Structural.INTENSITY)))
                .hasSize(S.disputes().size());
        assertThat(all.keySet().stream().filter(n -> n.startsWith(Structural.STRATEGY)))
                .hasSize(S.regionalStates().size());
        Parameter tjk = all.get("intensity:kgz-tjk-border");
        assertThat(tjk.value()).isEqualTo(0.6);
        assertThat(tjk.min()).isZero();
        assertThat(tjk.max()).isEqualTo(1);
        assertThat(tjk.provenance().note()).contains("Isfara");
        // categories: the scenario's own strategy first, then every rule (the residual pole is no bandwagon target)
        assertThat(Structural.categories(S, "strategy:KGZ"))
                .containsExactly("bandwagon:RUS", "multi-vector", "neutral", "bandwagon:CHN", "bandwagon:WEST");
        Parameter kgz = all.get("strategy:KGZ");
        assertThat(kgz.max()).isEqualTo(5);
        assertThat(Structural.category(kgz.value(), 5)).isZero();
        assertThat(Structural.category(4.999, 5)).isEqualTo(4);
        assertThat(Structural.category(5, 5)).isEqualTo(4);
        assertThat(Structural.every(S, "strategy:*")).hasSize(S.regionalStates().size());
        assertThat(Structural.every(S, "intensity:kgz*")).isEmpty();
        assertThat(S.variable("strategy:XXX")).isEmpty();
        assertThat(S.variable("intensity:no-such")).isEmpty();
        assertThat(S.variable("tension-base")).isPresent();
        assertThat(S.variableNames()).contains("tension-base", "strategy:UZB", "intensity:kgz-tjk-border");
    }

    @Test
    void settingAnAssumption_changesWhatRuns_andOnlyThrough_itsOwnPart() {
        double[] base = run(S);
        Scenario calm = S.withParameter("intensity:kgz-tjk-border", 0.0);
        assertThat(calm.disputes().stream()
                        .filter(d -> d.id().equals("kgz-tjk-border"))
                        .findFirst()
                        .orElseThrow()
                        .intensity()
                        .value())
                .isZero();
        assertThat(calm.hash()).isNotEqualTo(S.hash());
        assertThat(Arrays.equals(run(calm), base)).isFalse();
        // the same value as the scenario's runs exactly as the scenario
        assertThat(run(S.withParameter("intensity:kgz-tjk-border", 0.6))).isEqualTo(base);

        Scenario uzb = S.withParameter("strategy:UZB", 2.5); // category 2 of multi-vector, neutral, bandwagon:RUS, ...
        assertThat(uzb.strategies().get("UZB").text()).isEqualTo("bandwagon:RUS");
        assertThat(Arrays.equals(run(uzb), base)).isFalse();
        assertThat(run(S.withParameter("strategy:UZB", 0.2))).isEqualTo(base); // category 0: its own
        assertThat(Structural.withCategory(S, "strategy:UZB", "neutral")
                        .strategies()
                        .get("UZB")
                        .text())
                .isEqualTo("neutral");

        assertThatThrownBy(() -> S.withParameter("intensity:kgz-tjk-border", 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S.withParameter("strategy:RUS", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Structural.withCategory(S, "intensity:kgz-tjk-border", "neutral"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.copyOf(S.parameters().keySet())).noneMatch(Structural::named);
    }
}
