package org.multivector.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Variable;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.model.Structural;
import org.multivector.scenario.Suggestions;

/**
 * {@code sweep}: a designed experiment ({@link SweepRequest}) — the full factorial of the factors' levels or a Latin
 * hypercube (McKay, Beckman and Conover 1979, "A comparison of three methods for selecting values of input variables
 * in the analysis of output from a computer code", Technometrics 21(2): 239–245) — run on the study executor
 * ({@link SweepJob}) with replicates per point. The design is built from the request and the seed alone, so the same
 * request gives the same points and bits on any executor.
 */
final class SweepStudy {
    private SweepStudy() {}

    /** The request with its scenario-dependent defaults, every factor and output checked against the scenario. */
    static SweepRequest resolve(SweepRequest r, Scenario s, CompiledScenario c) {
        Problems p = new Problems();
        for (int i = 0; i < r.factors().size(); i++) {
            SweepRequest.Factor f = r.factors().get(i);
            String at = "factors[" + i + "]";
            var v = s.variable(f.name());
            if (v.isEmpty()) {
                p.add(
                        at + ".name",
                        "'" + f.name() + "' is not a parameter or structural assumption of " + s.name(),
                        Suggestions.didYouMean(f.name(), s.variableNames()));
                continue;
            }
            List<String> categories = Structural.categories(s, f.name());
            Parameter par = v.get();
            if (!categories.isEmpty()) {
                if (!f.listed()) {
                    p.add(at, "'" + f.name() + "' is categorical: list its levels (values: " + categories + ")");
                    continue;
                }
                for (int k = 0; k < f.values().size(); k++) {
                    Object x = f.values().get(k);
                    if (!(x instanceof String label) || !categories.contains(label)) {
                        p.add(
                                at + ".values[" + k + "]",
                                "'" + x + "' is not a category of " + f.name() + " (expected one of "
                                        + String.join(", ", categories) + ")",
                                x instanceof String t ? Suggestions.didYouMean(t, categories) : null);
                    }
                }
                continue;
            }
            if (f.listed()) {
                for (int k = 0; k < f.values().size(); k++) {
                    Object x = f.values().get(k);
                    if (!(x instanceof Number n)) {
                        p.add(at + ".values[" + k + "]", "'" + x + "' is not a number (" + f.name() + " is numeric)");
                    } else if (n.doubleValue() < par.min() || n.doubleValue() > par.max()) {
                        p.add(
                                at + ".values[" + k + "]",
                                n + " is outside the range " + par.min() + ".." + par.max() + " of " + f.name());
                    }
                }
            } else if (f.min() < par.min() || f.max() > par.max()) {
                p.add(
                        at,
                        f.min() + ".." + f.max() + " leaves the range " + par.min() + ".." + par.max() + " of "
                                + f.name());
            }
        }
        List<String> outputs =
                r.outputs() != null ? r.outputs() : List.of(Variable.REGION + ".rsi", s.focus() + ".balance");
        if (outputs.isEmpty()) {
            p.add("outputs", "expected at least one output, ACTOR.variable");
        }
        List<String> known =
                c.variables().stream().map(x -> x.actor() + "." + x.name()).toList();
        for (int k = 0; k < outputs.size(); k++) {
            if (!known.contains(outputs.get(k))) {
                p.add(
                        "outputs[" + k + "]",
                        "'" + outputs.get(k) + "' is not a variable of " + s.name() + " (expected ACTOR.variable,"
                                + " such as REGION.rsi or " + s.focus() + ".balance)",
                        Suggestions.didYouMean(outputs.get(k), known));
            }
        }
        int from = r.from() != null
                ? r.from()
                : Math.min(s.time().end(), Math.max(s.time().start(), s.time().lastObserved() + 1));
        if (from < s.time().start() || from > s.time().end()) {
            p.add(
                    "from",
                    from + " is outside the simulated years " + s.time().start() + ".."
                            + s.time().end());
        }
        p.throwIfAny();
        long cells =
                r.pointCount() * r.replicates() * outputs.size() * (r.table().equals("series") ? c.years() : 1);
        if (cells > SweepRequest.MAX_CELLS) {
            p.add(
                    "replicates",
                    r.pointCount() + " points × " + r.replicates() + " replicates × " + outputs.size() + " outputs"
                            + (r.table().equals("series") ? " × " + c.years() + " years" : "") + " is " + cells
                            + " values, more than " + SweepRequest.MAX_CELLS + " (fewer points, replicates or"
                            + " outputs, or the summary table)");
            p.throwIfAny();
        }
        return new SweepRequest(
                r.scenario(), r.seed(), r.design(), r.points(), r.replicates(), r.factors(), outputs, r.table(), from);
    }

