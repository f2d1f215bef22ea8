package org.multivector.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load: 200 concurrent API clients for 30 s on the loopback interface, mixing reads (85 %) and job
 * submissions (15 %, small ensembles), against the server in its own JVM with a heap capped at {@link #SERVER_HEAP}
 * (so its memory is bounded by construction and measured apart from the clients'). Checks: no 5xx, every rejected
 * submission is a 429 or 503 with Retry-After, no accepted job is lost (each reaches "done"), the server never
 * runs out of memory. Reports the p50/p95/p99 latency of reads and the server's peak resident memory (VmHWM) to
 * {@code target/load-report.txt}; latency is reported, not asserted (docs/API.md has the figures).
 */
class ServerLoadIT {
    static final int CLIENTS = 200;
    static final Duration LENGTH = Duration.ofSeconds(30);
    static final String SERVER_HEAP = "256m";

    /** The server's peak resident set (VmHWM, kB) from /proc, or -1 where there is none. */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return -1;
    }

    @TempDir
    Path data;

    @Test
    void twoHundredClientsForThirtySeconds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + SERVER_HEAP,
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServeForLoad.class.getName(),
                        data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            java.io.BufferedReader serverOut =
                    new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()));
            int port = Integer.parseInt(serverOut.readLine());
            Thread drain = new Thread(() -> {
                try {
                    serverOut.transferTo(java.io.Writer.nullWriter()); // never let its output block it
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            drain.setDaemon(true);
            drain.start();
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newFixedThreadPool(16))
                    .build();
            // Warm up: one job so that studies exist, and the explore cache.
            String first = json.readTree(http.send(
                                    post(base, "{\"kind\":\"ensemble\",\"runs\":100}"),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .get("id")
                    .asText();
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/scenarios/central-asia/explore"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            List<String> reads = List.of(
                    "/api/health",
                    "/api/scenarios",
                    "/api/jobs",
                    "/api/studies",
                    "/api/scenarios/central-asia/explore",
                    "/api/scenarios/central-asia/year/2008",
                    "/api/jobs/" + first,
                    "/openapi.json");
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Map<String, List<Long>> byPath = new ConcurrentHashMap<>();
            Map<Integer, AtomicInteger> readStatus = new ConcurrentHashMap<>();
            Map<Integer, AtomicInteger> submitStatus = new ConcurrentHashMap<>();
            List<String> accepted = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger missingRetryAfter = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            long end = System.nanoTime() + LENGTH.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                final int client = c;
                clients.submit(() -> {
                    Random rnd = new Random(client);
                    while (System.nanoTime() < end) {
                        try {
                            if (rnd.nextInt(100) < 15) {
                                HttpResponse<String> r = http.send(
                                        post(
                                                base,
                                                "{\"kind\":\"ensemble\",\"runs\":200,\"seed\":" + rnd.nextInt(5) + "}"),
                                        HttpResponse.BodyHandlers.ofString());
                                submitStatus
                                        .computeIfAbsent(r.statusCode(), k -> new AtomicInteger())
                                        .incrementAndGet();
                                if (r.statusCode() == 202) {
                                    accepted.add(
                                            json.readTree(r.body()).get("id").asText());
                                } else if ((r.statusCode() == 429 || r.statusCode() == 503)
                                        && r.headers().firstValue("Retry-After").isEmpty()) {
                                    missingRetryAfter.incrementAndGet();
                                }
                            } else {
                                String path = reads.get(rnd.nextInt(reads.size()));
                                long t0 = System.nanoTime();
                                HttpResponse<Void> r = http.send(
                                        HttpRequest.newBuilder(URI.create(base + path))
                                                .timeout(Duration.ofSeconds(30))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding());
                                latencies.add(System.nanoTime() - t0);
                                byPath.computeIfAbsent(path, k -> Collections.synchronizedList(new ArrayList<>()))
                                        .add(System.nanoTime() - t0);
                                readStatus
                                        .computeIfAbsent(r.statusCode(), k -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(LENGTH.toSeconds() + 60, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(server.isAlive())
                    .as("the server is alive (exit %s)", server.isAlive() ? "-" : server.exitValue())
                    .isTrue();
            // No accepted job is lost: each one finishes, done.
            long deadline = System.nanoTime() + 180_000_000_000L;
            Map<String, String> finalStates = new ConcurrentHashMap<>();
            for (String id : accepted) {
                while (true) {
                    JsonNode s = json.readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
                    String state = s.get("state").asText();
                    if (!state.equals("queued") && !state.equals("running")) {
                        finalStates.put(id, state);
                        break;
                    }
                    assertThat(System.nanoTime()).as("job " + id + " finishes").isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long rss = peakRssKb(server.pid());
            assertThat(server.isAlive())
                    .as("the server did not run out of its " + SERVER_HEAP + " heap")
                    .isTrue();
            String report = String.format(
                    Locale.ROOT,
                    "clients %d, %d s; reads %d (status %s), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
                            + " submissions %s; accepted jobs %d, final states %s; client errors %d; server heap"
                            + " cap %s, peak RSS %d MB%n",
                    CLIENTS,
                    LENGTH.toSeconds(),
                    sorted.size(),
                    readStatus,
                    ms(sorted, 0.50),
                    ms(sorted, 0.95),
                    ms(sorted, 0.99),
                    ms(sorted, 1.0),
                    submitStatus,
                    accepted.size(),
                    finalStates.values().stream()
                            .collect(java.util.stream.Collectors.groupingBy(
                                    s -> s, java.util.stream.Collectors.counting())),
                    errors.get(),
                    SERVER_HEAP,
                    rss / 1024);
            StringBuilder perPath = new StringBuilder();
            for (Map.Entry<String, List<Long>> e : new java.util.TreeMap<>(byPath).entrySet()) {
                List<Long> l = new ArrayList<>(e.getValue());
                Collections.sort(l);
                perPath.append(String.format(
                        Locale.ROOT,
                        "  %-45s n %5d  p50 %7.1f ms  p95 %7.1f ms  max %8.1f ms%n",
                        e.getKey(),
                        l.size(),
                        ms(l, 0.5),
                        ms(l, 0.95),
                        ms(l, 1.0)));
            }
            report = report + perPath;
            System.out.print("ServerLoadIT: " + report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "load-report.txt"), report);
            assertThat(errors.get()).as("client-side errors (timeouts, resets)").isZero();
            assertThat(readStatus.keySet()).as("read statuses").containsOnly(200);
            assertThat(submitStatus.keySet()).as("submission statuses").isSubsetOf(202, 429, 503);
            assertThat(submitStatus.get(429)).as("the queue filled up").isNotNull();
            assertThat(missingRetryAfter.get()).isZero();
            assertThat(finalStates).hasSize(accepted.size());
            assertThat(finalStates.values()).containsOnly("done");
            assertThat(sorted.size()).isGreaterThan(1000);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    static HttpRequest post(String base, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static double ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int k = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, k)) / 1e6;
    }
}
