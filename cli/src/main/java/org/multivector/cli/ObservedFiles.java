package org.multivector.cli;

import java.nio.file.Path;
import org.multivector.scenario.InputFile;
import org.multivector.validate.Observations;

/** Reads the command line's data files ({@link InputFile}: a regular file within the size limit). */
final class ObservedFiles {
    private ObservedFiles() {}

    static byte[] read(Path p) {
        return read(p, Observations.MAX_BYTES, "an observed-patterns CSV");
    }

    /** Reads a regular file of at most {@code max} bytes; {@code what} names what was expected. */
    static byte[] read(Path p, long max, String what) {
        return InputFile.read(p, max, what);
    }
}
