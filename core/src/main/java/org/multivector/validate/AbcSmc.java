package org.multivector.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.multivector.engine.RandomStreams;
import org.multivector.numeric.PortableMath;

/**
 * Approximate Bayesian computation by sequential Monte Carlo with MCMC moves and an adaptive tolerance schedule
 * (Del Moral, Doucet &amp; Jasra 2012; the ABC-MCMC kernel of Marjoram et al. 2003): a sample of the ABC posterior of
 * parameters on the unit cube, the prior uniform on it.
 *
 * <p>Generation 0 draws {@code particles} points from the prior and keeps them all (tolerance ∞). Generation t sets its
 * tolerance ε_t to the {@code quantile} of the previous population's distances (weighted), keeps the particles within
 * it (their weighted count is the effective sample size reported), resamples them systematically back to
 * {@code particles} equally weighted particles, and moves each {@code moves} times by random-walk Metropolis: a normal
 * step with the survivors' covariance scaled by 2.38²/d (Roberts, Gelman &amp; Gilks 1997), accepted with the prior
 * ratio and only if its simulated distance is within ε_t. Moves work on the logits of the cube's coordinates,
 * {@code y = ln(x / (1 − x))}, where the uniform prior is the logistic density {@code Π σ(y_k)(1 − σ(y_k))}, so no step
 * leaves its support. The population stays a sample of the ABC posterior at ε_t with equal weights; unlike population
 * Monte Carlo ABC (Beaumont et al. 2009), whose importance weights degenerate in many dimensions (an effective sample of
 * 1–3 of 200 in the 53 parameters of the default scenario), no kernel-mixture weight is needed. The run stops after
 * {@code generations} generations or when the moves' acceptance rate falls below {@code minAcceptance} (the tolerance
 * no longer shrinks at an affordable cost).
 *
 * <p>Deterministic: every random draw comes from one generator seeded by {@code seed}, drawn in a fixed order, and each
 * simulation gets its serial number, so the same seed gives the same sample; a log of earlier evaluations replays.
 */
public final class AbcSmc {
    private AbcSmc() {}

    /** What to run: population size, generations, the tolerance quantile, the stop rules and the seed. */
    public record Settings(
            int particles, int generations, double quantile, double minAcceptance, int moves, long seed) {
        public Settings {
            if (particles < 4 || generations < 1 || !(quantile > 0 && quantile < 1) || moves < 1) {
                throw new IllegalArgumentException(
                        "bad ABC-SMC settings " + particles + ", " + generations + ", " + quantile + ", " + moves);
            }
        }
    }

    /**
     * The distance of a point of the unit cube to the observations (lower is closer), simulated with the random
     * numbers of {@code draw}, a proposal's serial number: each proposal gets fresh, reproducible simulation noise,
     * as ABC needs (with the same random numbers at every point the tolerance would shrink the sample to the point
     * that best fits one realisation of the noise).
     */
    public interface Distance {
        double at(double[] x, long draw) throws Exception;
    }

    /** A weighted particle: a point of the unit cube, its distance and its normalised weight. */
    public record Particle(double[] x, double distance, double weight) {}

    /**
     * A population and its diagnostics: the tolerance, the moves proposed and accepted, the effective sample size of
     * the survivors before resampling, and how many distinct particles the population holds after its moves.
     */
    public record Generation(
            int index, double tolerance, int proposed, int accepted, double ess, int unique, List<Particle> particles) {
        /** Accepted over proposed moves (1 for generation 0, drawn from the prior). */
        public double acceptance() {
            return proposed == 0 ? 0 : (double) accepted / proposed;
        }
    }

    /**
     * Every generation, the last being the posterior sample; why it stopped; for a pool of independent runs
     * ({@link #pool}) the runs themselves, each with its generations (else empty).
     */
    public record Result(List<Generation> generations, String stop, List<Result> chains) {
        public Result {
            generations = List.copyOf(generations);
            chains = List.copyOf(chains);
        }

        public Result(List<Generation> generations, String stop) {
            this(generations, stop, List.of());
        }

        public Generation posterior() {
            return generations.get(generations.size() - 1);
        }
    }

