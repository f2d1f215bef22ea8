package org.multivector.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.multivector.study.CalibrationJob;
import org.multivector.study.ConfiguredScenario;
import org.multivector.study.StudyExecutor;
import org.multivector.study.StudyRunner;

/**
 * Fits parameters to observed patterns: CMA-ES ({@link CmaEs}) over the parameters' ranges mapped
 * to the unit cube, minimising {@link CalibrationTargets#combined} of the ensemble means of a free
 * run of the training period ({@link CalibrationJob}: the same runs at every point). Every
 * evaluation runs on the given study executor (threads or Spark).
 *
 * <p>Resumable: the search is deterministic, so replaying a log of earlier evaluations (same points,
 * bit for bit) reproduces its path exactly; a search stopped on request continues from its log.
 */
public final class Calibration {
    private Calibration() {}

    /**
     * What to fit: {@code spec} simulates the training years (its scenario ends with the training period),
     * {@code names} with ranges {@code lo..hi} and starting values {@code start}.
     */
    public record Setup(
            ConfiguredScenario spec,
            CalibrationTargets targets,
            String[] names,
            double[] lo,
            double[] hi,
            double[] start,
            int runsPerPoint,
            long seed,
            double sigma,
            int population,
            int maxEvaluations) {
        /**
         * Parameter values of a unit-cube point. A unit-cube round trip can move a value by an ulp; values within
         * 4 ulps of a six-significant-digit number are snapped to it, so a rounded fit evaluates exactly as printed.
         */
        public double[] toValues(double[] x) {
            double[] v = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                v[i] = lo[i] + Math.max(0, Math.min(1, x[i])) * (hi[i] - lo[i]);
                double r = round6(v[i]);
                if (Math.abs(r - v[i]) <= 4 * Math.ulp(v[i])) {
                    v[i] = r;
                }
            }
            return v;
        }

