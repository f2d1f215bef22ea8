package org.multivector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multivector.server.MultivectorServer;
import org.multivector.server.ServerConfig;
import org.multivector.store.HoldDatabase;

/**
 * Issue 16, "concurrent use of one results.duckdb": dashboard reads returned 500 while the command line wrote (about
 * 12 % of reads), and all of them while another process held the file, with paths and process ids in the message.
 * The server now reads with a read-only connection that waits, with back-off, while a writer holds the file, and
 * serves what it last read when a writer holds it for longer.
 */
class ConcurrentResultsTest {
    /** Studies each writer saves, one after the other (the reads before the fix failed at about one in eight). */
    static final int STUDIES_EACH = 4;

    private static Process child(Path dir, String prefix, int count) throws Exception {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        SaveStudies.class.getName(),
                        dir.toString(),
                        prefix,
                        Integer.toString(count))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(prefix + ".log").toFile())
                .start();
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void concurrentUse_serverReadsNeverFailWhileTwoCommandLinesWrite(@TempDir Path root) throws Exception {
        Path dir = root.resolve("data");
        java.nio.file.Files.createDirectories(dir);
        try (MultivectorServer server = MultivectorServer.start(ServerConfig.defaults(dir), "127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            Process a = child(dir, "a", STUDIES_EACH);
            Process b = child(dir, "b", STUDIES_EACH);
            List<String> failures = new ArrayList<>();
            AtomicInteger reads = new AtomicInteger();
            while (a.isAlive() || b.isAlive()) {
                HttpResponse<String> list = get(http, server.port(), "/api/studies");
                reads.incrementAndGet();
                if (list.statusCode() != 200) {
                    failures.add("list " + list.statusCode() + " " + list.body());
                    continue;
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"study_id\":\"([^\"]+)\"")
                        .matcher(list.body());
                while (m.find()) {
                    HttpResponse<String> one = get(http, server.port(), "/api/studies/" + m.group(1));
                    reads.incrementAndGet();
                    if (one.statusCode() != 200) {
                        failures.add(m.group(1) + " " + one.statusCode() + " " + one.body());
                    }
                }
            }
            assertThat(a.waitFor()).as("first writer").isZero();
            assertThat(b.waitFor()).as("second writer").isZero();
            assertThat(failures).as("of %d reads", reads.get()).isEmpty();
            assertThat(reads.get()).isGreaterThan(20);
            HttpResponse<String> all = get(http, server.port(), "/api/studies");
            for (String name : new String[] {"a-0", "a-" + (STUDIES_EACH - 1), "b-0", "b-" + (STUDIES_EACH - 1)}) {
                assertThat(all.body()).contains("\"executor\"");
                assertThat(java.nio.file.Files.isDirectory(dir.resolve(name)))
                        .as(name)
                        .isTrue();
            }
            assertThat(all.body().split("\"study_id\"", -1)).hasSize(2 * STUDIES_EACH + 1);

            // a process that holds the file for longer than a read waits: the last list and studies read are served,
            // a study never read is a 503 to retry, naming no path or process
            Process holder = HoldDatabase.start(dir);
            try {
                HoldDatabase.withProperty("multivector.readWaitSeconds", "1", () -> {
                    assertThat(get(http, server.port(), "/api/studies").statusCode())
                            .isEqualTo(200);
                    HttpResponse<String> unread = get(http, server.port(), "/api/studies/never-read");
                    assertThat(unread.statusCode()).isEqualTo(503);
                    assertThat(unread.headers().firstValue("Retry-After")).isPresent();
                    assertThat(unread.body())
                            .contains("held by another process")
                            .doesNotContain(dir.toString(), "PID", "duckdb");
                    return null;
                });
            } finally {
                HoldDatabase.release(holder);
            }
        }
    }
}
