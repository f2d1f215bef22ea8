package org.multivector.study;

import java.io.IOException;
import org.multivector.engine.Engine;
import org.multivector.model.Scenario;

/**
 * One point of a calibration: the scenario with the given parameter values, run {@code runs} times
 * (run indices 0..runs−1 at every point: common random numbers, so the loss is a deterministic
 * function of the parameters and differences between points come from the parameters alone),
 * averaged over runs at the requested cells ({@code yearIndex · width + column} of a run's output).
 * With {@code free}, ties are never re-anchored to observations ({@code Scenario.withLastObserved(start − 1)}):
 * the model must reproduce the observed ties itself.
 *
 * <p>Block b holds runs {@code b·B .. min(runs, (b+1)·B) − 1}. Each block's sums occupy their own
 * slot and {@link #means} adds the slots in block order, so the result does not depend on the order
 * in which an executor delivers partials.
 */
public final class CalibrationJob implements BlockJob<CalibrationJob.Sums> {
    private static final long serialVersionUID = 1L;
    /** Runs per block. */
    public static final int BLOCK_SIZE = 4;

    private final ConfiguredScenario spec;
    private final String[] names;
    private final double[] values;
    private final boolean free;
    private final long seed;
    private final int runs;
    private final int[] cells;
    private transient volatile ThreadLocal<Engine> engines;

    public CalibrationJob(
            ConfiguredScenario spec, String[] names, double[] values, boolean free, long seed, int runs, int[] cells) {
        if (runs < 1) {
            throw new IllegalArgumentException("runsPerPoint must be at least 1, got " + runs);
        }
        if (names.length != values.length) {
            throw new IllegalArgumentException("one value per parameter");
        }
        this.spec = spec;
        this.names = names.clone();
        this.values = values.clone();
        this.free = free;
        this.seed = seed;
        this.runs = runs;
        this.cells = cells.clone();
    }

    /** The scenario this point simulates (base spec, then the parameter values, then free ties if asked). */
    public static Scenario scenario(Scenario base, String[] names, double[] values, boolean free) {
        Scenario s = base;
        for (int i = 0; i < names.length; i++) {
            s = s.withParameter(names[i], values[i]);
        }
        return free ? s.withLastObserved(s.time().start() - 1) : s;
    }

    /** Per-block sums over runs at each cell. */
    public static final class Sums {
        final double[] slots;
        final boolean[] filled;
        final int width;

        Sums(int blocks, int width) {
            this.slots = new double[blocks * width];
            this.filled = new boolean[blocks];
            this.width = width;
        }
    }

    /** The mean over all runs at each cell, in the order of {@code cells}. */
    public double[] means(Sums total) {
        double[] m = new double[cells.length];
        for (int b = 0; b < total.filled.length; b++) {
            if (!total.filled[b]) {
                throw new IllegalStateException("block " + b + " of the calibration point is missing");
            }
            for (int k = 0; k < cells.length; k++) {
                m[k] += total.slots[b * cells.length + k];
            }
        }
        for (int k = 0; k < cells.length; k++) {
            m[k] /= runs;
        }
        return m;
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
    public Sums newPartial() {
        return new Sums((int) blocks(), cells.length);
    }

    @Override
    public void reset(Sums p) {
        java.util.Arrays.fill(p.slots, 0);
        java.util.Arrays.fill(p.filled, false);
    }

    @Override
    public void run(long block, Sums p) {
        Engine e = engine();
        double[] out = new double[e.outputSize()];
        int b = (int) block;
        int base = b * cells.length;
        long first = block * BLOCK_SIZE;
        long end = first + runsIn(block);
        for (long r = first; r < end; r++) {
            e.run(seed, r, out);
            for (int k = 0; k < cells.length; k++) {
                double v = out[cells[k]];
                p.slots[base + k] += Double.isNaN(v) ? 0 : v;
            }
        }
        p.filled[b] = true;
    }

    @Override
    public void merge(Sums total, Sums part) {
        int w = cells.length;
        for (int b = 0; b < part.filled.length; b++) {
            if (part.filled[b]) {
                System.arraycopy(part.slots, b * w, total.slots, b * w, w);
                total.filled[b] = true;
            }
        }
    }

    @Override
    public byte[] encode(Sums p) throws IOException {
        return Codec.encode(out -> {
            int w = cells.length;
            for (int b = 0; b < p.filled.length; b++) {
                out.writeBoolean(p.filled[b]);
                if (p.filled[b]) {
                    for (int k = 0; k < w; k++) {
                        out.writeDouble(p.slots[b * w + k]);
                    }
                }
            }
        });
    }

    @Override
    public boolean holdsFirst(Sums partial, long blocks) {
        for (int b = 0; b < partial.filled.length; b++) {
            if (partial.filled[b] != (b < blocks)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void decode(byte[] bytes, Sums into) throws IOException {
        Codec.decode(bytes, in -> {
            int w = cells.length;
            for (int b = 0; b < into.filled.length; b++) {
                into.filled[b] = in.readBoolean();
                if (into.filled[b]) {
                    for (int k = 0; k < w; k++) {
                        into.slots[b * w + k] = in.readDouble();
                    }
                }
            }
        });
    }

    private Engine engine() {
        ThreadLocal<Engine> local = engines;
        if (local == null) {
            synchronized (this) {
                if (engines == null) {
                    engines = ThreadLocal.withInitial(() ->
                            new Engine(spec.compiled().withParameters(scenario(spec.scenario(), names, values, free))));
                }
                local = engines;
            }
        }
        return local.get();
    }
}
