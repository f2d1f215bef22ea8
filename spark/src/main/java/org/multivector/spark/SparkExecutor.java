package org.multivector.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.multivector.study.BlockJob;
import org.multivector.study.StudyExecutor;

/**
 * Runs a study's blocks on Apache Spark. Blocks are cut into waves of a few blocks per core; each
 * wave is one Spark job whose partitions hold contiguous blocks, run them on the executors and merge
 * them there, and send one encoded partial per partition back. The driver hands those to the sink in
 * partition (= block) order, so checkpoints and progress work as with threads. Because study
 * summaries merge associatively ({@code ExactSums}), the result is bit-identical to the thread
 * executor's for the same seed, whatever the partitioning.
 */
public final class SparkExecutor implements StudyExecutor {
    private final JavaSparkContext sc;
    private final boolean owned;
    private final String master;

    /** Starts (or joins) a Spark context on {@code master} (e.g. {@code local[2]}, {@code spark://host:7077}). */
    public SparkExecutor(String master) {
        SparkConf conf = new SparkConf().setAppName("multivector").setIfMissing("spark.ui.enabled", "false");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        this.master = conf.get("spark.master");
        this.sc = JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(conf));
        this.owned = true;
    }

    /** Uses an existing context (tests, notebooks); it is not stopped on close. */
    public SparkExecutor(JavaSparkContext sc) {
        this.sc = sc;
        this.owned = false;
        this.master = sc.master();
    }

    @Override
    public String describe() {
        return "spark(" + master + ")";
    }

    @Override
    public <P> void execute(BlockJob<P> job, long fromBlock, Sink<P> sink) throws Exception {
        long end = job.blocks();
        P partial = job.newPartial();
        // One copy of the job per executor JVM: tasks share it, and with it what the job caches (the parsed and
        // compiled scenario, the workers' engines), instead of deserialising and compiling it for every task.
        Broadcast<BlockJob<P>> shared = sc.broadcast(job);
        try {
            run(job, shared, fromBlock, end, partial, sink);
        } finally {
            shared.destroy();
        }
    }

    private <P> void run(
            BlockJob<P> job, Broadcast<BlockJob<P>> shared, long fromBlock, long end, P partial, Sink<P> sink)
            throws Exception {
        int parallelism = Math.max(1, sc.defaultParallelism());
        long wave = Math.max(1, 8L * parallelism); // a wave ends in a barrier: few of them, each long enough
        for (long start = fromBlock; start < end; start += wave * perPartition(job)) {
            long per = perPartition(job);
            long stop = Math.min(end, start + wave * per);
            List<long[]> ranges = new ArrayList<>();
            for (long b = start; b < stop; b += per) {
                ranges.add(new long[] {b, Math.min(stop, b + per)});
            }
            List<byte[]> parts = sc.parallelize(ranges, ranges.size())
                    .mapPartitions(new RunBlocks<>(shared))
                    .collect();
            for (int i = 0; i < parts.size(); i++) {
                job.decode(parts.get(i), partial);
                sink.accept(ranges.get(i)[0], ranges.get(i)[1], partial);
            }
        }
    }

    /**
     * Blocks per partition: enough work per task to amortise Spark's scheduling and the partial each task encodes and
     * the driver decodes (≈ 2000 runs).
     */
    private static long perPartition(BlockJob<?> job) {
        long runs = Math.max(1, job.runsIn(0));
        return Math.max(1, 2000 / runs);
    }

    @Override
    public void close() {
        if (owned) {
            sc.stop();
        }
    }

    /** Runs a partition's block ranges on an executor and returns their merged, encoded partial. */
    static final class RunBlocks<P> implements FlatMapFunction<Iterator<long[]>, byte[]> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<BlockJob<P>> shared;

        RunBlocks(Broadcast<BlockJob<P>> shared) {
            this.shared = shared;
        }

        @Override
        public Iterator<byte[]> call(Iterator<long[]> ranges) throws Exception {
            BlockJob<P> job = shared.value();
            List<byte[]> out = new ArrayList<>();
            P total = job.newPartial();
            P one = job.newPartial();
            while (ranges.hasNext()) {
                long[] r = ranges.next();
                job.reset(total);
                for (long b = r[0]; b < r[1]; b++) {
                    job.reset(one);
                    job.run(b, one);
                    job.merge(total, one);
                }
                out.add(job.encode(total));
            }
            return out.iterator();
        }
    }
}
