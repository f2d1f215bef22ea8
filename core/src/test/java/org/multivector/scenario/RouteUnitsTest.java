package org.multivector.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.model.Route;
import org.multivector.model.Scenario;

/** Energy routes in one unit: volumes of oil and gas compared in petajoules, never mixed with bare weights. */
class RouteUnitsTest {
    static String yaml() {
        return new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);
    }

    static Scenario parse(String text) {
        return ScenarioLoader.parse("central-asia.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oilAndGasAreComparedInPetajoules() {
        assertThat(Route.Unit.MT_OIL.common(1)).isEqualTo(41.868);
        assertThat(Route.Unit.BCM_GAS.common(1)).isEqualTo(36);
        assertThat(Route.Unit.TWH.common(10)).isEqualTo(36);
        Scenario s = parse(yaml());
        Route cpc = s.routes().stream()
                .filter(r -> r.id().equals("cpc"))
                .findFirst()
                .orElseThrow();
        Route gas = s.routes().stream()
                .filter(r -> r.id().equals("kaz-cac-gas"))
                .findFirst()
                .orElseThrow();
        assertThat(cpc.commonWeight()).isEqualTo(28 * 41.868);
        assertThat(gas.commonWeight()).isEqualTo(5 * 36.0);
        // a route without a unit keeps its weight (files in today's format load unchanged)
        Route fuel = s.routes().stream()
                .filter(r -> r.id().equals("kgz-fuel"))
                .findFirst()
                .orElseThrow();
        assertThat(fuel.unit()).isEqualTo(Route.Unit.RELATIVE);
        assertThat(fuel.commonWeight()).isEqualTo(fuel.weight().value());
    }

    @Test
    void anUnknownUnit_orAStateMixingUnitsAndBareWeights_isRefused() {
        String unknown = yaml().replace("weight: 28, unit: \"Mt oil\"", "weight: 28, unit: \"barrels\"");
        assertThatThrownBy(() -> parse(unknown))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(
                        "unit: 'barrels' is not a unit of a route (expected PJ, Mt oil, bcm gas or TWh, a year)");
        String mixed = yaml().replace("weight: 20, unit: \"Mt oil\"", "weight: 20");
        assertThatThrownBy(() -> parse(mixed))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("the routes of KAZ in energy mix weights with and without a unit (expected a"
                        + " unit on every one, or on none)");
    }
}
