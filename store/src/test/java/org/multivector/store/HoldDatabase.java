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
    public static Process start(Path dir) throws Exception {
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

    /** Runs {@code body} with a system property set (a shorter lock wait), restoring it after. */
    public static <T> T withProperty(String key, String value, java.util.concurrent.Callable<T> body) throws Exception {
        String before = System.getProperty(key);
        System.setProperty(key, value);
        try {
            return body.call();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    /** Closes a holder's input, so it lets go of the database, and waits for it. */
    public static void release(Process holder) throws Exception {
        holder.getOutputStream().close();
        holder.waitFor();
    }
}
