package org.multivector.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "slow bodies exhaust the server": 120 connections trickling a POST body at 1 byte/s took all 96 threads,
 * {@code /api/health} stopped answering, and a stalled body got a 500 after 30 s. Here 150 clients trickle or stall
 * their bodies for about 8 s while {@code /api/health} is asked every 100 ms; each health check must answer 200
 * within 2 s, and every slow client must be answered (408 or 503), not left holding a thread.
 */
class SlowClientsTest {
    private static final int CLIENTS = 150;

    /** Sends headers announcing a 2,000-byte body, then one byte a second (or nothing), and returns the status. */
    private static int slowPost(int port, boolean stall) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(40_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/scenarios/validate HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nContent-Type: application/yaml\r\nContent-Length: 2000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < until) {
                if (!stall) {
                    try {
                        out.write('a');
                        out.flush();
                    } catch (java.io.IOException closed) {
                        break; // the server answered and closed: read its answer
                    }
                }
                if (in.available() > 0) {
                    break;
                }
                Thread.sleep(1000);
            }
            byte[] head = in.readNBytes(12);
            String status = new String(head, StandardCharsets.ISO_8859_1);
            return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : -1;
        } catch (Exception e) {
            return -2; // reset by the server before an answer could be read
        }
    }

    @Test
    void slowBodiesExhaustTheServer_healthStillAnswersUnderOneHundredFiftySlowClients(@TempDir Path data)
            throws Exception {
        try (MultivectorServer server = MultivectorServer.start(ServerConfig.defaults(data), "127.0.0.1", 0)) {
            int port = server.port();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                boolean stall = i % 3 == 0;
                slow.add(pool.submit(() -> slowPost(port, stall)));
            }
            Thread.sleep(500); // let them connect and take what they can
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            List<Long> millis = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        failures.add("status " + r.statusCode());
                    }
                } catch (java.io.IOException e) {
                    failures.add(e.toString());
                }
                millis.add((System.nanoTime() - t0) / 1_000_000);
                Thread.sleep(100);
            }
            Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
            for (Future<Integer> f : slow) {
                answers.computeIfAbsent(f.get(60, TimeUnit.SECONDS), k -> new AtomicInteger())
                        .incrementAndGet();
            }
            pool.shutdownNow();
            assertThat(failures)
                    .as("health checks that failed, of %d", millis.size())
                    .isEmpty();
            assertThat(millis.size()).isGreaterThan(30);
            assertThat(millis.stream().mapToLong(Long::longValue).max().orElseThrow())
                    .as("slowest health check, ms")
                    .isLessThan(2000);
            // every slow client was answered: refused at once (503) or timed out reading (408)
            assertThat(answers.keySet())
                    .as("answers to the slow clients: %s", answers)
                    .isSubsetOf(408, 503);
            assertThat(answers.get(503)).as("refused at once").isNotNull();
        }
    }
}
