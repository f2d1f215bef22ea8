package org.multivector.study;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs blocks on local threads. Workers take the next block number from a counter; the calling
 * thread hands finished blocks to the sink in block order. Partials come from a pool of 2 × threads,
 * so memory is bounded whatever the number of blocks, and a slow block only stalls the pool.
 */
public final class ThreadExecutor implements StudyExecutor {
    private final int threads;

    public ThreadExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String describe() {
        return "threads(" + threads + ")";
    }

    @Override
    public <P> void execute(BlockJob<P> job, long fromBlock, Sink<P> sink) throws Exception {
        long end = job.blocks();
        if (fromBlock >= end) {
            return;
        }
        BlockingQueue<P> pool = new ArrayBlockingQueue<>(2 * threads);
        for (int i = 0; i < 2 * threads; i++) {
            pool.add(job.newPartial());
        }
        Map<Long, P> done = new HashMap<>();
        Object lock = new Object();
        AtomicLong next = new AtomicLong(fromBlock);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "multivector-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?>[] futures = new Future<?>[threads];
            for (int w = 0; w < threads; w++) {
                futures[w] = workers.submit(() -> {
                    try {
                        while (failure.get() == null && !Thread.currentThread().isInterrupted()) {
                            P partial = pool.take();
                            long b = next.getAndIncrement();
                            if (b >= end) {
                                pool.put(partial);
                                return null;
                            }
                            job.reset(partial);
                            job.run(b, partial);
                            synchronized (lock) {
                                done.put(b, partial);
                                lock.notifyAll();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        synchronized (lock) {
                            lock.notifyAll();
                        }
                    }
                    return null;
                });
            }
            for (long b = fromBlock; b < end; b++) {
                P partial;
                synchronized (lock) {
                    while ((partial = done.remove(b)) == null) {
                        if (failure.get() != null) {
                            throw rethrow(failure.get());
                        }
                        lock.wait(200);
                    }
                }
                sink.accept(b, b + 1, partial);
                pool.put(partial);
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static Exception rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof Exception e ? e : new RuntimeException(t);
    }
}
