package org.multivector.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.multivector.builder.CentralAsiaCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Re-creates the embedded default scenario from the data folder (maintainers' command). */
@Command(
        name = "compile-scenario",
        hidden = true,
        description = "Re-create the embedded central-asia scenario and its observed patterns from data/.")
final class CompileScenarioCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "data", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--out",
            defaultValue = "core/src/main/resources/org/multivector/scenario/builtin/central-asia.yaml",
            description = "Output YAML (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--observed",
            defaultValue = "core/src/main/resources/org/multivector/scenario/builtin/central-asia.observed.csv",
            description = "Output CSV of the observed patterns (default: ${DEFAULT-VALUE}).")
    Path observed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int n = CentralAsiaCompiler.compileTo(data, out);
        spec.commandLine().getOut().printf("wrote %s (%d characters)%n", out, n);
        int rows = org.multivector.builder.ObservedPatterns.buildTo(data, observed);
        spec.commandLine().getOut().printf("wrote %s (%d observed pattern rows)%n", observed, rows);
        return 0;
    }
}
