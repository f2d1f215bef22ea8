package org.multivector.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the study commands (ensemble, compare). */
final class StudyOptions {
    @Option(names = "--runs", defaultValue = "1000", description = "Number of runs (default: ${DEFAULT-VALUE}).")
    long runs;

    @Option(
            names = "--seed",
            defaultValue = "" + RunCommand.SEED_DEFAULT,
            description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--threads",
            description = "Worker threads for the local engine (default: all processors). Results do not depend on it.")
    Integer threads;

    @Option(
            names = "--engine",
            defaultValue = "local",
            description = "local (threads) or spark (needs the Spark job jar; docs/SCALING.md).")
    String engine;

    @Option(names = "--master", description = "Spark master URL (default: local[*]).")
    String master;

    @Option(
            names = "--out",
            defaultValue = "runs",
            description = "Parent directory of study directories and of results.duckdb (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", description = "Study directory name.")
    String name;

    @Option(names = "--resume", description = "Continue an interrupted study of the same name and settings.")
    boolean resume;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing but errors.")
    boolean quiet;

    int threadCount() {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1 || t > 1024) {
            throw new IllegalArgumentException("--threads must be between 1 and 1024, got " + t);
        }
        return t;
    }

    void check() {
        if (runs < 1 || runs > 1_000_000_000L) {
            throw new IllegalArgumentException("--runs must be between 1 and 1000000000, got " + runs);
        }
        if (name != null && (!name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith("."))) {
            throw new IllegalArgumentException(
                    "--name '" + name + "' is not a plain directory name (expected letters, digits, '.', '_' or '-')");
        }
        threadCount();
    }
}
