package org.multivector.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits and places of a server.
 *
 * @param dataDir     where uploaded scenarios ({@code scenarios/}) and {@code results.duckdb} live; no request
 *                    reaches the file system outside it
 * @param workers     jobs running at once
 * @param queue       jobs waiting at most; a submission beyond gets 429 with Retry-After
 * @param jobTimeout  a job still running after this is stopped (state {@code timed-out})
 * @param maxBody     largest request body in bytes (413 beyond)
 * @param maxRuns     most runs one job may ask for
 * @param threads     worker threads per running job (default: all processors but one)
 * @param token       the token every API request must carry (null: none; required beyond loopback)
 */
public record ServerConfig(
        Path dataDir,
        int workers,
        int queue,
        Duration jobTimeout,
        int maxBody,
        long maxRuns,
        int threads,
        String token) {
    public static ServerConfig defaults(Path dataDir) {
        // Jobs leave one core to serving requests, so the dashboard stays responsive while they run.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new ServerConfig(dataDir, 1, 8, Duration.ofMinutes(10), 1024 * 1024, 100_000, threads, null);
    }

    public ServerConfig withQueue(int workersNow, int queueNow) {
        return new ServerConfig(dataDir, workersNow, queueNow, jobTimeout, maxBody, maxRuns, threads, token);
    }

    public ServerConfig withJobTimeout(Duration d) {
        return new ServerConfig(dataDir, workers, queue, d, maxBody, maxRuns, threads, token);
    }

    public ServerConfig withToken(String t) {
        return new ServerConfig(dataDir, workers, queue, jobTimeout, maxBody, maxRuns, threads, t);
    }

    public ServerConfig withMaxBody(int bytes) {
        return new ServerConfig(dataDir, workers, queue, jobTimeout, bytes, maxRuns, threads, token);
    }
}
