package org.multivector.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.model.Scenario;
import org.multivector.scenario.Overlay;
import org.multivector.scenario.ScenarioLoader;
import picocli.CommandLine.Option;

/** The shared {@code --scenario} option: a YAML file or the name of an embedded scenario, plus parameter overlays. */
final class ScenarioOption {
    @Option(
            names = "--scenario",
            paramLabel = "FILE|NAME",
            description = "Scenario YAML file or embedded scenario name (default: ${DEFAULT-VALUE}).",
            defaultValue = ScenarioLoader.DEFAULT_SCENARIO)
    String scenario;

    @Option(
            names = "--overlay",
            paramLabel = "FILE",
            description = "Parameter overlay (e.g. overlay.yaml written by calibrate) applied to the scenario;"
                    + " repeatable, later ones win.")
    List<Path> overlays = new ArrayList<>();

    private List<Overlay> parsed;

    /** The overlay files, read and checked once. */
    private List<Overlay> parsedOverlays() {
        if (parsed == null) {
            parsed = overlays.stream().map(Overlay::load).toList();
        }
        return parsed;
    }

    Scenario load() {
        Scenario s = ScenarioLoader.load(Path.of(scenario));
        for (Overlay o : parsedOverlays()) {
            s = o.applyTo(s);
        }
        return s;
    }

    /** The scenario and its overlays, as recorded in manifests: {@code central-asia + fit/overlay.yaml}. */
    String describe() {
        StringBuilder b = new StringBuilder(scenario);
        overlays.forEach(o -> b.append(" + ").append(o));
        return b.toString();
    }

    /** The overlays' parameter values in order (for the workers' scenario spec). */
    Map<String, Double> overlayValues() {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Overlay o : parsedOverlays()) {
            o.parameters().forEach((k, x) -> v.put(k, x.value()));
        }
        return v;
    }
}
