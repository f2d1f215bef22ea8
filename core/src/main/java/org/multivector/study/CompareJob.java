package org.multivector.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Lockstep;
import org.multivector.engine.Variable;
import org.multivector.model.StrategySpec;
import org.multivector.validate.Posterior;

/**
 * Counterfactual strategies for one state, each run branched from its own history. For run r the years before the
 * branch year are simulated with the stream (master seed, r) and checkpointed, so the runs' histories differ as the
 * model's shocks and draws allow (the uncertainty of the past enters the comparison); then for each strategy the
 * rest is simulated from that checkpoint with r's branch stream — common random numbers, so differences between
 * strategies in a run come from the strategies, not from luck. Outcomes per run, averaged over the branch years: the RSI, the
 * expected number of incidents a year, the probability of at least one incident a year, and each
 * state's balance and coercion exposure. Strategy 0 is the baseline of the paired differences. Over a posterior, run
 * r simulates its history and every strategy with its particle's parameter values ({@link Posterior#particleOf}):
 * the differences then hold parameter uncertainty, and their spread over runs is a posterior predictive one.
 */
public final class CompareJob implements BlockJob<CompareStats> {
    private static final long serialVersionUID = 1L;
    public static final int BLOCK_SIZE = 100;

    private final ConfiguredScenario spec;
    private final String actor;
    private final List<String> strategies;
    private final int branchYear;
    private final long seed;
    private final long runs;
    private final Posterior posterior;
    // at most this many runs advance together; tests set 1 (every run one at a time) to compare both paths
    int maxLanes = Lockstep.LANES;
    private transient volatile ThreadLocal<Worker> workers;
    private transient volatile Layout layout;

    public CompareJob(
            ConfiguredScenario spec, String actor, List<String> strategies, int branchYear, long seed, long runs) {
        this(spec, actor, strategies, branchYear, seed, runs, null);
    }

