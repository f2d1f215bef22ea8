package org.multivector.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.scenario.ScenarioLoader;

/**
 * The scenario part of a request: which scenario (a built-in name, a file, or a scenario the server stores),
 * parameter overlays applied in order, single parameter settings ({@code set}: name → value, after the
 * overlays), strategy overrides per regional state ({@code overrides}: state → strategy) and the simulated
 * years. The order of entries does not matter to the study's identity ({@link ConfiguredScenario#id()}).
 *
 * @param scenario the scenario reference; default {@link ScenarioLoader#DEFAULT_SCENARIO}
 * @param overlays overlay references (files written by {@code calibrate}); later ones win
 * @param set parameter values, each inside the parameter's range
 * @param overrides strategy per state, e.g. {@code KAZ → bandwagon:RUS}
 * @param from first simulated year, or null for the scenario's
 * @param to last simulated year, or null for the scenario's
 */
public record ScenarioChoice(
        String scenario,
        List<String> overlays,
        Map<String, Double> set,
        Map<String, String> overrides,
        Integer from,
        Integer to) {
    public ScenarioChoice {
        scenario = scenario == null || scenario.isBlank() ? ScenarioLoader.DEFAULT_SCENARIO : scenario;
        overlays = overlays == null ? List.of() : List.copyOf(overlays);
        set = set == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        overrides =
                overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The default scenario, unconfigured. */
    public static ScenarioChoice defaults() {
        return of(ScenarioLoader.DEFAULT_SCENARIO);
    }

    /** A scenario, unconfigured. */
    public static ScenarioChoice of(String scenario) {
        return new ScenarioChoice(scenario, List.of(), Map.of(), Map.of(), null, null);
    }

    /** Whether the simulated years or strategies are changed (kinds that branch or fit refuse that). */
    boolean editsYearsOrStrategies() {
        return from != null || to != null || !overrides.isEmpty();
    }
}
