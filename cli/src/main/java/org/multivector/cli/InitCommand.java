package org.multivector.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.multivector.builder.RegionBuilder;
import org.multivector.study.RequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector init}: drafts a scenario and its observed patterns for any states from the bundled datasets. */
@Command(
        name = "init",
        description = "Draft a scenario, and its observed-patterns file beside it, for any regional states between any"
                + " poles, from the bundled datasets (docs/SCENARIO.md, Drafting a region). Every value carries its"
                + " source; what no dataset gives is a TODO assumption to review.")
final class InitCommand implements Callable<Integer> {
    @Option(
            names = "--states",
            required = true,
            split = ",",
            description = "Regional states as ISO3 codes, e.g. ARM,AZE,GEO.")
    List<String> states;

    @Option(
            names = "--poles",
            required = true,
            split = ",",
            description = "Poles: ID (one state, e.g. RUS) or ID=A+B (members, e.g. WEST=USA+EU); EU stands for the"
                    + " EU's members of each year. The rest of the world is added as the residual pole OTHER.")
    List<String> poles;

    @Option(
            names = "--others",
            split = ",",
            description = "Other actors as ISO3 codes, e.g. AFG: spill-over sources with capabilities and a UCDP"
                    + " instability series (kind other).")
    List<String> others = List.of();

    @Option(names = "--from", required = true, description = "First year.")
    int from;

    @Option(names = "--to", required = true, description = "Last year.")
    int to;

    @Option(
            names = "--out",
            required = true,
            description = "The scenario file to write (NAME.yaml); NAME.observed.csv is written beside it.")
    Path out;

    @Option(
            names = "--data",
            defaultValue = "data",
            description = "Folder of the datasets, laid out as the project's data/ (default: ${DEFAULT-VALUE}, or the"
                    + " data/ of the installation when there is none here).")
    Path data;

    @Option(names = "--force", description = "Replace existing files.")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * The datasets: {@code --data} as given; by default {@code ./data}, or, where there is none, the {@code data/}
     * of the installation the launcher names ({@code -Dmultivector.home}, set by a release's {@code bin/multivector}).
     */
    private Path dataDir() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--data") || Files.isDirectory(data)) {
            return data;
        }
        String home = System.getProperty("multivector.home");
        if (home != null && Files.isDirectory(Path.of(home, "data"))) {
            return Path.of(home, "data");
        }
        return data;
    }

    @Override
    public Integer call() throws Exception {
        String file = out.getFileName() == null ? "" : out.getFileName().toString();
        if (!file.endsWith(".yaml")) {
            throw RequestException.of("out", "'" + out + "' does not end in .yaml (expected NAME.yaml)");
        }
        String name = file.substring(0, file.length() - ".yaml".length());
        Path observed = out.resolveSibling(name + ".observed.csv");
        for (Path p : List.of(out, observed)) {
            if (Files.exists(p) && !force) {
                throw RequestException.of("out", p + " exists (expected a new file, or --force to replace it)");
            }
        }
        List<RegionBuilder.PoleSpec> ps = new ArrayList<>();
        for (String p : poles) {
            ps.add(RegionBuilder.PoleSpec.parse(p));
        }
        RegionBuilder.Draft d = RegionBuilder.build(
                dataDir(),
                new RegionBuilder.Request(
                        name,
                        states.stream().map(String::trim).toList(),
                        ps,
                        others.stream().map(String::trim).toList(),
                        from,
                        to));
        org.multivector.store.RunDirectory.writeFileAtomically(
                observed, d.observed().getBytes(StandardCharsets.UTF_8));
        try {
            org.multivector.store.RunDirectory.writeFileAtomically(out, d.yaml().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            Files.deleteIfExists(observed);
            throw e;
        }
        var w = spec.commandLine().getOut();
        w.printf(
                "wrote %s (%d characters) and %s (%d rows)%n",
                out, d.yaml().length(), observed, d.observed().split("\n", -1).length - 2);
        w.printf(
                "%nThe draft validates and runs. It needs your judgement on %d points (each an assumption starting"
                        + " with TODO in the file):%n",
                d.todo().size());
        for (String t : d.todo()) {
            w.println("  - " + t);
        }
        return 0;
    }
}
