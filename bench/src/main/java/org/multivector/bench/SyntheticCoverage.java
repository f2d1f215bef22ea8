package org.multivector.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.multivector.engine.CompiledScenario;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.study.CalibrationJob;
import org.multivector.study.ConfiguredScenario;
import org.multivector.study.StudyRunner;
import org.multivector.study.ThreadExecutor;
import org.multivector.validate.AbcSmc;
import org.multivector.validate.Calibration;
import org.multivector.validate.CalibrationTargets;
import org.multivector.validate.Observations;

/**
 * Does ABC-SMC recover known parameter values of the model itself? Simulation-based calibration (Cook, Gelman &amp;
 * Rubin 2006; Talts et al. 2018): for each replicate, draw the true values of a few parameters from their uniform
 * prior, simulate one free history of the training years at them (shares as simulated, events drawn as Bernoulli
 * from the model's probabilities) at the cells of the real observed patterns, fit those synthetic data by ABC-SMC as
 * {@code calibrate --method abc-smc} does, and count how often each 90 % posterior interval covers the truth.
 *
 * <p>Run by {@code scripts/posterior-coverage.sh} (minutes, not a unit test); arguments: replicates, particles,
 * generations, runs per point, threads, then the parameter names.
 */
public final class SyntheticCoverage {
    private SyntheticCoverage() {}

    public static void main(String[] args) throws Exception {
        int replicates = Integer.parseInt(args[0]);
        int particles = Integer.parseInt(args[1]);
        int generations = Integer.parseInt(args[2]);
        int runsPerPoint = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        String[] names = java.util.Arrays.copyOfRange(args, 5, args.length);
        String name = ScenarioLoader.PRIOR_SCENARIO;
        ConfiguredScenario training = ConfiguredScenario.of(name, name + ".yaml", ScenarioLoader.builtInBytes(name))
                .withYears(1991, 2008);
        Scenario s = training.scenario();
        Observations obs = Observations.parse(
                name + ".observed.csv", Observations.builtInBytes(name).orElseThrow(), s);
        CalibrationTargets real = CalibrationTargets.of(
                s, CompiledScenario.of(s.withLastObserved(s.time().start() - 1)), obs, 1992, 2008);
        double[] lo = new double[names.length];
        double[] hi = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            lo[i] = s.parameter(names[i]).min();
            hi[i] = s.parameter(names[i]).max();
        }
        int covered = 0;
        int intervals = 0;
        double width = 0;
        long t0 = System.nanoTime();
        try (ThreadExecutor ex = new ThreadExecutor(threads)) {
            for (int rep = 0; rep < replicates; rep++) {
                UniformRandomProvider rng =
                        new XoRoShiRo128PlusPlus(0x9E3779B97F4A7C15L * (rep + 1), 0xBF58476D1CE4E5B9L ^ rep);
                for (int w = 0; w < 16; w++) {
                    rng.nextLong(); // warm up from the structured seed
                }
                double[] truth = new double[names.length];
                for (int i = 0; i < names.length; i++) {
                    truth[i] = lo[i] + rng.nextDouble() * (hi[i] - lo[i]);
                }
                // one free history at the truth, read at the real patterns' cells
                CalibrationJob one =
                        new CalibrationJob(training, names, truth, true, 1_000_003L + rep, 1, real.cells());
                double[] run =
                        one.means(StudyRunner.run(one, ex, "synthetic", null, false, 0, StudyRunner.Progress.NONE));
                List<double[]> observed = new ArrayList<>();
                for (CalibrationTargets.Pattern p : real.patterns()) {
                    double[] o = new double[p.n()];
                    for (int j = 0; j < o.length; j++) {
                        double v = run[p.at()[j]];
                        o[j] = p.binary() ? (rng.nextDouble() < v ? 1 : 0) : v;
                    }
                    observed.add(o);
                }
                CalibrationTargets synthetic = real.withObserved(observed);
                double[] start = new double[names.length];
                for (int i = 0; i < names.length; i++) {
                    start[i] = (lo[i] + hi[i]) / 2;
                }
                Calibration.Setup setup = new Calibration.Setup(
                        training, synthetic, names, lo, hi, start, runsPerPoint, 1992 + rep, 0.3, 0, 0);
                Calibration.Result r = Calibration.runAbc(
                        setup,
                        new AbcSmc.Settings(particles, generations, 0.5, 0.1, 2, 1992 + rep),
                        ex,
                        List.of(),
                        log -> {},
                        () -> false);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "replicate %2d:", rep));
                for (int i = 0; i < names.length; i++) {
                    double a = Calibration.quantile(setup, r.posterior().posterior(), i, 0.05);
                    double b = Calibration.quantile(setup, r.posterior().posterior(), i, 0.95);
                    boolean in = truth[i] >= a && truth[i] <= b;
                    covered += in ? 1 : 0;
                    intervals++;
                    width += (b - a) / (hi[i] - lo[i]);
                    line.append(String.format(
                            Locale.ROOT, " %s %.3f in [%.3f, %.3f]%s", names[i], truth[i], a, b, in ? "" : " MISSED"));
                }
                System.out.println(line);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d of %d 90 %% intervals cover the truth (%.2f); mean width %.2f of the prior range; %.0f s%n",
                covered,
                intervals,
                covered / (double) intervals,
                width / intervals,
                (System.nanoTime() - t0) / 1e9);
    }
}
