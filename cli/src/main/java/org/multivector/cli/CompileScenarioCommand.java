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
        description = "Re-create the embedded scenarios (central-asia, central-asia-prior, mainland-southeast-asia)"
                + " and their observed patterns from data/.")
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
        // the second shipped region: init's draft from the datasets plus the curated facts
        var sea = org.multivector.builder.CuratedRegion.compile(
                data, data.resolve("mainland-southeast-asia-curated.yaml"));
        Path seaOut = out.resolveSibling("mainland-southeast-asia.yaml");
        Path seaObserved = out.resolveSibling("mainland-southeast-asia.observed.csv");
        org.multivector.store.RunDirectory.writeFileAtomically(
                seaOut, sea.yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.multivector.store.RunDirectory.writeFileAtomically(
                seaObserved, sea.observed().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        spec.commandLine().getOut().printf("wrote %s and %s; still to curate:%n", seaOut, seaObserved);
        sea.todo().forEach(t -> spec.commandLine().getOut().println("  - " + t));
        return 0;
    }
}