    /** A comparison over {@code posterior} (null: at the scenario's parameter values). */
    public CompareJob(
            ConfiguredScenario spec,
            String actor,
            List<String> strategies,
            int branchYear,
            long seed,
            long runs,
            Posterior posterior) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        if (strategies.size() < 2) {
            throw new IllegalArgumentException("need at least two strategies to compare, got " + strategies);
        }
        this.spec = spec;
        this.actor = actor;
        this.strategies = List.copyOf(strategies);
        for (String s : strategies) {
            StrategySpec.parse(s);
        }
        this.branchYear = branchYear;
        this.seed = seed;
        this.runs = runs;
        this.posterior = posterior;
    }

    /** The posterior the runs draw their parameters from, or null. */
    public Posterior posterior() {
        return posterior;
    }

    public List<String> strategies() {
        return strategies;
    }

    public String actor() {
        return actor;
    }

    public int branchYear() {
        return branchYear;
    }

    public long seed() {
        return seed;
    }

    public long runs() {
        return runs;
    }

    public ConfiguredScenario spec() {
        return spec;
    }

    /** Outcome names, in metric order. */
    public List<String> metricNames() {
        return layout().names;
    }

    /** +1 when a higher value of the metric is better for stability, −1 when lower is. */
    public int[] better() {
        return layout().better.clone();
    }

    /** The columns banded over time: RSI, expected incidents, and each state's balance. */
    public List<Variable> bandVariables() {
        Layout l = layout();
        List<Variable> vars = spec.compiled().variables();
        List<Variable> out = new ArrayList<>();
        for (int c : l.bandColumns) {
            out.add(vars.get(c));
        }
        return out;
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
    public CompareStats newPartial() {
        Layout l = layout();
        CompiledScenario c = spec.compiled();
        SeriesStats band = ColumnRanges.summary(c.variables(), c.years(), l.bandColumns);
        return new CompareStats(strategies.size(), l.names.size(), l.ranges, band);
    }

    @Override
    public void reset(CompareStats partial) {
        partial.reset();
    }

    @Override
    public void run(long block, CompareStats partial) {
        Worker w = worker();
        Layout l = layout();
        int m = l.names.size();
        long first = block * BLOCK_SIZE;
        long end = first + runsIn(block);
        // as EnsembleJob: the runs of one particle together, histories and branches in a lockstep (each run the
        // engine's bit for bit), a particle with only a few runs here one run at a time
        for (long r = first; r < end; ) {
            int n = w.engines.sameParticle(r, end, w.outs.length);
            if (n < Math.max(2, w.outs.length / 2)) {
                for (int k = 0; k < n; k++) {
                    Engine engine = w.engine(r + k);
                    engine.checkpoint(w.checkpoint, seed, r + k);
                    for (int s = 0; s < strategies.size(); s++) {
                        engine.setStrategy(actor, w.parsed[s]);
                        engine.runFrom(w.checkpoint, seed, r + k, w.outs[k]);
                        l.outcomes(w.outs[k], w.values[k], s * m);
                        partial.bands[s].add(w.outs[k]);
                    }
                }
            } else {
                Lockstep lockstep = w.engines.lockstepFor(r);
                lockstep.history(seed, r, n, branchYear);
                for (int s = 0; s < strategies.size(); s++) {
                    lockstep.branch(actor, w.parsed[s], w.outs);
                    for (int k = 0; k < n; k++) {
                        l.outcomes(w.outs[k], w.values[k], s * m);
                    }
                    partial.bands[s].add(w.outs, n);
                }
            }
            for (int k = 0; k < n; k++) {
                partial.add(w.values[k], l.better);
            }
            r += n;
        }
    }

    @Override
    public void merge(CompareStats total, CompareStats part) {
        total.merge(part);
    }

    @Override
    public byte[] encode(CompareStats partial) throws IOException {
        return Codec.encode(partial::writeTo);
    }

    @Override
    public boolean holdsFirst(CompareStats partial, long blocks) {
        return partial.runs() == Math.min(runs, blocks * BLOCK_SIZE);
    }

    @Override
    public void decode(byte[] bytes, CompareStats into) throws IOException {
        Codec.decode(bytes, into::readFrom);
    }

    private Layout layout() {
        Layout l = layout;
        if (l == null) {
            synchronized (this) {
                if (layout == null) {
                    layout = new Layout(spec.compiled(), branchYear);
                }
                l = layout;
            }
        }
        return l;
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
        final int branchYear;
        Engine engine;
        Engine.Checkpoint checkpoint;
        final StrategySpec[] parsed;
        final double[][] outs; // one output per lane of a lockstep
        final double[][] values; // each lane's outcomes

        Worker(CompareJob job) {
            engines = new ParticleEngines(job.spec, job.posterior, job.seed, job.runs);
            branchYear = job.branchYear;
            parsed = job.strategies.stream().map(StrategySpec::parse).toArray(StrategySpec[]::new);
            int lanes = Math.max(1, Math.min(engines.lanes(), job.maxLanes));
            outs = new double[lanes][engines.outputSize()];
            values =
                    new double[lanes][job.strategies.size() * job.layout().names.size()];
        }

        /** Run r's engine, with a checkpoint of its own. */
        Engine engine(long r) {
            Engine e = engines.forRun(r);
            if (e != engine) {
                engine = e;
                checkpoint = e.newCheckpoint(branchYear);
            }
            return e;
        }
    }

    /** Where the outcomes are read from in a run's output. */
    private static final class Layout {
        final List<String> names = new ArrayList<>();
        final int[] better;
        final double[] ranges;
        final int[] bandColumns;
        final int width;
        final int fromIndex;
        final int years;
        final int rsi;
        final int expected;
        final int[] hazards;
        final int[] balance;
        final int[] exposure;

        Layout(CompiledScenario c, int branchYear) {
            List<Variable> vars = c.variables();
            width = vars.size();
            fromIndex = branchYear - c.firstYear();
            years = c.years();
            if (fromIndex < 1 || fromIndex >= years) {
                throw new IllegalArgumentException("branch year " + branchYear + " must lie in " + (c.firstYear() + 1)
                        + ".." + (c.firstYear() + years - 1));
            }
            rsi = vars.indexOf(new Variable(Variable.REGION, "rsi"));
            expected = vars.indexOf(new Variable(Variable.REGION, "incidents.expected"));
            List<Integer> hz = new ArrayList<>();
            List<String> states = new ArrayList<>();
            for (int k = 0; k < vars.size(); k++) {
                Variable v = vars.get(k);
                if (v.name().equals("hazard")) {
                    hz.add(k);
                }
                if (v.name().equals("balance")) {
                    states.add(v.actor());
                }
            }
            hazards = hz.stream().mapToInt(Integer::intValue).toArray();
            balance = new int[states.size()];
            exposure = new int[states.size()];
            List<Integer> betterList = new ArrayList<>();
            names.add("rsi");
            betterList.add(1);
            names.add("incidents.expected");
            betterList.add(-1);
            names.add("incident.p");
            betterList.add(-1);
            for (int i = 0; i < states.size(); i++) {
                balance[i] = vars.indexOf(new Variable(states.get(i), "balance"));
                exposure[i] = vars.indexOf(new Variable(states.get(i), "exposure"));
                names.add(states.get(i) + " balance");
                betterList.add(1);
                names.add(states.get(i) + " exposure");
                betterList.add(-1);
            }
            better = betterList.stream().mapToInt(Integer::intValue).toArray();
            // Ranges of the outcomes, for exact sums: RSI 0..100, expected incidents 0..number of dyads, the rest 0..1.
            ranges = new double[names.size()];
            java.util.Arrays.fill(ranges, 1);
            ranges[0] = 100;
            ranges[1] = Math.max(1, hazards.length);
            List<Integer> bands = new ArrayList<>(List.of(rsi, expected));
            for (int i = 0; i < states.size(); i++) {
                bands.add(balance[i]);
            }
            bandColumns = bands.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Writes this run's outcomes, averaged over the branch years, at {@code values[at..]}. */
        void outcomes(double[] out, double[] values, int at) {
            double r = 0;
            double e = 0;
            double p = 0;
            int n = years - fromIndex;
            for (int y = fromIndex; y < years; y++) {
                int row = y * width;
                r += out[row + rsi];
                e += out[row + expected];
                double none = 1;
                for (int h : hazards) {
                    double hz = out[row + h];
                    if (!Double.isNaN(hz)) { // NaN: the pair is not contiguous, no incident hazard
                        none *= 1 - hz;
                    }
                }
                p += 1 - none;
            }
            values[at] = r / n;
            values[at + 1] = e / n;
            values[at + 2] = p / n;
            for (int i = 0; i < balance.length; i++) {
                double b = 0;
                double x = 0;
                for (int y = fromIndex; y < years; y++) {
                    b += out[y * width + balance[i]];
                    x += out[y * width + exposure[i]];
                }
                values[at + 3 + 2 * i] = b / n;
                values[at + 4 + 2 * i] = x / n;
            }
        }
    }
}
