package org.multivector.study;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Variable;
import org.multivector.model.Scenario;
import org.multivector.model.Structural;

/**
 * The runs of a sweep ({@link SweepRequest}) in blocks: run r is replicate {@code r % replicates} of point {@code r /
 * replicates}, with random stream {@code r % replicates} of the master seed (the same stream for a replicate at every
 * point). Each run keeps, per output, its mean over the summary years ({@code summary}) or its value in every year
 * ({@code series}). Blocks hold whole rows, merged by copy, so any executor gives the same bits.
 */
public final class SweepJob implements BlockJob<SweepJob.Rows> {
    private static final long serialVersionUID = 1L;
    public static final int BLOCK_SIZE = 20;

    private final ConfiguredScenario spec;
    private final String[] factors;
    private final Object[][] levels; // [point][factor]: Double or String (a category's label)
    private final int replicates;
    private final long seed;
    private final String[][] outputs; // {actor, variable}
    private final boolean series;
    private final int from;
    private transient volatile ThreadLocal<Worker> workers;

    public SweepJob(
            ConfiguredScenario spec,
            List<String> factors,
            Object[][] levels,
            int replicates,
            long seed,
            List<String> outputs,
            boolean series,
            int from) {
        this.spec = spec;
        this.factors = factors.toArray(String[]::new);
        this.levels = levels;
        this.replicates = replicates;
        this.seed = seed;
        this.outputs = outputs.stream().map(o -> o.split("\\.", 2)).toArray(String[][]::new);
        this.series = series;
        this.from = from;
    }

    /** Every run's row, in run order once all blocks are merged. */
    public static final class Rows {
        final double[] values;
        final boolean[] filled;

        Rows(long cells, int blocks) {
            this.values = new double[Math.toIntExact(cells)];
            this.filled = new boolean[blocks];
        }
    }

    public long runs() {
        return (long) levels.length * replicates;
    }

    /** Values per run: one per output (summary) or one per output and year (series, output-major). */
    public int width() {
        return outputs.length * (series ? spec.compiled().years() : 1);
    }

    /** Run r's row. */
    public double[] row(Rows total, long r) {
        int w = width();
        return Arrays.copyOfRange(total.values, (int) (r * w), (int) ((r + 1) * w));
    }

    /** The scenario of point p: the base with the point's factor levels. */
    Scenario scenario(Scenario base, int p) {
        Scenario s = base;
        for (int f = 0; f < factors.length; f++) {
            Object v = levels[p][f];
            s = v instanceof String label
                    ? Structural.withCategory(s, factors[f], label)
                    : s.withParameter(factors[f], (Double) v);
        }
        return s;
    }

    @Override
    public long blocks() {
        return (runs() + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    @Override
    public long runsIn(long block) {
        return Math.min(runs(), (block + 1) * BLOCK_SIZE) - block * BLOCK_SIZE;
    }

    @Override
    public Rows newPartial() {
        return new Rows(runs() * width(), (int) blocks());
    }

    @Override
    public void reset(Rows p) {
        Arrays.fill(p.values, 0);
        Arrays.fill(p.filled, false);
    }

    @Override
    public void run(long block, Rows p) {
        Worker w = worker();
        int width = width();
        long first = block * BLOCK_SIZE;
        for (long r = first; r < first + runsIn(block); r++) {
            w.point((int) (r / replicates));
            w.engine.run(seed, r % replicates, w.out);
            int base = (int) (r * width);
            int vars = w.width;
            int years = w.years;
            for (int o = 0; o < outputs.length; o++) {
                int col = w.columns[o];
                if (series) {
                    for (int y = 0; y < years; y++) {
                        p.values[base + o * years + y] = w.out[y * vars + col];
                    }
                } else {
                    double sum = 0;
                    int n = 0;
                    for (int y = w.fromIndex; y < years; y++) {
                        double v = w.out[y * vars + col];
                        if (!Double.isNaN(v)) {
                            sum += v;
                            n++;
                        }
                    }
                    p.values[base + o] = n == 0 ? Double.NaN : sum / n;
                }
            }
        }
        p.filled[(int) block] = true;
    }

    @Override
    public void merge(Rows total, Rows part) {
        int w = width();
        for (int b = 0; b < part.filled.length; b++) {
            if (part.filled[b]) {
                int at = b * BLOCK_SIZE * w;
                System.arraycopy(part.values, at, total.values, at, (int) runsIn(b) * w);
                total.filled[b] = true;
            }
        }
    }

    @Override
    public boolean holdsFirst(Rows partial, long blocks) {
        for (int b = 0; b < partial.filled.length; b++) {
            if (partial.filled[b] != (b < blocks)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long maxEncodedBytes() {
        return blocks() + 8L * runs() * width();
    }

    @Override
    public byte[] encode(Rows p) throws IOException {
        int w = width();
        return Codec.encode(out -> {
            for (int b = 0; b < p.filled.length; b++) {
                out.writeBoolean(p.filled[b]);
                if (p.filled[b]) {
                    int at = b * BLOCK_SIZE * w;
                    for (int k = 0; k < runsIn(b) * w; k++) {
                        out.writeDouble(p.values[at + k]);
                    }
                }
            }
        });
    }

    @Override
    public void decode(byte[] bytes, Rows into) throws IOException {
        int w = width();
        Codec.decode(bytes, in -> {
            for (int b = 0; b < into.filled.length; b++) {
                into.filled[b] = in.readBoolean();
                if (into.filled[b]) {
                    int at = b * BLOCK_SIZE * w;
                    for (int k = 0; k < runsIn(b) * w; k++) {
                        into.values[at + k] = in.readDouble();
                    }
                }
            }
        });
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

    /** A thread's engine for the point it is at (replicates of a point are mostly in one block). */
    private static final class Worker {
        final SweepJob job;
        final Scenario base;
        int point = -1;
        Engine engine;
        double[] out;
        int[] columns;
        int width;
        int years;
        int fromIndex;

        Worker(SweepJob job) {
            this.job = job;
            this.base = job.spec.scenario();
        }

        void point(int p) {
            if (p == point) {
                return;
            }
            CompiledScenario c = job.spec.compiled().withParameters(job.scenario(base, p));
            engine = new Engine(c);
            out = new double[engine.outputSize()];
            List<Variable> vars = c.variables();
            width = vars.size();
            years = c.years();
            fromIndex = Math.max(0, job.from - c.firstYear());
            columns = new int[job.outputs.length];
            for (int o = 0; o < columns.length; o++) {
                columns[o] = vars.indexOf(new Variable(job.outputs[o][0], job.outputs[o][1]));
            }
            point = p;
        }
    }
}
