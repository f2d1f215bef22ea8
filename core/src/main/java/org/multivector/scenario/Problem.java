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
        file = printable(file);
        path = printable(path);
        message = printable(message);
        hint = hint == null ? null : printable(hint);
    }

    /**
     * {@code s} safe to print on a terminal and kept on one line: control characters (C0, DEL, C1 — the escape and
     * operating-system-command sequences of a hostile file among them) and the bidirectional overrides that can
     * reorder what a reader sees (Boucher &amp; Anderson 2021, "Trojan Source") are written as {@code \n}, {@code \t},
     * {@code \r} or {@code \}{@code uXXXX}.
     */
    public static String printable(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20
                    || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069);
            if (bad && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (!bad) {
                    b.append(c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\t') {
                    b.append("\\t");
                } else if (c == '\r') {
                    b.append("\\r");
                } else {
                    b.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return b == null ? s : b.toString();
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
