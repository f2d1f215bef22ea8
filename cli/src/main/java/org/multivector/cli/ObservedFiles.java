package org.multivector.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;
import org.multivector.validate.Observations;

/** Reads an observed-patterns file safely: a regular, readable file within the size limit. */
final class ObservedFiles {
    private ObservedFiles() {}

    static byte[] read(Path p) {
        return read(p, Observations.MAX_BYTES, "an observed-patterns CSV");
    }

    /** Reads a regular, readable file of at most {@code max} bytes; {@code what} names what was expected. */
    static byte[] read(Path p, long max, String what) {
        String file = p.toString();
        if (!Files.isRegularFile(p)) {
            throw problem(file, "is not a regular file (expected " + what + ")");
        }
        try {
            long size = Files.size(p);
            if (size > max) {
                throw problem(
                        file,
                        "file is " + size + " bytes, larger than the limit of " + max + " bytes (expected " + what
                                + ")");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw problem(file, "cannot be read: " + e.getMessage());
        }
    }

    private static ScenarioException problem(String file, String message) {
        return new ScenarioException(List.of(new Problem(file, 0, 0, "", message, null)));
    }
}
