package org.multivector.study;

import java.util.List;
import java.util.Map;
import org.multivector.scenario.Suggestions;

/**
 * An experiment over a design of parameter points, as NetLogo's BehaviorSpace or Mesa's {@code batch_run} runs one:
 * every factor is a parameter or structural assumption of the scenario ({@code tension-base}, {@code
 * intensity:ID}, {@code strategy:STATE}), each point is simulated {@code replicates} times, and every run lands in a
 * tidy table with every factor as a column.
 *
 * <p>Replicate k of every point uses the same random stream (run index k of the master seed): points differ by their
 * factors, not their luck (common random numbers, as {@code compare} does across strategies).
 *
 * @param scenario the configured scenario the factors vary (years are the scenario's)
 * @param seed master seed of the runs and of a Latin hypercube
 * @param design {@code grid} (default: the full factorial of every factor's levels) or {@code lhs} (a Latin hypercube
 *     of {@code points} points: each numeric factor's range cut into that many strata, each stratum used once, and
 *     each listed level used equally often)
 * @param points the Latin hypercube's points, 2..100000 (lhs only)
 * @param replicates runs per point, 1..100000 (default 10)
 * @param factors what varies, at least one
 * @param outputs the variables recorded, {@code ACTOR.variable} (default {@code REGION.rsi} and the focus state's
 *     {@code balance})
 * @param table {@code summary} (default: one row per run and output, the output's mean over the years from {@code
 *     from}) or {@code series} (one row per run, year and output)
 * @param from the first year of the summary's mean (default: the year after the last observed one)
 */
public record SweepRequest(
        ScenarioChoice scenario,
        Long seed,
        String design,
        Integer points,
        Integer replicates,
        List<Factor> factors,
        List<String> outputs,
        String table,
        Integer from)
        implements StudyRequest {
    /** Most cells (runs × outputs × years kept) a sweep holds in memory. */
    public static final long MAX_CELLS = 50_000_000L;

    /**
     * One factor: a parameter or structural assumption and its levels — a list of {@code values} (numbers, or a
     * strategy's categories by label), or a numeric range {@code min..max} in {@code steps} equal steps for a grid
     * (the range alone for a Latin hypercube).
     */
    public record Factor(String name, List<Object> values, Double min, Double max, Integer steps) {
        public Factor {
            values = values == null ? null : List.copyOf(values);
        }

        /** Whether the levels are given as a list. */
        public boolean listed() {
            return values != null;
        }
    }

    public SweepRequest {
        scenario = scenario == null ? ScenarioChoice.defaults() : scenario;
        seed = StudyRequest.orDefault(seed, SEED_DEFAULT);
        design = design == null ? "grid" : design;
        replicates = StudyRequest.orDefault(replicates, 10);
        table = table == null ? "summary" : table;
        factors = factors == null ? List.of() : List.copyOf(factors);
        outputs = outputs == null ? null : List.copyOf(outputs);
        Problems p = new Problems();
        if (!design.equals("grid") && !design.equals("lhs")) {
            p.add(
                    "design",
                    "'" + design + "' is not grid or lhs",
                    Suggestions.didYouMean(design, List.of("grid", "lhs")));
        }
        if (design.equals("lhs")) {
            if (points == null) {
                p.add("points", "a Latin hypercube needs its number of points");
            } else {
                p.range("points", points, 2, 100_000);
            }
        } else if (points != null) {
            p.add("points", "a grid has the points of its factors' levels; points is for design: lhs");
        }
        p.range("replicates", replicates, 1, 100_000);
        if (!table.equals("summary") && !table.equals("series")) {
            p.add(
                    "table",
                    "'" + table + "' is not summary or series",
                    Suggestions.didYouMean(table, List.of("summary", "series")));
        }
        if (factors.isEmpty()) {
            p.add("factors", "a sweep needs at least one factor (a parameter, intensity:ID or strategy:STATE)");
        }
        for (int i = 0; i < factors.size(); i++) {
            Factor f = factors.get(i);
            String at = "factors[" + i + "]";
            if (f == null || f.name() == null || f.name().isBlank()) {
                p.add(at + ".name", "missing (expected a parameter, intensity:ID or strategy:STATE)");
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (factors.get(j) != null && f.name().equals(factors.get(j).name())) {
                    p.add(at + ".name", "'" + f.name() + "' is already factor " + (j + 1));
                }
            }
            boolean range = f.min() != null || f.max() != null || f.steps() != null;
            if (f.listed() == range) {
                p.add(at, "give either values or min and max (and steps for a grid)");
                continue;
            }
            if (f.listed()) {
                if (f.values().isEmpty() || f.values().size() > 10_000) {
                    p.add(
                            at + ".values",
                            "expected 1..10000 levels, got " + f.values().size());
                }
                for (int k = 0; k < f.values().size(); k++) {
                    Object v = f.values().get(k);
                    if (!(v instanceof Number n && Double.isFinite(n.doubleValue())) && !(v instanceof String)) {
                        p.add(at + ".values[" + k + "]", "expected a number or a category's label");
                    }
                }
            } else {
                if (f.min() == null || f.max() == null || !(f.min() < f.max())) {
                    p.add(at, "a range needs min < max");
                }
                if (design.equals("grid")) {
                    if (f.steps() == null) {
                        p.add(at + ".steps", "a grid range needs its number of levels, steps (2..10000)");
                    } else {
                        p.range(at + ".steps", f.steps(), 2, 10_000);
                    }
                } else if (f.steps() != null) {
                    p.add(at + ".steps", "a Latin hypercube cuts each range into its points: leave steps out");
                }
            }
        }
        if (scenario.from() != null || scenario.to() != null) {
            p.add("from", "a sweep simulates the scenario's years; its 'from' starts the summary's mean");
        }
        p.throwIfAny();
        long n = count(design, points, factors);
        if (n * replicates > RUNS_MAX) {
            p.add("replicates", n + " points × " + replicates + " replicates is more than " + RUNS_MAX + " runs");
        }
        p.throwIfAny();
    }

    /** The number of design points: the product of the levels (grid) or {@link #points} (lhs). */
    public long pointCount() {
        return count(design, points, factors);
    }

    private static long count(String design, Integer points, List<Factor> factors) {
        if (design.equals("lhs")) {
            return points;
        }
        long n = 1;
        for (Factor f : factors) {
            n = Math.multiplyExact(n, f.listed() ? f.values().size() : f.steps());
            if (n > RUNS_MAX) {
                return n;
            }
        }
        return n;
    }

    @Override
    public String kind() {
        return "sweep";
    }

    /** For manifests: the design without the scenario part. */
    Map<String, Object> describeDesign() {
        return Map.of("design", design, "points", pointCount(), "replicates", replicates, "table", table);
    }
}
