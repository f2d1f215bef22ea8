package org.multivector.server;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many scenario parses run at once (job submissions, uploads, validations). A parse of the default
 * scenario takes tens of milliseconds and tens of megabytes for that moment (the node graph, the JSON tree, every
 * position); unbounded, 30 clients submitting at once took the heap past 256 MB. A request that finds every slot
 * taken for {@link #WAIT_MILLIS} is refused with 503 and Retry-After, so memory stays bounded and no thread waits long.
 */
final class Parses {
    /** Parses at once. */
    static final int SLOTS = 2;

    /** How long a request waits for a slot. */
    static final long WAIT_MILLIS = 2_000;

    private final Semaphore slots = new Semaphore(SLOTS);

    <T> T run(Supplier<T> parse) {
        boolean got;
        try {
            got = slots.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new ApiException(
                    503,
                    Map.of(
                            "error",
                            "the server is busy checking other requests; try again shortly",
                            "retryAfterSeconds",
                            1));
        }
        try {
            return parse.get();
        } finally {
            slots.release();
        }
    }
}
