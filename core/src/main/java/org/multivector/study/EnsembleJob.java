package org.multivector.study;

import java.io.IOException;
import org.multivector.engine.CompiledScenario;
import org.multivector.validate.Posterior;

/**
 * N runs of one scenario with independent streams (master seed, run index 0..N−1), summarised per
 * year and chosen variable by {@link SeriesStats}. Block b holds runs {@code b·B .. min(N, (b+1)·B) − 1}. Over a
 * posterior, run r also takes the parameter values of its particle ({@link Posterior#particleOf}), so the bands hold
 * parameter uncertainty as well as the model's own randomness.
 */
public final class EnsembleJob implements BlockJob<SeriesStats> {
    private static final long serialVersionUID = 1L;
    /** Runs per block: fixed, so results never depend on the executor's partitioning. */
    public static final int BLOCK_SIZE = 250;

    private final ConfiguredScenario spec;
    private final long seed;
    private final long runs;
    private final Posterior posterior;
    private final int[] columns; // the output columns summarised
    private transient volatile ThreadLocal<Worker> workers;
    private transient RawSink raw;

    /** N runs summarising every recorded variable. */
    public EnsembleJob(ConfiguredScenario spec, long seed, long runs) {
        this(
                spec,
                seed,
                runs,
                null,
                ColumnRanges.all(spec.compiled().variables().size()));
    }

    /** N runs over {@code posterior} (null: at the scenario's parameter values), summarising every variable. */
    public EnsembleJob(ConfiguredScenario spec, long seed, long runs, Posterior posterior) {
        this(
                spec,
                seed,
                runs,
                posterior,
                ColumnRanges.all(spec.compiled().variables().size()));
    }

    /**
     * N runs over {@code posterior} (null: at the scenario's parameter values), summarising the output columns
     * {@code columns} (ascending; {@link SummaryVariables#columns}).
     */
    public EnsembleJob(ConfiguredScenario spec, long seed, long runs, Posterior posterior, int[] columns) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        this.spec = spec;
        this.seed = seed;
        this.runs = runs;
        this.posterior = posterior;
        this.columns = columns.clone();
    }

    /**
     * Also hands every block's raw outputs to {@code sink} (local executor only: the sink is not
     * shipped to a cluster).
     */
    public EnsembleJob keepingRuns(RawSink sink) {
        EnsembleJob j = new EnsembleJob(spec, seed, runs, posterior, columns);
        j.raw = sink;
        return j;
    }

    public boolean keepsRuns() {
        return raw != null;
    }

    public ConfiguredScenario spec() {
        return spec;
    }

    public long seed() {
        return seed;
    }

    public long runs() {
        return runs;
    }

    @Override
    public long blocks() {
        return (runs + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    @Override
    public long runsIn(long block) {
        return Math.min(runs, (block + 1) * BLOCK_SIZE) - block * BLOCK_SIZE;
    }

    @Override
    public SeriesStats newPartial() {
        CompiledScenario c = spec.compiled();
        return ColumnRanges.summary(c.variables(), c.years(), columns);
    }

    @Override
    public void reset(SeriesStats partial) {
        partial.reset();
    }

    @Override
    public void run(long block, SeriesStats partial) {
        Worker w = worker();
        long first = block * BLOCK_SIZE;
        long end = first + runsIn(block);
        RawSink sink = raw;
        int size = w.engines.outputSize();
        if (sink != null && w.block == null) {
            w.block = new double[BLOCK_SIZE * size];
        }
        // runs of one particle together, in order: each is the engine's run bit for bit (Lockstep); a particle with
        // only a few runs here (a posterior of many particles) runs them one at a time, without a lockstep's states
        for (long r = first; r < end; ) {
            int n = w.engines.sameParticle(r, end, w.out.length);
            if (n < Math.max(2, w.out.length / 2)) {
                for (int l = 0; l < n; l++) {
                    w.engines.forRun(r + l).run(seed, r + l, w.out[l]);
                }
            } else {
                w.engines.lockstepFor(r).run(seed, r, n, w.out);
            }
            partial.add(w.out, n);
            if (sink != null) {
                for (int l = 0; l < n; l++) {
                    System.arraycopy(w.out[l], 0, w.block, (int) (r + l - first) * size, size);
                }
            }
            r += n;
        }
        if (sink == null) {
            return;
        }
        try {
            sink.block(block, first, (int) (end - first), w.block, size);
        } catch (Exception e) {
            throw new IllegalStateException("cannot keep the runs of block " + block + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void merge(SeriesStats total, SeriesStats part) {
        total.merge(part);
    }

    @Override
    public boolean holdsFirst(SeriesStats partial, long blocks) {
        return partial.runs() == Math.min(runs, blocks * BLOCK_SIZE);
    }

    @Override
    public byte[] encode(SeriesStats partial) throws IOException {
        return Codec.encode(partial::writeTo);
    }

    @Override
    public void decode(byte[] bytes, SeriesStats into) throws IOException {
        Codec.decode(bytes, into::readFrom);
    }

    private Worker worker() {
        ThreadLocal<Worker> local = workers;
        if (local == null) {
            synchronized (this) {
                if (workers == null) {
                    workers = ThreadLocal.withInitial(() -> new Worker(this));
                }
                local = workers;
            }
        }
        return local.get();
    }

    private static final class Worker {
        final ParticleEngines engines;
        final double[][] out; // one output per lane of a lockstep
        double[] block; // raw outputs of a block, only with keepingRuns

        Worker(EnsembleJob job) {
            engines = new ParticleEngines(job.spec, job.posterior, job.seed, job.runs);
            out = new double[engines.lanes()][engines.outputSize()];
        }
    }
}
