package org.multivector.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.multivector.engine.RandomStreams;

/**
 * ABC-SMC on a problem whose posterior is known: n observations of a normal with unknown mean θ (uniform prior on
 * [−3, 3]) and unit variance, the distance the gap between the simulated and observed sample means. Over repeated
 * synthetic data sets drawn at known θ, the 90 % credible intervals must cover θ at about the nominal rate (a
 * calibrated posterior, Cook, Gelman &amp; Rubin 2006); and the same seed must give the same sample.
 */
class AbcSmcTest {
    static final int N_OBS = 20;

    static double mean(double theta, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double sum = 0;
        for (int i = 0; i < N_OBS; i++) {
            sum += theta + g.sample();
        }
        return sum / N_OBS;
    }

    static double theta(double x) {
        return -3 + 6 * x;
    }

    static AbcSmc.Result fit(double observed, long seed) throws Exception {
        AbcSmc.Distance d = (x, draw) -> Math.abs(mean(theta(x[0]), RandomStreams.forRun(seed + 1, draw)) - observed);
        return AbcSmc.run(1, d, new AbcSmc.Settings(300, 6, 0.5, 0.02, 2, seed), g -> {}, () -> false);
    }

    /** The weighted q-quantile of θ in the posterior sample. */
    static double quantile(AbcSmc.Generation g, double q) {
        List<AbcSmc.Particle> ps = new ArrayList<>(g.particles());
        ps.sort((a, b) -> Double.compare(a.x()[0], b.x()[0]));
        double c = 0;
        for (AbcSmc.Particle p : ps) {
            c += p.weight();
            if (c >= q) {
                return theta(p.x()[0]);
            }
        }
        return theta(ps.get(ps.size() - 1).x()[0]);
    }

    @Test
    void ninetyPercentIntervals_coverTheTruth_atAboutTheirNominalRate() throws Exception {
        int covered = 0;
        int reps = 200;
        double width = 0;
        for (int r = 0; r < reps; r++) {
            UniformRandomProvider truthRng = RandomStreams.forRun(77, r);
            double truth = -1.5 + 3 * truthRng.nextDouble();
            double observed = mean(truth, truthRng);
            AbcSmc.Generation post = fit(observed, 1000 + r).posterior();
            double lo = quantile(post, 0.05);
            double hi = quantile(post, 0.95);
            width += (hi - lo) / reps;
            covered += lo <= truth && truth <= hi ? 1 : 0;
        }
        System.out.printf("ABC-SMC coverage %d of %d, mean 90%% width %.3f%n", covered, reps, width);
        // the exact posterior's 90 % interval is 2 * 1.645 / sqrt(20) = 0.74 wide; ABC's tolerance widens it a little
        assertThat(width).isBetween(0.6, 1.1);
        // 200 repetitions: the coverage of a calibrated interval is 0.9 +- 0.021 (sd); 0.84..0.95 is 2.5 sd either side
        // (it printed 181 of 200, 0.905)
        assertThat(covered / (double) reps).as("width " + width).isBetween(0.84, 0.95);
    }

    @Test
    void theToleranceShrinks_theWeightsAreNormalised_andTheSameSeedGivesTheSameSample() throws Exception {
        AbcSmc.Result a = fit(0.4, 5);
        AbcSmc.Result b = fit(0.4, 5);
        assertThat(a.generations().size()).isGreaterThan(2);
        for (int t = 2; t < a.generations().size(); t++) {
            assertThat(a.generations().get(t).tolerance())
                    .isLessThanOrEqualTo(a.generations().get(t - 1).tolerance());
        }
        AbcSmc.Generation post = a.posterior();
        double sum =
                post.particles().stream().mapToDouble(AbcSmc.Particle::weight).sum();
        assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(post.unique())
                .as("distinct particles")
                .isGreaterThan(post.particles().size() / 2);
        assertThat(post.ess()).isGreaterThan(0.3 * post.particles().size());
        for (int i = 0; i < post.particles().size(); i++) {
            assertThat(b.posterior().particles().get(i).x())
                    .isEqualTo(post.particles().get(i).x());
        }
    }