    /** The design: {@code [point][factor]}, a Double or a category's label. */
    static Object[][] design(SweepRequest r) {
        List<SweepRequest.Factor> fs = r.factors();
        int k = fs.size();
        if (r.design().equals("lhs")) {
            int n = r.points();
            double[][] u = DiscoverStudy.latinHypercube(n, k, r.seed());
            Object[][] d = new Object[n][k];
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < k; f++) {
                    SweepRequest.Factor x = fs.get(f);
                    if (x.listed()) {
                        // the strata fall on the levels in equal runs: each level is used equally often (±1)
                        int size = x.values().size();
                        d[i][f] = level(x.values().get(Math.min(size - 1, (int) (u[i][f] * size))));
                    } else {
                        d[i][f] = x.min() + u[i][f] * (x.max() - x.min());
                    }
                }
            }
            return d;
        }
        List<List<Object>> levels = new ArrayList<>();
        for (SweepRequest.Factor x : fs) {
            List<Object> l = new ArrayList<>();
            if (x.listed()) {
                x.values().forEach(v -> l.add(level(v)));
            } else {
                for (int i = 0; i < x.steps(); i++) {
                    l.add(i == x.steps() - 1 ? x.max() : x.min() + i * (x.max() - x.min()) / (x.steps() - 1));
                }
            }
            levels.add(l);
        }
        int n = Math.toIntExact(r.pointCount());
        Object[][] d = new Object[n][k];
        for (int i = 0; i < n; i++) {
            int rest = i;
            for (int f = k - 1; f >= 0; f--) {
                // the first factor varies slowest, as a nested loop would
                int size = levels.get(f).size();
                d[i][f] = levels.get(f).get(rest % size);
                rest /= size;
            }
        }
        return d;
    }

    private static Object level(Object v) {
        return v instanceof Number n ? (Object) n.doubleValue() : v;
    }

    static StudyService.Outcome run(StudyService.Prepared p, SweepRequest r, StudyService.Context ctx)
            throws Exception {
        ConfiguredScenario cs = p.scenario();
        CompiledScenario c = cs.compiled();
        Object[][] design = design(r);
        List<String> names = r.factors().stream().map(SweepRequest.Factor::name).toList();
        boolean series = r.table().equals("series");
        SweepJob job = new SweepJob(cs, names, design, r.replicates(), r.seed(), r.outputs(), series, r.from());
        SweepJob.Rows rows = ctx.run(job, p.id());
        double[][] table = new double[Math.toIntExact(job.runs())][];
        for (int i = 0; i < table.length; i++) {
            table[i] = job.row(rows, i);
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("design", r.design());
        extras.put("points", design.length);
        extras.put("replicates", r.replicates());
        extras.put("commonRandomNumbers", "replicate k of every point uses run index k of the master seed");
        return new StudyService.Outcome(
                new StudyResult.Sweep(
                        cs.scenario(),
                        r.design(),
                        names,
                        design,
                        r.replicates(),
                        r.outputs(),
                        r.table(),
                        r.from(),
                        c.firstYear(),
                        c.years(),
                        table),
                r.seed(),
                job.runs(),
                ctx.executor().describe(),
                extras);
    }
}
