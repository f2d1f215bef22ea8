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
    public Overlay overlay(String reference) {
        return Overlay.load(Path.of(reference));
    }

    @Override
    public Source issue(String reference) {
        return new Source(reference, reference, BargainingInputs.read(Path.of(reference)));
    }
}
