package org.multivector.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.multivector.bargain.BargainingInputs;
import org.multivector.bargain.BargainingProblem;
import org.multivector.model.Scenario;
import org.multivector.scenario.InputFile;
import org.multivector.scenario.Overlay;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.scenario.YamlDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code multivector validate FILE}: checks a scenario, an overlay or a bargaining input (KTAB CSV or XML, or
 * Multivector's issue YAML), recognised from the file, and reports every problem at once.
 */
@Command(
        name = "validate",
        description = "Check a scenario, an overlay or a bargaining input (KTAB CSV/XML, issue YAML), recognised from"
                + " the file (or --kind); print every problem as file:line:column: path: message.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The file (or the name of an embedded scenario).")
    Path file;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            description = "scenario, overlay or bargaining (default: recognised: .csv and .xml are KTAB inputs; a YAML"
                    + " file with 'issue:' is a bargaining input, with 'overlay:' an overlay, else a scenario).")
    String kind;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String k = kind != null ? kind.toLowerCase(Locale.ROOT) : recognise(file);
        var out = spec.commandLine().getOut();
        switch (k) {
            case "scenario" -> {
                Scenario s = ScenarioLoader.load(file);
                out.printf(
                        "%s: OK (scenario %s, %d-%d, %d actors, %d tie series, %d events, hash %s)%n",
                        file,
                        s.name(),
                        s.time().start(),
                        s.time().end(),
                        s.actors().size(),
                        s.ties().size(),
                        s.events().size(),
                        s.hash());
            }
            case "overlay" -> {
                Overlay o = Overlay.load(file);
                out.printf(
                        "%s: OK (overlay of scenario %s, %d parameters; it is checked against the scenario when"
                                + " applied)%n",
                        file, o.scenario(), o.parameters().size());
            }
            case "bargaining" -> {
                BargainingProblem p = BargainingInputs.load(file);
                out.printf(
                        "%s: OK (bargaining issue %s, %d actors, %d dimensions: %s)%n",
                        file, p.name(), p.actorCount(), p.dimensionCount(), String.join(", ", p.dimensions()));
            }
            default ->
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--kind: '" + kind + "' is not scenario, overlay or bargaining");
        }
        return 0;
    }

    /** What a file is, from its extension and, for YAML, its top-level keys. */
    static String recognise(Path file) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".xml")) {
            return "bargaining";
        }
        if (!Files.exists(file)) {
            return "scenario"; // an embedded scenario's name, or a missing file the scenario loader names
        }
        byte[] bytes = InputFile.read(file, YamlDocument.MAX_BYTES_DEFAULT, "a scenario, overlay or bargaining file");
        // the keys from the parser's events only: the loader then reads the file once (and names its problems)
        java.util.Set<String> keys = YamlDocument.topLevelKeys(bytes);
        if (keys.contains("issue") && !keys.contains("scenario")) {
            return "bargaining";
        }
        if (keys.contains("overlay")) {
            return "overlay";
        }
        return "scenario";
    }
}
