package org.multivector.study;

import java.io.IOException;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.Perturbation;
import org.multivector.bargain.SmpHistory;
import org.multivector.bargain.SmpModel;
import org.multivector.bargain.SmpParameters;
import org.multivector.engine.RandomStreams;

/**
 * An ensemble of SMP runs for the study executor (threads or Spark): run r perturbs the inputs
 * with its own random stream ({@link RandomStreams#forRun}) and, for stochastic transitions, seeds
 * KTAB's generator with that stream's first draw. Each run's forecast is kept in its own row
 * ({@link #width()} values), so results do not depend on which worker ran which block.
 *
 * <p>Row layout: turns, stopped-by-convergence (1/0), weighted outcome per dimension, final
 * position of each actor on each dimension (0–100 scale, actor-major), final PCE probability of
 * each actor's position.
 */
public final class BargainEnsembleJob implements BlockJob<BargainEnsembleJob.Rows> {
    private static final long serialVersionUID = 1L;
    /** Runs per block. */
    public static final int BLOCK_SIZE = 4;

    private final BargainingProblem problem;
    private final Perturbation perturbation;
    private final long seed;
    private final int runs;
    private final int maxTurns;

    public BargainEnsembleJob(BargainingProblem problem, Perturbation perturbation, long seed, int runs, int maxTurns) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        this.problem = problem;
        this.perturbation = perturbation;
        this.seed = seed;
        this.runs = runs;
        this.maxTurns = maxTurns;
    }

    /** Every run's row, in run order once all blocks are merged. */
    public static final class Rows {
        final double[] values;
        final boolean[] filled;

        Rows(int runs, int width, int blocks) {
            this.values = new double[runs * width];
            this.filled = new boolean[blocks];
        }
    }

    public int width() {
        int n = problem.actorCount();
        int d = problem.dimensionCount();
        return 2 + d + n * d + n;
    }

    public int runs() {
        return runs;
    }

    /** Run r's row. */
    public double[] row(Rows total, int r) {
        int w = width();
        return Arrays.copyOfRange(total.values, r * w, (r + 1) * w);
    }

    /** Column of all runs' values at position k of the row. */
    public double[] column(Rows total, int k) {
        for (int b = 0; b < total.filled.length; b++) {
            if (!total.filled[b]) {
                throw new IllegalStateException("block " + b + " of the ensemble is missing");
            }
        }
        int w = width();
        double[] c = new double[runs];
        for (int r = 0; r < runs; r++) {
            c[r] = total.values[r * w + k];
        }
        return c;
    }

    /** The problem run r simulates. */
    public BargainingProblem problemFor(long r) {
        UniformRandomProvider rng = RandomStreams.forRun(seed, r);
        long runSeed = rng.nextLong();
        BargainingProblem p = perturbation.isNone() ? problem : perturbation.apply(problem, rng);
        return p.parameters().stateTransitions() == SmpParameters.StateTransitions.STOCHASTIC ? p.withSeed(runSeed) : p;
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
    public Rows newPartial() {
        return new Rows(runs, width(), (int) blocks());
    }

    @Override
    public void reset(Rows p) {
        Arrays.fill(p.values, 0);
        Arrays.fill(p.filled, false);
    }

    @Override
    public void run(long block, Rows p) {
        int w = width();
        int n = problem.actorCount();
        int dims = problem.dimensionCount();
        long first = block * BLOCK_SIZE;
        for (long r = first; r < first + runsIn(block); r++) {
            SmpHistory h = SmpModel.run(problemFor(r), maxTurns, false);
            int base = (int) r * w;
            p.values[base] = h.turns();
            p.values[base + 1] = h.stopReason() == SmpHistory.StopReason.CONVERGED ? 1 : 0;
            double[] outcome = h.weightedOutcome(h.turns());
            for (int d = 0; d < dims; d++) {
                p.values[base + 2 + d] = outcome[d] * 100;
            }
            double[][] fin = h.finalPositions();
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dims; d++) {
                    p.values[base + 2 + dims + i * dims + d] = fin[i][d] * 100;
                }
            }
            double[] prob = h.finalWinProbability();
            for (int i = 0; i < n; i++) {
                p.values[base + 2 + dims + n * dims + i] = prob[i];
            }
        }
        p.filled[(int) block] = true;
    }

    @Override
    public void merge(Rows total, Rows part) {
        int w = width();
        for (int b = 0; b < part.filled.length; b++) {
            if (part.filled[b]) {
                int from = b * BLOCK_SIZE * w;
                int len = (int) runsIn(b) * w;
                System.arraycopy(part.values, from, total.values, from, len);
                total.filled[b] = true;
            }
        }
    }

    @Override
    public byte[] encode(Rows p) throws IOException {
        int w = width();
        return Codec.encode(out -> {
            for (int b = 0; b < p.filled.length; b++) {
                out.writeBoolean(p.filled[b]);
                if (p.filled[b]) {
                    int from = b * BLOCK_SIZE * w;
                    int len = (int) runsIn(b) * w;
                    for (int k = 0; k < len; k++) {
                        out.writeDouble(p.values[from + k]);
                    }
                }
            }
        });
    }

    @Override
    public long maxEncodedBytes() {
        return blocks() + 8L * runs * width();
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
    public void decode(byte[] bytes, Rows into) throws IOException {
        int w = width();
        Codec.decode(bytes, in -> {
            for (int b = 0; b < into.filled.length; b++) {
                into.filled[b] = in.readBoolean();
                if (into.filled[b]) {
                    int from = b * BLOCK_SIZE * w;
                    int len = (int) runsIn(b) * w;
                    for (int k = 0; k < len; k++) {
                        into.values[from + k] = in.readDouble();
                    }
                }
            }
        });
    }
}