    /**
     * A discrete unknown: category c of 4 sets a success probability 0.2, 0.4, 0.6 or 0.8; 12 successes of 20 were
     * observed. ABC at tolerance 0 (exact matches) samples the exact posterior ∝ p^12 (1 − p)^8: 0.000, 0.149, 0.757,
     * 0.093. Four independent runs whose moves redraw the category from its prior in half the moves, pooled, give those
     * shares within 0.08 with the 2 moves per generation calibrate uses (it printed 0.000, 0.120, 0.813, 0.067; with
     * 10 moves 0.000, 0.163, 0.754, 0.083); their R̂ is near 1.
     */
    @Test
    void aCategoricalCoordinate_isSampledInProportionToItsPosterior_byPooledRuns() throws Exception {
        double[] p = {0.2, 0.4, 0.6, 0.8};
        double[] exact = new double[4];
        double total = 0;
        for (int c = 0; c < 4; c++) {
            exact[c] = Math.pow(p[c], 12) * Math.pow(1 - p[c], 8);
            total += exact[c];
        }
        List<AbcSmc.Result> runs = new ArrayList<>();
        for (int chain = 0; chain < 4; chain++) {
            long seed = 40 + chain;
            AbcSmc.Distance d = (x, draw) -> {
                UniformRandomProvider rng = RandomStreams.forRun(seed + 100, draw);
                double q = p[(int) Math.min(3, Math.floor(4 * x[0]))];
                int k = 0;
                for (int i = 0; i < 20; i++) {
                    k += rng.nextDouble() < q ? 1 : 0;
                }
                return Math.abs(k - 12) + 0.01 * x[1]; // a continuous coordinate beside it
            };
            runs.add(AbcSmc.run(
                    2,
                    new boolean[] {true, false},
                    d,
                    new AbcSmc.Settings(300, 10, 0.5, 0.0, 2, seed),
                    g -> {},
                    () -> false));
        }
        AbcSmc.Result pooled = AbcSmc.pool(runs);
        assertThat(pooled.chains()).hasSize(4);
        assertThat(pooled.posterior().particles()).hasSize(1200);
        double[] share = new double[4];
        double weights = 0;
        for (AbcSmc.Particle q : pooled.posterior().particles()) {
            share[(int) Math.min(3, Math.floor(4 * q.x()[0]))] += q.weight();
            weights += q.weight();
            assertThat(q.distance()).isLessThan(1); // exact matches only
        }
        assertThat(weights).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        System.out.printf(
                "categorical ABC shares %.3f %.3f %.3f %.3f (exact %.3f %.3f %.3f %.3f)%n",
                share[0],
                share[1],
                share[2],
                share[3],
                exact[0] / total,
                exact[1] / total,
                exact[2] / total,
                exact[3] / total);
        for (int c = 0; c < 4; c++) {
            // 1,200 correlated particles: within 0.08 of the exact share
            assertThat(share[c])
                    .as("category %d", c)
                    .isCloseTo(exact[c] / total, org.assertj.core.data.Offset.offset(0.08));
        }
        assertThat(AbcSmc.rhat(runs, 2)[0]).isLessThan(1.1);
    }

    /** R̂ tells runs that agree from runs that settled on different modes. */
    @Test
    void rHat_isNearOneForAgreeingRuns_andLargeForRunsOnDifferentModes() {
        UniformRandomProvider rng = RandomStreams.forRun(3, 0);
        java.util.function.DoubleFunction<AbcSmc.Result> around = centre -> {
            List<AbcSmc.Particle> ps = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ps.add(new AbcSmc.Particle(new double[] {centre + 0.05 * (rng.nextDouble() - 0.5)}, 0, 1 / 200.0));
            }
            return new AbcSmc.Result(List.of(new AbcSmc.Generation(1, 1, 1, 1, 200, 200, ps)), "test");
        };
        double agree = AbcSmc.rhat(List.of(around.apply(0.5), around.apply(0.5), around.apply(0.5)), 1)[0];
        double apart = AbcSmc.rhat(List.of(around.apply(0.2), around.apply(0.5), around.apply(0.8)), 1)[0];
        assertThat(agree).isBetween(0.99, 1.05);
        assertThat(apart).isGreaterThan(5);
        AbcSmc.Result one = around.apply(0.5);
        assertThat(AbcSmc.pool(List.of(one))).isSameAs(one);
    }
}
