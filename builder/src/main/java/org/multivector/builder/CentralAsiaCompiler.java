package org.multivector.builder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Compiles the embedded default scenario {@code central-asia} and its prior: {@code multivector init}'s builder
 * ({@link RegionBuilder}) on the request of {@code data/central-asia-curated.yaml}, plus the curated Central Asia
 * facts of that file and of the fact base {@code data/central-asia/} ({@link CuratedRegion}). Re-running it on the
 * same inputs gives the same bytes (RunCommandTest checks that the shipped scenario is up to date).
 */
public final class CentralAsiaCompiler {
    private CentralAsiaCompiler() {}

    /** The curated facts of the default scenario, in the data folder. */
    public static final String CURATED = "central-asia-curated.yaml";

    /** The calibration overlay baked into the default scenario (written by scripts/calibrate-default.sh). */
    public static final String CALIBRATION = "central-asia-calibration.yaml";

    /** The default scenario: the curated parameters with the values of {@link #CALIBRATION} where it exists. */
    public static String compile(Path dataDir) {
        return CuratedRegion.compile(dataDir, dataDir.resolve(CURATED)).yaml();
    }

    /** The prior scenario {@code central-asia-prior}: the curated parameter values, before calibration. */
    public static String compilePrior(Path dataDir) {
        return CuratedRegion.compilePrior(dataDir, dataDir.resolve(CURATED)).yaml();
    }

    /** Compiles and writes the default scenario and, next to it, the prior; returns the characters written. */
    public static int compileTo(Path dataDir, Path out) throws IOException {
        write(compilePrior(dataDir), out.resolveSibling("central-asia-prior.yaml"));
        return write(compile(dataDir), out);
    }

    private static int write(String text, Path out) throws IOException {
        org.multivector.store.RunDirectory.writeFileAtomically(out, text.getBytes(StandardCharsets.UTF_8));
        return text.length();
    }

    /** Entry point for the build: {@code CentralAsiaCompiler DATA_DIR OUT_FILE}. */
    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
        Path out = Path.of(
                args.length > 1
                        ? args[1]
                        : "core/src/main/resources/org/multivector/scenario/builtin/central-asia.yaml");
        int n = compileTo(dataDir, out);
        System.out.println("wrote " + out + " (" + n + " characters)");
    }
}