    /**
     * Independent runs pooled: one generation holding every run's posterior particles, each weight divided by the
     * number of runs (a mixture with equal shares), its tolerance the largest of the runs'. Pooling independent
     * populations is the SMC analogue of running several MCMC chains (Gelman &amp; Rubin 1992): a posterior with
     * several modes that one population collapses onto keeps them, and {@link #rhat} says whether the runs agree.
     */
    public static Result pool(List<Result> chains) {
        if (chains.size() == 1) {
            return chains.get(0);
        }
        List<Particle> all = new ArrayList<>();
        double tol = 0;
        int proposed = 0;
        int accepted = 0;
        double ess = 0;
        java.util.Set<String> unique = new java.util.HashSet<>();
        StringBuilder why = new StringBuilder(chains.size() + " independent runs pooled");
        for (int c = 0; c < chains.size(); c++) {
            Generation g = chains.get(c).posterior();
            tol = Math.max(tol, g.tolerance());
            proposed += g.proposed();
            accepted += g.accepted();
            ess += g.ess();
            for (Particle p : g.particles()) {
                all.add(new Particle(p.x(), p.distance(), p.weight() / chains.size()));
                unique.add(c + Arrays.toString(p.x()));
            }
            why.append(c == 0 ? ": " : "; ")
                    .append("run ")
                    .append(c + 1)
                    .append(' ')
                    .append(chains.get(c).stop());
        }
        Generation pooled = new Generation(-1, tol, proposed, accepted, ess, unique.size(), all);
        return new Result(List.of(pooled), why.toString(), chains);
    }

    /**
     * The potential scale reduction R̂ of each coordinate across independent runs' posterior populations (Gelman &amp;
     * Rubin 1992, with the population sizes as chain lengths): √((n−1)/n + B/(nW)), B/n the variance of the runs'
     * weighted means and W the mean of their weighted variances. Near 1 the runs sample the same distribution; above
     * about 1.1 (Gelman et al. 2013) they disagree and the pooled sample is a mixture of their modes, not a converged
     * posterior. NaN for a coordinate constant within every run.
     */
    public static double[] rhat(List<Result> chains, int dim) {
        int m = chains.size();
        double[] out = new double[dim];
        for (int k = 0; k < dim; k++) {
            double[] mean = new double[m];
            double w = 0;
            int n = Integer.MAX_VALUE;
            for (int c = 0; c < m; c++) {
                List<Particle> ps = chains.get(c).posterior().particles();
                n = Math.min(n, ps.size());
                double mu = 0;
                double tw = 0;
                for (Particle p : ps) {
                    mu += p.weight() * p.x()[k];
                    tw += p.weight();
                }
                mu /= tw;
                double var = 0;
                for (Particle p : ps) {
                    var += p.weight() * (p.x()[k] - mu) * (p.x()[k] - mu);
                }
                mean[c] = mu;
                w += var / tw / m;
            }
            double grand = Arrays.stream(mean).sum() / m;
            double b = 0;
            for (double mu : mean) {
                b += (mu - grand) * (mu - grand) / (m - 1);
            }
            out[k] = w > 0 ? Math.sqrt((n - 1.0) / n + b / w) : Double.NaN;
        }
        return out;
    }

    /** Told after every generation. */
    public interface Listener {
        void generation(Generation g) throws Exception;
    }

    public static Result run(int dim, Distance distance, Settings s, Listener listener, BooleanSupplier stop)
            throws Exception {
        return run(dim, null, distance, s, listener, stop);
    }