        double[] toUnit(double[] v) {
            double[] x = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                x[i] = hi[i] > lo[i] ? (v[i] - lo[i]) / (hi[i] - lo[i]) : 0.5;
            }
            return x;
        }
    }

    /** One evaluated point: unit-cube coordinates, parameter values, loss per pattern and combined. */
    public record Evaluation(double[] x, double[] values, double[] losses, double combined) {}

    /** Told after every evaluation: all evaluations so far (for checkpoints and progress). */
    public interface Listener {
        void evaluated(List<Evaluation> log) throws Exception;
    }

    /**
     * The start point's evaluation, the best one (for ABC-SMC: the posterior median, on the start's random numbers),
     * the search summary, every evaluation in order, and for ABC-SMC the posterior (null for CMA-ES).
     */
    public record Result(
            Evaluation start, Evaluation best, CmaEs.Result search, List<Evaluation> log, AbcSmc.Result posterior) {}

    /** Evaluates one parameter point on the executor. */
    public static Evaluation evaluate(Setup s, StudyExecutor ex, double[] x) throws Exception {
        return evaluate(s, ex, x, s.seed());
    }

    /** Evaluates one parameter point on the executor, its runs seeded by {@code seed}. */
    static Evaluation evaluate(Setup s, StudyExecutor ex, double[] x, long seed) throws Exception {
        double[] values = s.toValues(x);
        CalibrationJob job = new CalibrationJob(
                s.spec(),
                s.names(),
                values,
                true,
                seed,
                s.runsPerPoint(),
                s.targets().cells());
        CalibrationJob.Sums sums =
                StudyRunner.run(job, ex, "calibration-point", null, false, 0, StudyRunner.Progress.NONE);
        double[] losses = s.targets().losses(job.means(sums));
        return new Evaluation(x.clone(), values, losses, s.targets().combined(losses));
    }

    public static Result run(
            Setup s, StudyExecutor ex, List<Evaluation> replay, Listener listener, BooleanSupplier stop)
            throws Exception {
        List<Evaluation> log = new ArrayList<>();
        double[] x0 = s.toUnit(s.start());
        Evaluation start = next(s, ex, replay, log, x0, stop);
        listener.evaluated(log);
        CmaEs.Result search = CmaEs.minimise(
                x -> {
                    Evaluation e = next(s, ex, replay, log, x, stop);
                    listener.evaluated(log);
                    return e.combined();
                },
                x0,
                s.sigma(),
                s.population(),
                s.maxEvaluations(),
                s.seed());
        Evaluation best = start;
        for (Evaluation e : log) {
            if (e.combined() < best.combined()) {
                best = e;
            }
        }
        // The reported fit is the best point rounded to six significant digits (as scenario files print
        // numbers), evaluated once more: the overlay and the compiled scenario then reproduce it exactly.
        double[] rounded = best.values().clone();
        for (int i = 0; i < rounded.length; i++) {
            rounded[i] = round6(rounded[i]);
        }
        Evaluation fit = next(s, ex, replay, log, s.toUnit(rounded), stop);
        listener.evaluated(log);
        return new Result(start, fit, search, List.copyOf(log), null);
    }

    /**
     * A posterior by ABC-SMC ({@link AbcSmc}) with the combined loss as its distance and the uniform prior on the
     * parameters' ranges. Each proposal runs on its own random numbers (seed and proposal number): fresh simulation
     * noise, as ABC needs; the start point and the posterior median are evaluated on the setup's seed, so their
     * losses compare with a CMA-ES fit. Resumable like {@link #run}: the proposals are deterministic, so a log of
     * evaluations replays.
     */
    public static Result runAbc(
            Setup s,
            AbcSmc.Settings settings,
            StudyExecutor ex,
            List<Evaluation> replay,
            Listener listener,
            BooleanSupplier stop)
            throws Exception {
        return runAbc(s, settings, 1, null, ex, replay, listener, stop);
    }

    /** A seed step between independent ABC-SMC runs (run 0 keeps the setup's seed). */
    static final long CHAIN_STEP = 0x632BE59BD9B4E019L;

    /**
     * As {@link #runAbc(Setup, AbcSmc.Settings, StudyExecutor, List, Listener, BooleanSupplier)} with {@code chains}
     * independent runs, one after the other (run c seeded {@code seed + c · step}, its proposals on their own random
     * numbers), pooled ({@link AbcSmc#pool}); {@code categorical} marks the coordinates of discrete assumptions.
     */
    public static Result runAbc(
            Setup s,
            AbcSmc.Settings settings,
            int chains,
            boolean[] categorical,
            StudyExecutor ex,
            List<Evaluation> replay,
            Listener listener,
            BooleanSupplier stop)
            throws Exception {
        List<Evaluation> log = new ArrayList<>();
        Evaluation start = next(s, ex, replay, log, s.toUnit(s.start()), stop, s.seed());
        listener.evaluated(log);
        List<AbcSmc.Result> runs = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            long chainSeed = s.seed() + c * CHAIN_STEP;
            AbcSmc.Settings cs = new AbcSmc.Settings(
                    settings.particles(),
                    settings.generations(),
                    settings.quantile(),
                    settings.minAcceptance(),
                    settings.moves(),
                    settings.seed() + c * CHAIN_STEP);
            runs.add(AbcSmc.run(
                    s.names().length,
                    categorical,
                    (x, draw) -> {
                        Evaluation e = next(s, ex, replay, log, x, stop, drawSeed(chainSeed, draw));
                        listener.evaluated(log);
                        return e.combined();
                    },
                    cs,
                    g -> {},
                    stop));
        }
        AbcSmc.Result post = AbcSmc.pool(runs);
        double[] median = new double[s.names().length];
        for (int k = 0; k < median.length; k++) {
            median[k] = round6(quantile(s, post.posterior(), k, 0.5));
        }
        Evaluation fit = next(s, ex, replay, log, s.toUnit(median), stop, s.seed());
        listener.evaluated(log);
        CmaEs.Result search = new CmaEs.Result(fit.x(), fit.combined(), log.size(), post.stop(), new double[0]);
        return new Result(start, fit, search, List.copyOf(log), post);
    }

    /** The seed of ABC proposal {@code draw}'s runs: distinct per proposal, reproducible. */
    static long drawSeed(long seed, long draw) {
        return seed + 0x9E3779B97F4A7C15L * (draw + 1);
    }

    /** The weighted q-quantile of parameter k's values in a population (the value at cumulative weight ≥ q). */
    public static double quantile(Setup s, AbcSmc.Generation g, int k, double q) {
        List<AbcSmc.Particle> ps = new ArrayList<>(g.particles());
        ps.sort((a, b) -> Double.compare(a.x()[k], b.x()[k]));
        double c = 0;
        for (AbcSmc.Particle p : ps) {
            c += p.weight();
            if (c >= q) {
                return s.lo()[k] + p.x()[k] * (s.hi()[k] - s.lo()[k]);
            }
        }
        AbcSmc.Particle last = ps.get(ps.size() - 1);
        return s.lo()[k] + last.x()[k] * (s.hi()[k] - s.lo()[k]);
    }

    static double round6(double v) {
        return v == 0 || !Double.isFinite(v)
                ? v
                : new java.math.BigDecimal(v)
                        .round(new java.math.MathContext(6))
                        .doubleValue();
    }

    private static Evaluation next(
            Setup s, StudyExecutor ex, List<Evaluation> replay, List<Evaluation> log, double[] x, BooleanSupplier stop)
            throws Exception {
        return next(s, ex, replay, log, x, stop, s.seed());
    }

    private static Evaluation next(
            Setup s,
            StudyExecutor ex,
            List<Evaluation> replay,
            List<Evaluation> log,
            double[] x,
            BooleanSupplier stop,
            long seed)
            throws Exception {
        int i = log.size();
        Evaluation e;
        if (replay != null && i < replay.size() && Arrays.equals(replay.get(i).x(), x)) {
            e = replay.get(i);
        } else {
            if (stop.getAsBoolean()) {
                throw new StudyRunner.Stopped("calibration stopped after " + i + " evaluations");
            }
            e = evaluate(s, ex, x, seed);
        }
        log.add(e);
        return e;
    }
}
