package org.multivector.cli;

import java.io.PrintWriter;

/**
 * A child process for the concurrency test: runs {@code COUNT} small ensembles into {@code DIR}, named {@code
 * PREFIX-i} (each its own study: seeds differ by prefix and i), one after the other; exits with the first non-zero
 * exit code.
 */
public final class SaveStudies {
    private SaveStudies() {}

    public static void main(String[] args) {
        String dir = args[0];
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        for (int i = 0; i < count; i++) {
            int code = Main.execute(
                    new String[] {
                        "ensemble",
                        "-q",
                        "--runs",
                        "30",
                        "--seed",
                        Integer.toString(prefix.hashCode() * 100 + i),
                        "--out",
                        dir,
                        "--name",
                        prefix + "-" + i
                    },
                    out,
                    err);
            if (code != 0) {
                System.exit(code);
            }
        }
        System.exit(0);
    }
}
