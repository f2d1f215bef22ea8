package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.ScenarioLoader;

/** A route from a regional supplier: Tajikistan's gas and power from Uzbekistan. */
class RoutePartnerTest {
    static final String YAML =
            new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);

    static Scenario parse(String yaml) {
        return ScenarioLoader.parse("edited.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRegionalSupplier_countsForTheRestOfTheWorldInTies_likeTheResidualItStoodFor() {
        assertThat(YAML).contains("state: \"TJK\", partner: \"UZB\"");
        Scenario supplier = parse(YAML);
        Scenario residual = parse(YAML.replace("state: \"TJK\", partner: \"UZB\"", "state: \"TJK\", pole: \"OTHER\""));
        assertThat(supplier.routes().stream()
                        .filter(r -> r.state().equals("TJK") && r.partner().equals("UZB")))
                .hasSize(1);
        double[] a = new Engine(CompiledScenario.of(supplier)).run(1992, 0).values();
        double[] b = new Engine(CompiledScenario.of(residual)).run(1992, 0).values();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void aRouteToAnUnborderedOtherActor_makesTheDyad_andBadPartnersAreRefused() {
        // Kazakhstan's other energy routes give volumes, so this one needs a unit too
        String toAfghanistan =
                YAML.replace("state: \"TJK\", partner: \"UZB\"", "state: \"KAZ\", partner: \"AFG\", unit: \"PJ\"");
        CompiledScenario c = CompiledScenario.of(parse(toAfghanistan));
        assertThat(c.dyads()).contains(java.util.List.of("KAZ", "AFG"));
        String self = YAML.replace("state: \"TJK\", partner: \"UZB\"", "state: \"TJK\", partner: \"TJK\"");
        assertThatThrownBy(() -> parse(self))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("partner: 'TJK' is not a partner of TJK (expected a pole, or another regional"
                        + " state or other actor:");
        String both =
                YAML.replace("state: \"TJK\", partner: \"UZB\"", "state: \"TJK\", partner: \"UZB\", pole: \"RUS\"");
        assertThatThrownBy(() -> parse(both))
                .hasMessageContaining("a route names both pole and partner (expected one of them: a pole, or a regional"
                        + " state or other actor that supplies it)");
        String member = YAML.replace("state: \"TJK\", partner: \"UZB\"", "state: \"TJK\", partner: \"USA\"");
        assertThatThrownBy(() -> parse(member)).hasMessageContaining("'USA' is not a partner of TJK");
    }
}