    /**
     * As {@link #run(int, Distance, Settings, Listener, BooleanSupplier)}, with {@code categorical[k]} marking the
     * coordinates that stand for a discrete variable (a category per equal share of [0, 1]). The random walk cannot
     * leave a category that every particle shares (the survivors' covariance is then no wider than the category), so
     * when there are such coordinates each move is, with probability 1/2, the random walk on all coordinates, else a
     * redraw of one of them (chosen uniformly) from its uniform prior, the others kept: an independence proposal whose
     * prior ratio cancels its proposal ratio, so only the tolerance decides. Each kernel keeps the ABC posterior
     * invariant, so their mixture does (Tierney 1994), and the population can still switch category.
     */
    public static Result run(
            int dim, boolean[] categorical, Distance distance, Settings s, Listener listener, BooleanSupplier stop)
            throws Exception {
        UniformRandomProvider rng = RandomStreams.forRun(s.seed(), -1); // a stream no ensemble run uses
        int[] discrete = categorical == null
                ? new int[0]
                : java.util.stream.IntStream.range(0, dim)
                        .filter(k -> categorical[k])
                        .toArray();
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        List<Generation> gens = new ArrayList<>();
        List<Particle> pop = new ArrayList<>();
        long draws = 0;
        for (int i = 0; i < s.particles(); i++) {
            checkStop(stop, gens.size());
            double[] x = new double[dim];
            for (int k = 0; k < dim; k++) {
                // strictly inside the cube, so that its logit is finite
                x[k] = Math.min(1 - 1e-12, Math.max(1e-12, rng.nextDouble()));
            }
            pop.add(new Particle(x, distance.at(x, draws++), 1.0 / s.particles()));
        }
        Generation g0 = new Generation(
                0, Double.POSITIVE_INFINITY, s.particles(), s.particles(), s.particles(), s.particles(), pop);
        gens.add(g0);
        listener.generation(g0);
        String why = "all " + s.generations() + " generations";
        for (int t = 1; t < s.generations(); t++) {
            List<Particle> prev = gens.get(t - 1).particles();
            double eps = weightedQuantile(prev, s.quantile());
            // reweight: only the particles within the new tolerance keep their weight
            double alive = 0;
            double alive2 = 0;
            for (Particle p : prev) {
                if (p.distance() <= eps) {
                    alive += p.weight();
                    alive2 += p.weight() * p.weight();
                }
            }
            double ess = alive * alive / alive2;
            // resample the survivors by weight (systematic resampling: one uniform), then move each by MCMC
            double[] cum = new double[prev.size()];
            double c = 0;
            for (int j = 0; j < prev.size(); j++) {
                c += prev.get(j).distance() <= eps ? prev.get(j).weight() : 0;
                cum[j] = c;
            }
            List<Particle> survivors = new ArrayList<>();
            double u0 = rng.nextDouble();
            for (int i = 0; i < s.particles(); i++) {
                double u = (u0 + i) / s.particles() * c;
                int j = Arrays.binarySearch(cum, u);
                j = j < 0 ? Math.min(-j - 1, prev.size() - 1) : j;
                while (prev.get(j).distance() > eps) {
                    j--; // an exact hit on a dropped entry's cumulative value: it belongs to the survivor before it
                }
                Particle p = prev.get(j);
                survivors.add(new Particle(logit(p.x()), p.distance(), 1.0 / s.particles()));
            }
            // random-walk Metropolis in logits with the survivors' covariance scaled by 2.38² / d (Roberts, Gelman &
            // Gilks 1997), the ABC likelihood the indicator of the tolerance (Del Moral et al. 2012; Marjoram et al.
            // 2003): the population stays a sample of the ABC posterior at eps, and keeps equal weights
            double[][] chol = kernel(survivors, dim, 2.38 * 2.38 / dim);
            int proposed = 0;
            int accepted = 0;
            double[] z = new double[dim];
            List<Particle> moved = new ArrayList<>(survivors);
            for (int move = 0; move < s.moves(); move++) {
                for (int i = 0; i < moved.size(); i++) {
                    checkStop(stop, t);
                    Particle p = moved.get(i);
                    double[] y = p.x().clone();
                    double[] x = new double[dim];
                    if (discrete.length > 0 && rng.nextBoolean()) {
                        // one strategy drawn afresh from its prior, the rest unchanged: the prior ratio cancels
                        // the proposal ratio, so only the tolerance decides
                        int k = discrete[rng.nextInt(discrete.length)];
                        for (int j = 0; j < dim; j++) {
                            x[j] = 1 / (1 + PortableMath.exp(-y[j]));
                        }
                        x[k] = Math.min(1 - 1e-12, Math.max(1e-12, rng.nextDouble()));
                        y[k] = PortableMath.log(x[k] / (1 - x[k]));
                        proposed++;
                    } else {
                        for (int k = 0; k < dim; k++) {
                            z[k] = normal.sample();
                        }
                        boolean inside = true;
                        for (int k = 0; k < dim; k++) {
                            double step = 0;
                            for (int m = 0; m <= k; m++) {
                                step += chol[k][m] * z[m];
                            }
                            y[k] += step;
                            x[k] = 1 / (1 + PortableMath.exp(-y[k]));
                            inside &= x[k] > 0 && x[k] < 1; // a logit beyond ±36 rounds to a bound: rejected
                        }
                        double u = rng.nextDouble();
                        proposed++;
                        if (!inside || PortableMath.log(u) > logPrior(y) - logPrior(p.x())) {
                            continue; // the prior ratio rejects it before any simulation
                        }
                    }
                    double d = distance.at(x, draws++);
                    if (d <= eps) {
                        moved.set(i, new Particle(y, d, p.weight()));
                        accepted++;
                    }
                }
            }
            List<Particle> out = new ArrayList<>();
            java.util.Set<String> unique = new java.util.HashSet<>();
            for (Particle p : moved) {
                double[] x = new double[dim];
                for (int k = 0; k < dim; k++) {
                    x[k] = 1 / (1 + PortableMath.exp(-p.x()[k]));
                }
                out.add(new Particle(x, p.distance(), p.weight()));
                unique.add(Arrays.toString(x));
            }
            Generation g = new Generation(t, eps, proposed, accepted, ess, unique.size(), out);
            gens.add(g);
            listener.generation(g);
            if (g.acceptance() < s.minAcceptance()) {
                why = String.format(
                        java.util.Locale.ROOT,
                        "the moves' acceptance %.3f in generation %d is below %.3f",
                        g.acceptance(),
                        t,
                        s.minAcceptance());
                break;
            }
        }
        return new Result(List.copyOf(gens), why);
    }

