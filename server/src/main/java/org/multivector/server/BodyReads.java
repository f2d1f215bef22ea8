package org.multivector.server;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Keeps clients that send their request bodies slowly from taking the server's threads (a "slow POST", Slowloris's
 * body variant). A request with a body is read whole before any handler runs, and only a bounded number of reads run
 * at once: {@link #MAX_READS} in all and {@link #MAX_READS_PER_CLIENT} per client address. A request beyond either
 * is refused at once (503 with Retry-After), so it holds its thread for microseconds; requests without a body
 * ({@code /api/health}, the study list, event streams) never wait for a slot. Each admitted read has a deadline (a
 * grace plus its length at {@link #MIN_BYTES_PER_SECOND}) and each blocking read Jetty's idle timeout ({@link
 * #IDLE_MILLIS}, set by {@link MultivectorServer}): a body that trickles or stalls is answered 408 and its thread is
 * free again within seconds. (Jetty's own minimum data rate is not used: it counts from the request's first byte, so
 * it refused small bodies that were merely read a moment after their headers on a busy machine.)
 *
 * <p>OWASP, "Denial of Service Cheat Sheet" (limit request body read time and concurrent connections per client);
 * CWE-400.
 */
final class BodyReads {
    /** Bodies read at once, in all. */
    static final int MAX_READS = 32;

    /** Bodies read at once from one client address. */
    static final int MAX_READS_PER_CLIENT = 8;

    /** Slowest body accepted: 1 KiB a second on average, after a grace of {@link #GRACE_MILLIS}. */
    static final long MIN_BYTES_PER_SECOND = 1024;

    /** Time any body may take before its rate counts (a small body is one packet, but a busy machine is slow). */
    static final long GRACE_MILLIS = 3_000;

    /** Longest silence within a request's body (Jetty's blocking-read timeout), or while a response is written. */
    static final long IDLE_MILLIS = 10_000;

    private static final String BODY = "multivector.body";

    private final Semaphore all = new Semaphore(MAX_READS);
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final int maxBody;

    BodyReads(int maxBody) {
        this.maxBody = maxBody;
    }

    /** The body {@link #read} read (empty when there was none). */
    static byte[] of(Context ctx) {
        byte[] b = ctx.attribute(BODY);
        return b == null ? new byte[0] : b;
    }

    /**
     * Reads the request's body whole, within {@link #GRACE_MILLIS} plus its length at {@link #MIN_BYTES_PER_SECOND},
     * keeps it for the handler ({@link #of}), or refuses the request: 413 over the size limit, 503 when no read
     * slot is free, 408 when the body trickles or stalls.
     */
    void read(Context ctx) {
        long length = ctx.contentLength();
        if (length <= 0) {
            return;
        }
        if (length > maxBody) {
            throw new ApiException(
                    413, "the request body of " + length + " bytes is larger than the limit of " + maxBody + " bytes");
        }
        String client = ctx.ip();
        int[] now = {0};
        perClient.compute(client, (k, n) -> now[0] = n == null ? 1 : n + 1);
        if (now[0] > MAX_READS_PER_CLIENT) {
            release(client);
            throw busy("this client is already sending " + MAX_READS_PER_CLIENT + " request bodies");
        }
        if (!all.tryAcquire()) {
            release(client);
            throw busy("the server is already receiving " + MAX_READS + " request bodies");
        }
        try {
            byte[] body = new byte[(int) length];
            long deadline = System.nanoTime() + (GRACE_MILLIS + length * 1000 / MIN_BYTES_PER_SECOND) * 1_000_000L;
            java.io.InputStream in = ctx.req().getInputStream();
            int off = 0;
            while (off < body.length) {
                int n = in.read(body, off, body.length - off);
                if (n < 0) {
                    throw new ApiException(400, "the request body ended after " + off + " of " + length + " bytes");
                }
                off += n;
                if (off < body.length && System.nanoTime() > deadline) {
                    throw slow();
                }
            }
            ctx.attribute(BODY, body);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            // Jetty's blocking-read timeout (an IOException), or a connection reset
            throw slow();
        } finally {
            all.release();
            release(client);
        }
    }

    private static ApiException slow() {
        return new ApiException(
                408,
                "the request body arrived too slowly or stopped (expected it within " + GRACE_MILLIS / 1000
                        + " s plus a second per " + MIN_BYTES_PER_SECOND + " bytes, with no pause over "
                        + IDLE_MILLIS / 1000 + " s)");
    }

    private void release(String client) {
        perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static ApiException busy(String why) {
        return new ApiException(503, Map.of("error", why + "; try again shortly", "retryAfterSeconds", 1));
    }
}
