package org.multivector.study;

import java.io.IOException;
import java.util.List;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Variable;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;

/**
 * Evaluates the model at the points of a sensitivity design (parameter values in the unit cube of the
 * parameters' ranges). At each point the scenario is compiled with those parameter values and run
 * {@code runsPerPoint} times (run indices 0..runsPerPoint−1 at every point: common random numbers, so
 * differences between points come from the parameters). Each run is the comparison's counterfactual
 * ({@link CompareJob}): its history up to {@code fromYear} under the scenario's strategies, then {@code actor}
 * following {@code baseline} and, from the same checkpoint and branch stream, {@code alternative}. Outputs per point,
 * as means over the runs and over the years from {@code fromYear}: {@link #OUTPUTS}.
 */
public final class SensitivityJob implements BlockJob<SensitivityJob.Outputs> {
    private static final long serialVersionUID = 1L;
    public static final int BLOCK_SIZE = 4;
    /**
     * rsi: mean RSI under the baseline; balance: the actor's balance under the baseline; delta-rsi: RSI under the
     * alternative minus under the baseline — the ΔRSI a comparison of the two answers with.
     */
    public static final List<String> OUTPUTS = List.of("rsi", "balance", "delta-rsi");

    private final ConfiguredScenario spec;
    private final String[] parameters;
    private final double[] lo;
    private final double[] hi;
    private final double[][] points;
    private final int runsPerPoint;
    private final long seed;
    private final String actor;
    private final String baseline;
    private final String alternative;
    private final int fromYear;
    private transient volatile ThreadLocal<Scenario> base;

    public SensitivityJob(
            ConfiguredScenario spec,
            String[] parameters,
            double[] lo,
            double[] hi,
            double[][] points,
            int runsPerPoint,
            long seed,
            String actor,
            String baseline,
            String alternative,
            int fromYear) {
        if (runsPerPoint < 1) {
            throw new IllegalArgumentException("runsPerPoint must be at least 1, got " + runsPerPoint);
        }
        StrategySpec.parse(baseline);
        StrategySpec.parse(alternative);
        this.spec = spec;
        this.parameters = parameters.clone();
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.points = points;
        this.runsPerPoint = runsPerPoint;
        this.seed = seed;
        this.actor = actor;
        this.baseline = baseline;
        this.alternative = alternative;
        this.fromYear = fromYear;
    }

    /** A block's outputs: rows {@code from..to-1} of the points, {@link #OUTPUTS} per row. */
    public static final class Outputs {
        final double[] y;
        int from;
        int to;

        Outputs(int points) {
            y = new double[points * OUTPUTS.size()];
        }

        /** Output o at point j. */
        public double get(int j, int o) {
            return y[j * OUTPUTS.size() + o];
        }

        /** Output o at every point. */
        public double[] column(int o) {
            int n = y.length / OUTPUTS.size();
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                c[j] = get(j, o);
            }
            return c;
        }
    }

    @Override
    public long blocks() {
        return (points.length + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    @Override
    public long runsIn(long block) {
        return (Math.min(points.length, (block + 1) * BLOCK_SIZE) - block * BLOCK_SIZE) * 2L * runsPerPoint;
    }

    @Override
    public Outputs newPartial() {
        return new Outputs(points.length);
    }

    @Override
    public void reset(Outputs p) {
        p.from = 0;
        p.to = 0;
    }

    @Override
    public void run(long block, Outputs p) {
        int from = (int) (block * BLOCK_SIZE);
        int to = Math.min(points.length, from + BLOCK_SIZE);
        p.from = from;
        p.to = to;
        Scenario s0 = base();
        StrategySpec base = StrategySpec.parse(baseline);
        StrategySpec alt = StrategySpec.parse(alternative);
        int m = OUTPUTS.size();
        for (int j = from; j < to; j++) {
            Scenario s = s0;
            for (int i = 0; i < parameters.length; i++) {
                s = s.withParameter(parameters[i], lo[i] + points[j][i] * (hi[i] - lo[i]));
            }
            CompiledScenario c = spec.compiled().withParameters(s); // only what the point sets is recompiled
            Engine e = new Engine(c);
            Engine.Checkpoint cp = e.newCheckpoint(fromYear);
            List<Variable> vars = c.variables();
            int width = vars.size();
            int rsi = vars.indexOf(new Variable(Variable.REGION, "rsi"));
            int bal = vars.indexOf(new Variable(actor, "balance"));
            if (bal < 0) {
                throw new IllegalArgumentException("actor " + actor + " is not a regional state of the scenario");
            }
            int y0 = fromYear - c.firstYear();
            double[] out = new double[e.outputSize()];
            double r1 = 0;
            double b1 = 0;
            double r2 = 0;
            long cells = 0;
            for (int r = 0; r < runsPerPoint; r++) {
                e.checkpoint(cp, seed, r);
                e.setStrategy(actor, base);
                e.runFrom(cp, seed, r, out);
                for (int y = y0; y < c.years(); y++) {
                    r1 += out[y * width + rsi];
                    b1 += out[y * width + bal];
                    cells++;
                }
                e.setStrategy(actor, alt);
                e.runFrom(cp, seed, r, out);
                for (int y = y0; y < c.years(); y++) {
                    r2 += out[y * width + rsi];
                }
            }
            p.y[j * m] = r1 / cells;
            p.y[j * m + 1] = b1 / cells;
            p.y[j * m + 2] = (r2 - r1) / cells;
        }
    }

    @Override
    public void merge(Outputs total, Outputs part) {
        int m = OUTPUTS.size();
        System.arraycopy(part.y, part.from * m, total.y, part.from * m, (part.to - part.from) * m);
        if (total.to == total.from) {
            total.from = part.from;
            total.to = part.to;
        } else {
            total.from = Math.min(total.from, part.from);
            total.to = Math.max(total.to, part.to);
        }
    }

    @Override
    public byte[] encode(Outputs p) throws IOException {
        return Codec.encode(out -> {
            int m = OUTPUTS.size();
            // Partials cover contiguous rows from..to (one block, a partition's blocks, or all merged so far).
            out.writeInt(p.from);
            out.writeInt(p.to);
            for (int i = p.from * m; i < p.to * m; i++) {
                out.writeDouble(p.y[i]);
            }
        });
    }

    @Override
    public boolean holdsFirst(Outputs partial, long blocks) {
        long to = Math.min(points.length, blocks * BLOCK_SIZE);
        return partial.from == 0 && partial.to == to;
    }

    @Override
    public void decode(byte[] bytes, Outputs into) throws IOException {
        Codec.decode(bytes, in -> {
            int m = OUTPUTS.size();
            into.from = in.readInt();
            into.to = in.readInt();
            if (into.from < 0 || into.to < into.from || into.to > points.length) {
                throw new IOException("stored outputs of points " + into.from + ".." + into.to + ", expected within 0.."
                        + points.length);
            }
            for (int i = into.from * m; i < into.to * m; i++) {
                into.y[i] = in.readDouble();
            }
        });
    }

    private Scenario base() {
        ThreadLocal<Scenario> b = base;
        if (b == null) {
            synchronized (this) {
                if (base == null) {
                    base = ThreadLocal.withInitial(spec::scenario);
                }
                b = base;
            }
        }
        return b.get();
    }
}