    private static void checkStop(BooleanSupplier stop, int generation)
            throws org.multivector.study.StudyRunner.Stopped {
        if (stop.getAsBoolean()) {
            throw new org.multivector.study.StudyRunner.Stopped("ABC-SMC stopped in generation " + generation);
        }
    }

    static double[] logit(double[] x) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = PortableMath.log(x[k] / (1 - x[k]));
        }
        return y;
    }

    /** ln of the uniform prior on the cube seen in logits: Σ_k ln σ(y_k)(1 − σ(y_k)). */
    static double logPrior(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += logPrior(v);
        }
        return sum;
    }

    /** One coordinate's term of {@link #logPrior(double[])}: ln σ(y)(1 − σ(y)). */
    static double logPrior(double y) {
        double a = Math.abs(y);
        return -(a + 2 * StrictMath.log1p(PortableMath.exp(-a)));
    }

    /** The weighted q-quantile of the particles' distances (the smallest distance with cumulative weight ≥ q). */
    static double weightedQuantile(List<Particle> ps, double q) {
        Particle[] sorted = ps.toArray(Particle[]::new);
        Arrays.sort(sorted, (a, b) -> Double.compare(a.distance(), b.distance()));
        double c = 0;
        for (Particle p : sorted) {
            c += p.weight();
            if (c >= q) {
                return p.distance();
            }
        }
        return sorted[sorted.length - 1].distance();
    }

    /** The lower Cholesky factor of {@code scale} times the particles' weighted covariance (a small ridge keeps it definite). */
    static double[][] kernel(List<Particle> ps, int dim, double scale) {
        double[] mean = new double[dim];
        for (Particle p : ps) {
            for (int k = 0; k < dim; k++) {
                mean[k] += p.weight() * p.x()[k];
            }
        }
        double[][] cov = new double[dim][dim];
        for (Particle p : ps) {
            for (int a = 0; a < dim; a++) {
                double da = p.x()[a] - mean[a];
                for (int b = 0; b <= a; b++) {
                    cov[a][b] += scale * p.weight() * da * (p.x()[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < a; b++) {
                cov[b][a] = cov[a][b];
            }
            cov[a][a] += 1e-10;
        }
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(cov, false), 1e-12, 1e-14)
                    .getL()
                    .getData();
        } catch (NonPositiveDefiniteMatrixException e) {
            // a degenerate population (all particles on a line): fall back to the diagonal
            double[][] l = new double[dim][dim];
            for (int a = 0; a < dim; a++) {
                l[a][a] = Math.sqrt(Math.max(cov[a][a], 1e-10));
            }
            return l;
        }
    }
}
