package org.multivector.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.study.RequestException;
import org.multivector.study.ScenarioChoice;
import picocli.CommandLine.Option;

/** {@code --scenario}, {@code --overlay} and {@code --set}: which scenario a study runs, and its parameters. */
final class ScenarioOptions {
    @Option(
            names = "--scenario",
            paramLabel = "FILE|NAME",
            description = "Scenario YAML file or embedded scenario name (default: ${DEFAULT-VALUE}).",
            defaultValue = ScenarioLoader.DEFAULT_SCENARIO)
    String scenario;

    @Option(
            names = "--overlay",
            paramLabel = "FILE",
            description = "Parameter overlay (e.g. overlay.yaml written by calibrate); repeatable, later ones win.")
    List<Path> overlays = new ArrayList<>();

    @Option(
            names = "--set",
            paramLabel = "NAME=VALUE",
            description = "Set one parameter inside its range, after the overlays; repeatable.")
    List<String> set = new ArrayList<>();

    /** The configured scenario of these options (for commands that only look at it). */
    org.multivector.model.Scenario load() {
        return org.multivector.study.ConfiguredScenario.resolve(new FileCatalog(), choice(List.of(), null, null))
                .scenario();
    }

    /** The scenario choice with these options and the given strategy overrides and years. */
    ScenarioChoice choice(List<String> overrides, Integer from, Integer to) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<RequestException.FieldProblem> problems = new ArrayList<>();
        for (String s : set) {
            int eq = s.indexOf('=');
            String name = eq > 0 ? s.substring(0, eq).strip() : s;
            try {
                values.put(name, Double.parseDouble(eq > 0 ? s.substring(eq + 1).strip() : ""));
            } catch (NumberFormatException e) {
                problems.add(new RequestException.FieldProblem(
                        "set", "'" + s + "' is not NAME=VALUE with a number as value", null));
            }
        }
        Map<String, String> strat = new LinkedHashMap<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                problems.add(new RequestException.FieldProblem(
                        "overrides", "'" + o + "' is not STATE=STRATEGY (e.g. KAZ=bandwagon:RUS)", null));
                continue;
            }
            strat.put(o.substring(0, eq).strip(), o.substring(eq + 1).strip());
        }
        if (!problems.isEmpty()) {
            throw new RequestException(problems);
        }
        return new ScenarioChoice(
                scenario, overlays.stream().map(Path::toString).toList(), values, strat, from, to);
    }
}
