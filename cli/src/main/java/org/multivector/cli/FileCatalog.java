package org.multivector.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.multivector.bargain.BargainingInputs;
import org.multivector.scenario.Overlay;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.study.ScenarioCatalog;

/** The command line's references: files, and the embedded scenarios by name. */
final class FileCatalog implements ScenarioCatalog {
    @Override
    public Source scenario(String reference) {
        Path p = Path.of(reference);
        if (!Files.exists(p) && ScenarioLoader.builtInNames().contains(reference)) {
            return new Source(reference, reference + ".yaml", ScenarioLoader.builtInBytes(reference));
        }
        return new Source(reference, reference, ScenarioLoader.read(p));
    }

    @Override
    public java.util.Optional<Source> observed(String reference) {
        Path p = Path.of(reference);
        if (!Files.exists(p) && ScenarioLoader.builtInNames().contains(reference)) {
            return org.multivector.validate.Observations.builtInBytes(reference)
                    .map(b -> new Source(reference, reference + ".observed.csv", b));
        }
        Path beside = beside(p, ".observed.csv");
        if (beside == null || !Files.exists(beside)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Source(beside.toString(), beside.toString(), ObservedFiles.read(beside)));
    }

    /** {@code dir/NAME.SUFFIX} for {@code dir/NAME.yaml} (or {@code .yml}), else null. */
    static Path beside(Path scenario, String suffix) {
        String name =
                scenario.getFileName() == null ? "" : scenario.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        return scenario.resolveSibling(name.substring(0, dot) + suffix);
    }

    @Override
    public java.util.Optional<Source> episodes(String reference) {
        Path p = Path.of(reference);
        if (!Files.exists(p) && ScenarioLoader.builtInNames().contains(reference)) {
            return ScenarioCatalog.super.episodes(reference);
        }
        Path beside = beside(p, ".episodes.csv");
        if (beside == null || !Files.exists(beside)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Source(beside.toString(), beside.toString(), ObservedFiles.read(beside)));
    }

    @Override
    public Source episodeFile(String reference) {
        return new Source(reference, reference, ObservedFiles.read(Path.of(reference)));
    }

    @Override
    public Source posterior(String reference) {
        Path p = Path.of(reference);
        if (!Files.exists(p) && ScenarioLoader.builtInNames().contains(reference)) {
            return ScenarioCatalog.super.posterior(reference);
        }
        return new Source(
                reference,
                reference,
                ObservedFiles.read(p, org.multivector.validate.Posterior.MAX_BYTES, "a posterior CSV"));
    }

    @Override
    public Overlay overlay(String reference) {
        return Overlay.load(Path.of(reference));
    }

    @Override
    public Source issue(String reference) {
        return new Source(reference, reference, BargainingInputs.read(Path.of(reference)));
    }
}
