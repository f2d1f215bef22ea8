package org.multivector.cli;

import java.nio.file.Path;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;
import picocli.CommandLine.Option;

/** The shared {@code --scenario} option: a YAML file or the name of an embedded scenario. */
final class ScenarioOption {
    @Option(
            names = "--scenario",
            paramLabel = "FILE|NAME",
            description = "Scenario YAML file or embedded scenario name (default: ${DEFAULT-VALUE}).",
            defaultValue = ScenarioLoader.DEFAULT_SCENARIO)
    String scenario;

    Scenario load() {
        return ScenarioLoader.load(Path.of(scenario));
    }
}
