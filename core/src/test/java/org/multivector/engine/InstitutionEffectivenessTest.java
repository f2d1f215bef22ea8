package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.model.Institution;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;

/** Institution-specific effectiveness (issue 14): the CSTO may fail to pacify its own members. */
class InstitutionEffectivenessTest {
    static final Scenario DEFAULT = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);

    static Institution csto(Scenario s) {
        return s.institutions().stream()
                .filter(i -> i.id().equals("CSTO"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aLessEffectiveCsto_leavesItsMembersMoreTense() {
        String yaml = new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);
        String full = yaml.replace("effectiveness:\n      value: 0.3\n", "effectiveness:\n      value: 1.0\n");
        assertThat(full).isNotEqualTo(yaml);
        Scenario asAny = ScenarioLoader.parse("central-asia.yaml", full.getBytes(StandardCharsets.UTF_8));
        assertThat(csto(DEFAULT).effectivenessValue()).isEqualTo(0.3);
        assertThat(csto(asAny).effectivenessValue()).isEqualTo(1.0);
        double weak = 0;
        double strong = 0;
        Engine a = new Engine(CompiledScenario.of(DEFAULT.withParameter("fragility-shock-sd", 0)));
        Engine b = new Engine(CompiledScenario.of(asAny.withParameter("fragility-shock-sd", 0)));
        for (int r = 0; r < 20; r++) {
            weak += a.run(4, r).value(2015, "KGZ-TJK", "tension");
            strong += b.run(4, r).value(2015, "KGZ-TJK", "tension");
        }
        assertThat(weak).isGreaterThan(strong);
    }

    @Test
    void theJudgementOfTheCstoIsKnownOnlyFromTheEventsItRestsOn() {
        assertThat(csto(DEFAULT.knownAt(2022)).effectivenessValue()).isEqualTo(0.3);
        assertThat(csto(DEFAULT.knownAt(2015)).effectivenessValue()).isEqualTo(0.6);
        assertThat(csto(DEFAULT.knownAt(2005)).effectivenessValue()).isEqualTo(1.0);
        assertThat(DEFAULT.knownAt(2005).hindsight(2005)).noneMatch(h -> h.startsWith("institutions.CSTO"));
    }
}
