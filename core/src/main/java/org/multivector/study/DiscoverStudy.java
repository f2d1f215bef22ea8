package org.multivector.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.multivector.model.Scenario;
import org.multivector.validate.Cart;
import org.multivector.validate.Posterior;
import org.multivector.validate.Prim;

/**
 * {@code discover}: scenario discovery (Bryant &amp; Lempert 2010, "Thinking inside the box", Technological Forecasting
 * and Social Change 77; the EMA Workbench of Kwakkel 2017). The comparison's ΔRSI (alternative − baseline, each run
 * branched from its own history: {@link SensitivityJob}) is computed at the points of a Latin hypercube (McKay,
 * Beckman &amp; Conover 1979) over the parameters' ranges, or a posterior's marginal 90 % intervals; a point is a case
 * when its answer is the request's target, judged against the comparison's region of practical equivalence, which a
 * comparison at the scenario's own values sets ({@link CompareAnswer}). PRIM ({@link Prim}) then finds the box where
 * cases are dense, with its peeling trajectory, and a classification tree ({@link Cart}) gives a second view.
 */
final class DiscoverStudy {
    /** Runs of the comparison at the scenario's values that sets the ROPE and the reference answer. */
    static final int REFERENCE_RUNS = 200;

    /** PRIM's peel, its smallest box and the chosen box's least coverage (the EMA Workbench's defaults). */
    static final double PEEL_ALPHA = 0.05;

    static final double MIN_SUPPORT = 0.05;
    static final double MIN_COVERAGE = 0.5;
    /** The tree's depth, and its smallest leaf as a share of the points. */
    static final int TREE_DEPTH = 3;

    static final double TREE_MIN_LEAF = 0.05;

    private DiscoverStudy() {}

