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

/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC, population Monte Carlo ABC: Beaumont, Cornuet,
 * Marin &amp; Robert 2009; Toni et al. 2009), with the tolerance schedule adapted from the previous population's
 * distances (Del Moral, Doucet &amp; Jasra 2012; Drovandi &amp; Pettitt 2011): a weighted sample of the posterior of
 * parameters on the unit cube, the prior uniform on it.
 *
 * <p>Generation 0 draws {@code particles} points from the prior and keeps them all (tolerance ∞). Generation t sets its
 * tolerance ε_t to the {@code quantile} of the previous population's distances (weighted), then until it has
 * {@code particles} accepted points: picks a previous particle by weight, moves it by a normal kernel with twice the
 * population's weighted covariance (Beaumont et al. 2009), discards a move outside the cube (prior density 0, not
 * evaluated), evaluates the distance and accepts it when it is at most ε_t. An accepted particle's weight is
 * {@code π(x) / Σ_j w_j K(x | x_j)}, the importance weight of the mixture it was drawn from. The run stops after
 * {@code generations} generations, when a generation's acceptance rate falls below {@code minAcceptance} (the
 * tolerance no longer shrinks at an affordable cost), or when the evaluation budget of a generation is spent.
 *
 * <p>Deterministic: every random draw comes from one generator seeded by {@code seed}, drawn in the order of the
 * proposals, so the same seed gives the same proposals; a distance that is a deterministic function of the point
 * (common random numbers) makes the whole run reproducible, and a log of earlier evaluations can be replayed.
 */
public final class AbcSmc {
    private AbcSmc() {}

    /** What to run: population size, generations, the tolerance quantile, the stop rules and the seed. */
    public record Settings(
            int particles, int generations, double quantile, double minAcceptance, int maxAttempts, long seed) {
        public Settings {
            if (particles < 4 || generations < 1 || !(quantile > 0 && quantile < 1) || maxAttempts < particles) {
                throw new IllegalArgumentException("bad ABC-SMC settings " + particles + ", " + generations + ", "
                        + quantile + ", " + maxAttempts);
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

    /** A population and its diagnostics. */
    public record Generation(
            int index,
            double tolerance,
            int proposed,
            int evaluated,
            int accepted,
            double ess,
            List<Particle> particles) {
        /** Accepted over evaluated proposals. */
        public double acceptance() {
            return evaluated == 0 ? 0 : (double) accepted / evaluated;
        }
    }

    /** Every generation, the last being the posterior sample; why it stopped. */
    public record Result(List<Generation> generations, String stop) {
        public Generation posterior() {
            return generations.get(generations.size() - 1);
        }
    }

    /** Told after every generation. */
    public interface Listener {
        void generation(Generation g) throws Exception;
    }

    public static Result run(int dim, Distance distance, Settings s, Listener listener, BooleanSupplier stop)
            throws Exception {
        UniformRandomProvider rng = RandomStreams.forRun(s.seed(), -1); // a stream no ensemble run uses
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        List<Generation> gens = new ArrayList<>();
        List<Particle> pop = new ArrayList<>();
        long draws = 0;
        for (int i = 0; i < s.particles(); i++) {
            checkStop(stop, gens.size());
            double[] x = new double[dim];
            for (int k = 0; k < dim; k++) {
                x[k] = rng.nextDouble();
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
            double[][] chol = kernel(prev, dim);
            double[] cum = new double[prev.size()];
            double c = 0;
            for (int j = 0; j < prev.size(); j++) {
                c += prev.get(j).weight();
                cum[j] = c;
            }
            List<Particle> next = new ArrayList<>();
            List<Double> logRaw = new ArrayList<>();
            int proposed = 0;
            int evaluated = 0;
            double[] z = new double[dim];
            while (next.size() < s.particles() && proposed < s.maxAttempts()) {
                checkStop(stop, t);
                proposed++;
                double u = rng.nextDouble() * c;
                int j = Arrays.binarySearch(cum, u);
                j = j < 0 ? Math.min(-j - 1, prev.size() - 1) : j;
                for (int k = 0; k < dim; k++) {
                    z[k] = normal.sample();
                }
                double[] x = prev.get(j).x().clone();
                boolean inside = true;
                for (int k = 0; k < dim; k++) {
                    double step = 0;
                    for (int m = 0; m <= k; m++) {
                        step += chol[k][m] * z[m];
                    }
                    x[k] += step;
                    inside &= x[k] >= 0 && x[k] <= 1;
                }
                if (!inside) {
                    continue;
                }
                evaluated++;
                double d = distance.at(x, draws++);
                if (d <= eps) {
                    next.add(new Particle(x, d, 0));
                    logRaw.add(-logMixture(x, prev, chol));
                }
            }
            if (next.isEmpty()) {
                why = "generation " + t + " accepted nothing in " + proposed + " proposals";
                break;
            }
            double top = Double.NEGATIVE_INFINITY;
            for (double w : logRaw) {
                top = Math.max(top, w);
            }
            double sum = 0;
            for (double w : logRaw) {
                sum += Math.exp(w - top);
            }
            double sq = 0;
            List<Particle> weighted = new ArrayList<>();
            for (int i = 0; i < next.size(); i++) {
                double w = Math.exp(logRaw.get(i) - top) / sum;
                sq += w * w;
                weighted.add(new Particle(next.get(i).x(), next.get(i).distance(), w));
            }
            Generation g = new Generation(t, eps, proposed, evaluated, next.size(), 1 / sq, weighted);
            gens.add(g);
            listener.generation(g);
            if (next.size() < s.particles()) {
                why = "generation " + t + " spent its " + s.maxAttempts() + " proposals with " + next.size()
                        + " accepted";
                break;
            }
            if (g.acceptance() < s.minAcceptance()) {
                why = String.format(
                        java.util.Locale.ROOT,
                        "acceptance %.3f in generation %d below %.3f",
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

    /** The lower Cholesky factor of twice the particles' weighted covariance (a small ridge keeps it definite). */
    static double[][] kernel(List<Particle> ps, int dim) {
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
                    cov[a][b] += 2 * p.weight() * da * (p.x()[b] - mean[b]);
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

    /**
     * ln Σ_j w_j N(x; x_j, LLᵀ) up to the common constant ln((2π)^(-d/2) / det L), which cancels in the weights;
     * summed in log space (in many dimensions every term underflows).
     */
    static double logMixture(double[] x, List<Particle> ps, double[][] chol) {
        int dim = x.length;
        double[] v = new double[dim];
        double[] terms = new double[ps.size()];
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ps.size(); i++) {
            Particle p = ps.get(i);
            // solve L v = x - x_j by forward substitution: the Mahalanobis distance is |v|²
            double m = 0;
            for (int k = 0; k < dim; k++) {
                double r = x[k] - p.x()[k];
                for (int j = 0; j < k; j++) {
                    r -= chol[k][j] * v[j];
                }
                v[k] = r / chol[k][k];
                m += v[k] * v[k];
            }
            terms[i] = Math.log(p.weight()) - 0.5 * m;
            top = Math.max(top, terms[i]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - top);
        }
        return top + Math.log(sum);
    }
}
