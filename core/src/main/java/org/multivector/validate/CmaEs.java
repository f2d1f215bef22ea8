package org.multivector.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.multivector.numeric.PortableMath;

/**
 * Minimisation over the unit cube by the covariance matrix adaptation evolution strategy (Hansen and
 * Ostermeier 2001; Hansen 2016, "The CMA Evolution Strategy: A Tutorial", arXiv:1604.00772), using
 * Apache Commons Math's {@link CMAESOptimizer} (active CMA, full covariance, bounds by repair).
 * Deterministic: the optimiser's random numbers come from a Mersenne Twister seeded with {@code seed},
 * so a deterministic objective gives the same path, evaluation by evaluation.
 */
public final class CmaEs {
    private CmaEs() {}

    /** An objective on [0,1]^d. May throw to abort the search (the exception is rethrown unchanged). */
    public interface Objective {
        double value(double[] x) throws Exception;
    }

    /** The best point seen, its value, the evaluations used and why the search stopped; {@code trace}: best so far per evaluation. */
    public record Result(double[] best, double value, int evaluations, String stop, double[] trace) {}

    /** Default population size 4 + ⌊3 ln d⌋ (Hansen 2016). */
    public static int defaultPopulation(int d) {
        return 4 + (int) Math.floor(3 * PortableMath.log(d));
    }

    public static Result minimise(Objective f, double[] x0, double sigma, int population, int maxEvaluations, long seed)
            throws Exception {
        int d = x0.length;
        if (!(sigma > 0 && sigma <= 1)) {
            throw new IllegalArgumentException("sigma must be in (0, 1], got " + sigma);
        }
        if (population < 2 || maxEvaluations < 1) {
            throw new IllegalArgumentException("population must be at least 2 and maxEvaluations at least 1");
        }
        double[] best = x0.clone();
        double[] bestValue = {Double.POSITIVE_INFINITY};
        List<Double> trace = new ArrayList<>();
        class Abort extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Abort(Exception cause) {
                super(cause);
            }
        }
        ObjectiveFunction of = new ObjectiveFunction(x -> {
            double v;
            try {
                v = f.value(x);
            } catch (Exception e) {
                throw new Abort(e);
            }
            if (v < bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(x, 0, best, 0, d);
            }
            trace.add(bestValue[0]);
            return v;
        });
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(hi, 1);
        double[] sig = new double[d];
        Arrays.fill(sig, sigma);
        double[] start = new double[d];
        for (int i = 0; i < d; i++) {
            start[i] = Math.max(0, Math.min(1, x0[i]));
        }
        CMAESOptimizer opt = new CMAESOptimizer(
                Integer.MAX_VALUE, Double.NEGATIVE_INFINITY, true, 0, 0, new MersenneTwister(seed), false, null);
        String stop;
        try {
            opt.optimize(
                    new MaxEval(maxEvaluations),
                    of,
                    GoalType.MINIMIZE,
                    new InitialGuess(start),
                    new SimpleBounds(lo, hi),
                    new CMAESOptimizer.Sigma(sig),
                    new CMAESOptimizer.PopulationSize(population));
            // Commons Math ends the search quietly when the budget is used up.
            stop = trace.size() >= maxEvaluations
                    ? "evaluation budget of " + maxEvaluations + " used"
                    : "converged (CMA-ES stopping criteria on x and f)";
        } catch (TooManyEvaluationsException e) {
            stop = "evaluation budget of " + maxEvaluations + " used";
        } catch (Abort a) {
            throw (Exception) a.getCause();
        }
        return new Result(
                best,
                bestValue[0],
                trace.size(),
                stop,
                trace.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
