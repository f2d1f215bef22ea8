package org.multivector.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jobs through a bounded queue: {@code workers} run at once, {@code queue} wait; a submission beyond
 * is rejected (the API answers 429 with Retry-After). Every job has a time limit and can be cancelled;
 * both stop it after its current block of runs. Finished jobs are kept (the newest 1000).
 */
final class JobManager implements AutoCloseable {
    enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED,
        TIMED_OUT;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /** What a job computes; it reports progress and polls {@link Job#stopRequested()}. */
    interface Work {
        Map<String, Object> run(Job job) throws Exception;
    }

    static final class Job {
        final String id;
        final String kind;
        final Map<String, Object> request;
        final Instant created = Instant.now();
        volatile Instant started;
        volatile Instant finished;
        volatile State state = State.QUEUED;
        volatile long done;
        volatile long total;
        volatile String error;
        volatile Map<String, Object> result;
        volatile String studyId;
        volatile boolean cancel;
        volatile long deadline = Long.MAX_VALUE;
        volatile Runnable task;

        Job(String id, String kind, Map<String, Object> request) {
            this.id = id;
            this.kind = kind;
            this.request = request;
        }

        void progress(long d, long t) {
            done = d;
            total = t;
        }

        boolean stopRequested() {
            return cancel || System.nanoTime() > deadline;
        }

        Map<String, Object> status() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("kind", kind);
            m.put("state", state.json());
            m.put("done", done);
            m.put("total", total);
            m.put("percent", total == 0 ? (state == State.DONE ? 100.0 : 0.0) : Math.floor(1000.0 * done / total) / 10);
            m.put("request", request);
            m.put("created", created.toString());
            m.put("started", started == null ? null : started.toString());
            m.put("finished", finished == null ? null : finished.toString());
            m.put("error", error);
            m.put("studyId", studyId);
            return m;
        }
    }

    private final ThreadPoolExecutor pool;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final long timeoutNanos;
    private final int queue;

    JobManager(int workers, int queue, java.time.Duration timeout) {
        this.queue = queue;
        this.pool = new ThreadPoolExecutor(
                workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)), r -> {
                    Thread t = new Thread(r, "multivector-job");
                    t.setDaemon(true);
                    return t;
                });
        this.timeoutNanos = timeout.toNanos();
    }

    /** Queues a job, or throws 429 when the queue is full. */
    /**
     * Refuses at once (429) when the queue is full, so a flood of submissions is turned away before each is parsed
     * and checked (a scenario parse costs tens of megabytes for a moment).
     */
    void refuseIfFull() {
        if (pool.getQueue().remainingCapacity() == 0 && pool.getActiveCount() >= pool.getMaximumPoolSize()) {
            throw full();
        }
    }

    private ApiException full() {
        return new ApiException(
                429,
                Map.of(
                        "error",
                        "the job queue is full (" + queue + " waiting); try again later",
                        "retryAfterSeconds",
                        retryAfterSeconds()));
    }

    Job submit(String kind, Map<String, Object> request, Work work) {
        String id = String.format("job-%06d", counter.incrementAndGet());
        Job job = new Job(id, kind, request);
        jobs.put(id, job);
        try {
            Runnable task = () -> execute(job, work);
            job.task = task;
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            jobs.remove(id);
            throw full();
        }
        prune();
        return job;
    }

    /**
     * Seconds after which a retry is likely to find room: the soonest expected end of a running job
     * (elapsed time scaled by its remaining share of runs), between 1 and 60; 5 when no running job
     * has reported progress yet.
     */
    int retryAfterSeconds() {
        double soonest = Double.POSITIVE_INFINITY;
        for (Job j : jobs.values()) {
            Instant started = j.started;
            long done = j.done;
            long total = j.total;
            if (j.state == State.RUNNING && started != null && done > 0 && total > done) {
                double elapsed =
                        java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0;
                soonest = Math.min(soonest, elapsed * (total - done) / done);
            }
        }
        return Double.isInfinite(soonest) ? 5 : (int) Math.max(1, Math.min(60, Math.ceil(soonest)));
    }

    private void execute(Job job, Work work) {
        if (job.cancel) {
            finish(job, State.CANCELLED, "cancelled before it started");
            return;
        }
        job.started = Instant.now();
        job.deadline = System.nanoTime() + timeoutNanos;
        job.state = State.RUNNING;
        try {
            Map<String, Object> r = work.run(job);
            job.result = r;
            job.studyId = r == null || r.get("studyId") == null ? null : String.valueOf(r.get("studyId"));
            job.done = job.total;
            finish(job, State.DONE, null);
        } catch (org.multivector.study.StudyRunner.Stopped e) {
            if (job.cancel) {
                finish(job, State.CANCELLED, "cancelled");
            } else {
                finish(job, State.TIMED_OUT, "stopped at the time limit of " + (timeoutNanos / 1_000_000_000L) + " s");
            }
        } catch (ApiException | org.multivector.model.UserInputException e) {
            finish(job, State.FAILED, e.getMessage());
        } catch (org.multivector.model.StorageException e) {
            finish(job, State.FAILED, e.publicMessage());
        } catch (Exception | Error e) {
            // a defect: the details (paths, classes) go to the server's log, not to the client
            System.err.println("multivector serve: job " + job.id + " failed: " + e);
            e.printStackTrace();
            finish(job, State.FAILED, "internal error (the server's log has the details)");
        }
    }

    private static void finish(Job job, State s, String error) {
        job.error = error;
        job.finished = Instant.now();
        job.state = s;
    }

    Job get(String id) {
        Job j = jobs.get(id);
        if (j == null) {
            throw new ApiException(404, "no job '" + String.valueOf(id).replaceAll("[^\\x20-\\x7e]", "?") + "'");
        }
        return j;
    }

    List<Map<String, Object>> list() {
        List<Job> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing((Job j) -> j.id).reversed());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Job j : all) {
            out.add(j.status());
        }
        return out;
    }

    Job cancel(String id) {
        Job j = get(id);
        j.cancel = true;
        Runnable task = j.task;
        if (task != null && pool.remove(task)) {
            finish(j, State.CANCELLED, "cancelled before it started");
        }
        return j;
    }

    /**
     * Finished jobs whose results are kept in memory (the newest); an older job keeps its status and study id, and
     * its result is read back from the study ({@code /api/studies/ID}). An ensemble's result is a few hundred kB of
     * objects, so 1,000 kept results could take a 256 MB heap.
     */
    static final int RESULTS_KEPT = 64;

    private void prune() {
        List<Job> finished = jobs.values().stream()
                .filter(j -> j.state.finished() && j.result != null)
                .sorted(Comparator.comparing((Job j) -> j.id).reversed())
                .toList();
        for (int i = RESULTS_KEPT; i < finished.size(); i++) {
            finished.get(i).result = null;
        }
        if (jobs.size() <= 1000) {
            return;
        }
        jobs.values().stream()
                .filter(j -> j.state.finished())
                .sorted(Comparator.comparing((Job j) -> j.id))
                .limit(jobs.size() - 1000)
                .forEach(j -> jobs.remove(j.id));
    }

    @Override
    public void close() {
        for (Job j : jobs.values()) {
            j.cancel = true;
        }
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}
