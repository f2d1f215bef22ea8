package org.multivector.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario file, located by line and column (1-based; 0 when the problem
 * concerns the whole file) and by the path of the offending field.
 */
public record Problem(String file, int line, int column, String path, String message, String hint) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: path: message}, with a second line {@code Maybe: …} when there is a hint. */
    public String format() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line).append(':').append(column);
        }
        b.append(": ");
        if (!path.isEmpty()) {
            b.append(path).append(": ");
        }
        b.append(message);
        if (hint != null && !hint.isEmpty()) {
            b.append(System.lineSeparator()).append("  Maybe: ").append(hint);
        }
        return b.toString();
    }
}
