package org.multivector.store;

import java.nio.file.Path;

/** A child process that holds {@code DIR/results.duckdb} open for writing until its standard input closes. */
public final class HoldDatabase {
    private HoldDatabase() {}

    public static void main(String[] args) throws Exception {
        try (ResultsDatabase db = ResultsDatabase.open(Path.of(args[0]).resolve(ResultsDatabase.FILE))) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent
            }
        }
    }

    /** Starts a holder of {@code dir}'s database and waits until it holds it. */
    static Process start(Path dir) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldDatabase.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line = in.readLine();
        if (!"held".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("the holder did not start: " + line);
        }
        return p;
    }
}