    static StudyService.Outcome run(StudyService.Prepared p, DiscoverRequest r, StudyService.Context ctx)
            throws Exception {
        ConfiguredScenario cs = p.scenario();
        Scenario s = cs.scenario();
        List<String> strategies = List.of(r.baseline(), r.alternative());
        CompareJob reference = new CompareJob(cs, r.actor(), strategies, r.from(), r.seed(), REFERENCE_RUNS);
        CompareStats refStats = StudyRunner.run(
                reference,
                ctx.executor(),
                p.id() + "-reference",
                null,
                false,
                0,
                StudyRunner.Progress.NONE,
                ctx.execution().stop());
        CompareAnswer refAnswer =
                CompareAnswer.of(refStats, strategies, r.from() - s.time().start(), false);
        double rope = refAnswer.rope();

        Posterior post = p.posterior();
        List<String> varied = new java.util.ArrayList<>(r.parameters());
        if (post != null) { // the structural assumptions the posterior holds vary too
            post.names().stream()
                    .filter(n -> !s.parameters().containsKey(n) && !varied.contains(n))
                    .forEach(varied::add);
        }
        String[] names = varied.toArray(String[]::new);
        int k = names.length;
        double[][] sampled = SensitivityStudy.ranges(s, names, post);
        double[] lo = sampled[0];
        double[] hi = sampled[1];
        double[][] unit = latinHypercube(r.points(), k, r.seed());
        SensitivityJob job = new SensitivityJob(
                cs,
                names,
                lo,
                hi,
                unit,
                r.runsPerPoint(),
                r.seed(),
                r.actor(),
                r.baseline(),
                r.alternative(),
                r.from());
        SensitivityJob.Outputs outputs = ctx.run(job, p.id());
        double[] delta = outputs.column(2);
        List<String> warnings = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        double[][] values = new double[unit.length][k];
        int dropped = 0;
        for (int j = 0; j < unit.length; j++) {
            for (int i = 0; i < k; i++) {
                values[j][i] = lo[i] + unit[j][i] * (hi[i] - lo[i]);
            }
            if (!Double.isFinite(delta[j])) {
                dropped++;
                continue;
            }
            xs.add(values[j]);
            ys.add(isCase(r.target(), delta[j], rope));
        }
        if (dropped > 0) {
            warnings.add(dropped + " of " + unit.length + " points gave a non-finite ΔRSI and are left out (a model"
                    + " defect worth reporting)");
        }
        double[][] x = xs.toArray(double[][]::new);
        boolean[] y = new boolean[ys.size()];
        int cases = 0;
        for (int j = 0; j < y.length; j++) {
            y[j] = ys.get(j);
            cases += y[j] ? 1 : 0;
        }
        Prim.Result prim = null;
        Cart.Node tree = null;
        if (x.length == 0) {
            warnings.add("no point gave a finite ΔRSI: nothing to discover");
        } else {
            if (cases == 0) {
                warnings.add("no point is a case (" + r.target() + "): the answer does not reach the target anywhere"
                        + " in the sampled space");
            } else if (cases == x.length) {
                warnings.add("every point is a case (" + r.target() + "): the answer is the target everywhere in the"
                        + " sampled space");
            } else if (cases < 20) {
                warnings.add(cases + " cases only: the box and tree rest on few points; raise the points");
            }
            prim = Prim.run(x, y, PEEL_ALPHA, MIN_SUPPORT, MIN_COVERAGE);
            tree = Cart.grow(x, y, TREE_DEPTH, Math.max(5, (int) Math.round(TREE_MIN_LEAF * x.length)));
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("rope", rope);
        extras.put("referenceVerdict", refAnswer.verdict(1).name().toLowerCase(Locale.ROOT));
        extras.put("cases", cases);
        extras.put("warnings", warnings);
        if (prim != null) {
            Map<String, Object> box = new LinkedHashMap<>();
            for (int d : prim.box().restricted()) {
                box.put(names[d], List.of(prim.box().lo()[d], prim.box().hi()[d], prim.quasiP()[d]));
            }
            extras.put("box", box);
            extras.put("boxCoverage", prim.box().coverage());
            extras.put("boxDensity", prim.box().density());
        }
        return new StudyService.Outcome(
                new StudyResult.Discovery(
                        s,
                        r.actor(),
                        r.baseline(),
                        r.alternative(),
                        r.from(),
                        r.target(),
                        rope,
                        refStats.meanDiff(1, 0),
                        refAnswer.verdict(1).name().toLowerCase(Locale.ROOT),
                        List.of(names),
                        lo,
                        hi,
                        values,
                        outputs.column(0),
                        delta,
                        prim,
                        tree,
                        r.runsPerPoint(),
                        warnings,
                        post == null ? null : post.describe()),
                r.seed(),
                (long) unit.length * 2 * r.runsPerPoint() + REFERENCE_RUNS * 2L,
                ctx.executor().describe(),
                extras);
    }

    /** Whether a ΔRSI is the target answer, against the ROPE. */
    static boolean isCase(String target, double delta, double rope) {
        return switch (target) {
            case "better" -> delta > rope;
            case "worse" -> delta < -rope;
            case "equivalent" -> Math.abs(delta) <= rope;
            case "not-worse" -> delta >= -rope;
            default -> throw new IllegalArgumentException("unknown target " + target);
        };
    }

    /**
     * A Latin hypercube of n points in [0, 1]^k (McKay, Beckman &amp; Conover 1979): each input's range cut into n
     * strata, one point in each, the strata of the inputs matched by independent random permutations.
     */
    static double[][] latinHypercube(int n, int k, long seed) {
        UniformRandomProvider rng = new XoRoShiRo128PlusPlus(seed ^ 0x4C48534CL, ~seed);
        double[][] u = new double[n][k];
        int[] perm = new int[n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                perm[j] = j;
            }
            for (int j = n - 1; j > 0; j--) {
                int m = rng.nextInt(j + 1);
                int t = perm[j];
                perm[j] = perm[m];
                perm[m] = t;
            }
            for (int j = 0; j < n; j++) {
                u[j][i] = (perm[j] + rng.nextDouble()) / n;
            }
        }
        return u;
    }
}
