package org.multivector.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;

class OverlayTest {
    static final Scenario BASE = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);

    static Scenario apply(String yaml) {
        return Overlay.parse("o.yaml", yaml.getBytes(StandardCharsets.UTF_8)).applyTo(BASE);
    }

    static String problem(String yaml) {
        try {
            apply(yaml);
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError("no problem reported");
    }

    @Test
    void replacesValuesAndProvenanceKeepingTheRange() {
        Scenario s = apply("""
                overlay: central-asia
                calibration: {id: cal-test}
                parameters:
                  tension-base: {value: -2.25, source: "calibration cal-test"}
                """);
        Parameter p = s.parameter("tension-base");
        Parameter before = BASE.parameter("tension-base");
        assertThat(p.value()).isEqualTo(-2.25);
        assertThat(p.min()).isEqualTo(before.min());
        assertThat(p.max()).isEqualTo(before.max());
        assertThat(p.provenance().source()).isEqualTo("calibration cal-test");
        assertThat(s.hash()).isNotEqualTo(BASE.hash());
        assertThat(s.parameter("tension-dispute")).isEqualTo(BASE.parameter("tension-dispute"));
    }

    @Test
    void eachClassOfBadOverlayGetsALocatedMessage() {
        assertThat(problem("""
                        overlay: central-asia
                        parameters:
                          tension-bsae: {value: -2, source: x}
                        """))
                .contains("o.yaml:3:3: parameters.tension-bsae: unknown parameter")
                .contains("did you mean \"tension-base\"?");
        assertThat(problem("""
                        overlay: central-asia
                        parameters:
                          tension-base: {value: 7, source: x}
                        """)).contains("o.yaml:3:").contains("value 7.0 is outside the parameter's range -3.0..0.0");
        assertThat(problem("""
                        overlay: central-asia
                        parameters:
                          tension-base: {value: -2}
                        """)).contains("parameters.tension-base: expected exactly one of source or assumption");
        assertThat(problem("""
                        overlay: central-asia
                        parameters:
                          tension-base: {value: "high", source: x}
                        """)).contains("parameters.tension-base.value: expected a finite number");
        assertThat(problem("""
                        overlay: other-region
                        parameters:
                          tension-base: {value: -2, source: x}
                        """))
                .contains("o.yaml:1:")
                .contains("overlay is for scenario 'other-region' but the scenario is 'central-asia'");
        assertThat(problem("""
                        overlay: central-asia
                        paramters: {}
                        """)).contains("paramters: unknown field").contains("did you mean \"parameters\"?");
        assertThat(problem("overlay: [central-asia\n")).contains("o.yaml:");
    }

    @Test
    void aMissingFileIsAClearProblem() {
        assertThatThrownBy(() -> Overlay.load(java.nio.file.Path.of("no-such-overlay.yaml")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("no-such-overlay.yaml: no such overlay file");
    }
}
