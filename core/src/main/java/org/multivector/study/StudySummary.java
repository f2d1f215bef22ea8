package org.multivector.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.bargain.Distribution;
import org.multivector.engine.Trajectory;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;

/**
 * A finished study as plain JSON-ready values (maps, lists, numbers; NaN and infinities as null): what the API
 * returns for a job and {@code --json} prints. The same function for every adapter, so both show the same numbers.
 */
public final class StudySummary {
    private StudySummary() {}

    /** The study's id, kind, manifest, location and the headline values of its kind. */
    public static Map<String, Object> of(StudyService.Completed c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("location", c.location());
        out.put("manifest", c.record().manifest());
        out.putAll(of(c.record(), c.result()));
        return out;
    }

    /**
     * The study's id, kind, scenario, resolved request and the headline values of its kind: what a study's
     * {@code summary.json} holds, so that a reopened study shows what its job showed.
     */
    public static Map<String, Object> of(StudyRecord r, StudyResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("studyId", r.id());
        out.put("kind", r.kind());
        out.put("scenario", r.scenario());
        out.put("scenarioHash", r.scenarioHash());
        out.put("request", request(r));
        out.putAll(values(result));
        return out;
    }

    /** The unit of a comparison metric, for axes and tables. */
    public static String unit(String metric) {
        if (metric.equals("rsi")) {
            return "RSI points (0-100)";
        } else if (metric.equals("incidents.expected")) {
            return "expected incidents per year";
        } else if (metric.equals("incident.p")) {
            return "probability of at least one incident per year";
        } else if (metric.endsWith(" balance")) {
            return "balance index (0-1)";
        } else if (metric.endsWith(" exposure")) {
            return "coercion exposure (0-1)";
        }
        return "";
    }

    /** The resolved request as the API takes it: kind, the scenario part's fields, then the kind's fields. */
    private static Map<String, Object> request(StudyRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", r.kind());
        if (r.manifest().get("scenarioChoice") instanceof Map<?, ?> choice) {
            choice.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        if (r.manifest().get("request") instanceof Map<?, ?> req) {
            req.forEach((k, v) -> {
                if (!k.equals("scenario") && !k.equals("kind")) {
                    out.put(String.valueOf(k), v);
                }
            });
        }
        return out;
    }

    /** The headline values of a result. */
    public static Map<String, Object> values(StudyResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        org.multivector.model.Scenario scenario = result instanceof StudyResult.Run x
                ? x.scenario()
                : result instanceof StudyResult.Ensemble x
                        ? x.scenario()
                        : result instanceof StudyResult.Comparison x
                                ? x.scenario()
                                : result instanceof StudyResult.Backtest x ? x.scenario() : null;
        if (scenario != null) {
            // the last year whose ties are observations: time charts mark it
            out.put("lastObserved", scenario.time().lastObserved());
        }
        if (result instanceof StudyResult.Run x) {
            Trajectory t = x.trajectory();
            out.put("years", years(t.firstYear(), t.lastYear() - t.firstYear() + 1));
            out.put("rsi", series(t, Variable.REGION, "rsi"));
            Map<String, Object> balance = new LinkedHashMap<>();
            for (Actor a : x.scenario().regionalStates()) {
                balance.put(a.id(), series(t, a.id(), "balance"));
            }
            out.put("balance", balance);
        } else if (result instanceof StudyResult.Ensemble x) {
            out.put("posterior", x.posterior());
            bands(out, x.scenario(), x.variables(), x.firstYear(), x.stats());
        } else if (result instanceof StudyResult.Backtest x) {
            bands(out, x.scenario(), x.variables(), x.firstYear(), x.stats());
            out.put("scores", scores(x.scores()));
        } else if (result instanceof StudyResult.Comparison x) {
            CompareAnswer answer = CompareAnswer.of(x);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("rope", finite(answer.rope()));
            a.put(
                    "ropeRule",
                    CompareAnswer.ROPE_SD
                            + " sd of the baseline's mean RSI over the years before the branch (Kruschke 2018)");
            a.put("posterior", x.posterior());
            a.put(
                    "interval",
                    answer.overPosterior()
                            ? CompareAnswer.CREDIBLE + " posterior predictive interval of the per-run ΔRSI"
                            : "0.95 confidence interval of the mean ΔRSI at the scenario's parameter values (runs'"
                                    + " randomness only)");
            Map<String, Object> verdicts = new LinkedHashMap<>();
            Map<String, Object> intervals = new LinkedHashMap<>();
            for (int k = 1; k < x.strategies().size(); k++) {
                verdicts.put(x.strategies().get(k), answer.verdict(k).name().toLowerCase(java.util.Locale.ROOT));
                Map<String, Object> iv = new LinkedHashMap<>();
                iv.put("mean", finite(x.stats().meanDiff(k, 0)));
                iv.put("lo", finite(answer.lo(k)));
                iv.put("hi", finite(answer.hi(k)));
                iv.put("pBetter", finite(x.stats().pBetter(k, 0)));
                if (answer.overPosterior()) {
                    double up = x.stats().diffShareAbove(k, answer.rope());
                    double down = x.stats().diffShareAbove(k, -answer.rope());
                    iv.put("pPracticallyBetter", finite(up));
                    iv.put("pEquivalent", finite(down - up));
                    iv.put("pPracticallyWorse", finite(1 - down));
                }
                intervals.put(x.strategies().get(k), iv);
            }
            a.put("verdicts", verdicts);
            a.put("deltaRsi", intervals);
            a.put("sentence", answer.sentence());
            out.put("answer", a);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int k = 0; k < x.strategies().size(); k++) {
                for (int m = 0; m < x.metrics().size(); m++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("strategy", x.strategies().get(k));
                    row.put("metric", x.metrics().get(m));
                    row.put("better", x.better().get(m) > 0 ? "higher" : "lower");
                    row.put("unit", unit(x.metrics().get(m)));
                    row.put("mean", finite(x.stats().mean(k, m)));
                    double d = x.stats().meanDiff(k, m);
                    double h = x.stats().diffHalfWidth(k, m);
                    row.put("diff", k == 0 ? null : finite(d));
                    row.put("lo", k == 0 ? null : finite(d - h));
                    row.put("hi", k == 0 ? null : finite(d + h));
                    row.put("pBetter", k == 0 ? null : finite(x.stats().pBetter(k, m)));
                    rows.add(row);
                }
            }
            if (x.decomposition() != null) {
                List<Map<String, Object>> dec = new ArrayList<>();
                StudyResult.Decomposition d = x.decomposition();
                for (int k = 1; k < x.strategies().size(); k++) {
                    for (int ch = 0; ch < d.channels().size(); ch++) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("strategy", x.strategies().get(k));
                        row.put("channel", d.channels().get(ch).id());
                        row.put("carried", finite(d.carried()[k][ch]));
                        dec.add(row);
                    }
                    Map<String, Object> rest = new LinkedHashMap<>();
                    rest.put("strategy", x.strategies().get(k));
                    rest.put("channel", "interaction");
                    rest.put("carried", finite(d.interaction(k)));
                    dec.add(rest);
                }
                out.put("decomposition", dec);
                out.put("decompositionRuns", d.runs());
            }
            out.put("actor", x.actor());
            out.put("branchYear", x.branchYear());
            out.put("baseline", x.strategies().get(0));
            out.put("rows", rows);
            // the RSI over time under each strategy (bands over runs)
            int rsiBand = x.bandVariables().indexOf(new Variable(Variable.REGION, "rsi"));
            out.put("years", years(x.firstYear(), x.stats().bands(0).years()));
            Map<String, Object> bands = new LinkedHashMap<>();
            for (int k = 0; k < x.strategies().size(); k++) {
                bands.put(x.strategies().get(k), columnBand(x.stats().bands(k), rsiBand));
            }
            out.put("rsiByStrategy", bands);
        } else if (result instanceof StudyResult.Discovery x) {
            out.put("actor", x.actor());
            out.put("baseline", x.baseline());
            out.put("alternative", x.alternative());
            out.put("branchYear", x.from());
            out.put("target", x.target());
            out.put("rope", finite(x.rope()));
            out.put("referenceDelta", finite(x.referenceDelta()));
            out.put("referenceVerdict", x.referenceVerdict());
            out.put("posterior", x.posterior());
            out.put("warnings", x.warnings());
            int cases = 0;
            for (int j = 0; j < x.delta().length; j++) {
                cases += x.isCase(j) ? 1 : 0;
            }
            out.put("points", x.delta().length);
            out.put("cases", cases);
            if (x.prim() != null) {
                List<Map<String, Object>> steps = new ArrayList<>();
                for (int t = 0; t < x.prim().trajectory().size(); t++) {
                    org.multivector.validate.Prim.Box b = x.prim().trajectory().get(t);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("step", t);
                    row.put("coverage", finite(b.coverage()));
                    row.put("density", finite(b.density()));
                    row.put("support", finite(b.support()));
                    row.put("restricted", b.restricted().size());
                    steps.add(row);
                }
                out.put("trajectory", steps);
                out.put("chosen", x.prim().chosen());
                org.multivector.validate.Prim.Box b = x.prim().box();
                List<Map<String, Object>> limits = new ArrayList<>();
                for (int d : b.restricted()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("parameter", x.parameters().get(d));
                    row.put("lo", finite(b.lo()[d]));
                    row.put("hi", finite(b.hi()[d]));
                    row.put("rangeLo", finite(x.lo()[d]));
                    row.put("rangeHi", finite(x.hi()[d]));
                    row.put("quasiP", finite(x.prim().quasiP()[d]));
                    limits.add(row);
                }
                Map<String, Object> box = new LinkedHashMap<>();
                box.put("coverage", finite(b.coverage()));
                box.put("density", finite(b.density()));
                box.put("support", finite(b.support()));
                box.put("limits", limits);
                out.put("box", box);
                out.put("tree", x.treeText());
            }
        } else if (result instanceof StudyResult.Sweep x) {
            out.put("design", x.design());
            out.put("factors", x.factors());
            out.put("replicates", x.replicates());
            out.put("outputs", x.outputs());
            out.put("table", x.table());
            out.put("from", x.from());
            List<Map<String, Object>> points = new ArrayList<>();
            for (int p = 0; p < x.levels().length && p < 1000; p++) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int f = 0; f < x.factors().size(); f++) {
                    row.put(x.factors().get(f), x.levels()[p][f]);
                }
                if (!x.series()) {
                    for (int o = 0; o < x.outputs().size(); o++) {
                        row.put("mean " + x.outputs().get(o), finite(x.mean(p, o)));
                    }
                }
                points.add(row);
            }
            out.put("points", points);
            out.put("pointCount", x.levels().length);
        } else if (result instanceof StudyResult.Sensitivity x) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StudyResult.SensitivityRow s : x.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("output", s.output());
                row.put("parameter", s.parameter());
                row.put("mu", finite(s.mu()));
                row.put("muStar", finite(s.muStar()));
                row.put("sigma", finite(s.sigma()));
                row.put("s1", finite(s.s1()));
                row.put("s1Lo", finite(s.s1Lo()));
                row.put("s1Hi", finite(s.s1Hi()));
                row.put("st", finite(s.st()));
                row.put("stLo", finite(s.stLo()));
                row.put("stHi", finite(s.stHi()));
                row.put("note", s.note());
                rows.add(row);
            }
            out.put("method", x.method());
            out.put("baseline", x.baseline());
            out.put("alternative", x.alternative());
            out.put("posterior", x.posterior());
            out.put("warnings", x.warnings());
            out.put("outputs", x.outputs());
            out.put("rows", rows);
        } else if (result instanceof StudyResult.Fit x) {
            out.put("startLoss", finite(x.search().start().combined()));
            out.put("fittedLoss", finite(x.search().best().combined()));
            Map<String, Object> fitted = new LinkedHashMap<>();
            for (int i = 0; i < x.fitted().size(); i++) {
                fitted.put(x.fitted().get(i).name(), finite(x.search().best().values()[i]));
            }
            out.put("fitted", fitted);
            List<Double> best = new ArrayList<>();
            for (double v : x.bestSoFar()) {
                best.add(finite(v));
            }
            out.put("bestSoFar", best);
        } else if (result instanceof StudyResult.Bargain x) {
            double[] o = x.history().weightedOutcome(x.history().turns());
            Map<String, Object> outcome = new LinkedHashMap<>();
            for (int d = 0; d < o.length; d++) {
                outcome.put(x.problem().dimensions().get(d), finite(o[d] * 100));
            }
            out.put("turns", x.history().turns());
            out.put("outcome", outcome);
            out.put("dimensions", x.problem().dimensions());
            List<Map<String, Object>> actors = new ArrayList<>();
            double[] p = x.history().finalWinProbability();
            for (int i = 0; i < x.problem().actorCount(); i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("actor", x.problem().actors().get(i).strip());
                List<Double> pos = new ArrayList<>();
                List<Double> start = new ArrayList<>();
                for (int d = 0; d < x.problem().dimensionCount(); d++) {
                    pos.add(finite(x.history().finalPositions()[i][d] * 100));
                    start.add(finite(x.history().positions().get(0)[i][d] * 100));
                }
                a.put("start", start);
                a.put("final", pos);
                a.put("probability", finite(p[i]));
                actors.add(a);
            }
            out.put("actors", actors);
        } else if (result instanceof StudyResult.BargainEnsemble x) {
            Map<String, Object> outcome = new LinkedHashMap<>();
            for (int d = 0; d < x.summary().dimensions().size(); d++) {
                Distribution s = x.summary().outcome().get(d);
                outcome.put(
                        x.summary().dimensions().get(d),
                        Map.of("mean", s.mean(), "p05", s.p05(), "p50", s.p50(), "p95", s.p95()));
            }
            out.put("outcome", outcome);
            out.put("dimensions", x.summary().dimensions());
            out.put("convergedShare", finite(x.summary().convergedShare()));
        }
        return out;
    }

    private static void bands(
            Map<String, Object> out,
            org.multivector.model.Scenario s,
            List<Variable> vars,
            int firstYear,
            SeriesStats st) {
        out.put("years", years(firstYear, st.years()));
        out.put("rsi", band(st, vars.indexOf(new Variable(Variable.REGION, "rsi"))));
        Map<String, Object> balance = new LinkedHashMap<>();
        for (Actor a : s.regionalStates()) {
            balance.put(a.id(), band(st, vars.indexOf(new Variable(a.id(), "balance"))));
        }
        out.put("balance", balance);
    }

    private static List<Map<String, Object>> scores(List<StudyResult.Scored> scored) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StudyResult.Scored s : scored) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pattern", s.pattern());
            m.put("n", s.n());
            Map<String, Object> per = new LinkedHashMap<>();
            s.scores().forEach((forecast, v) -> {
                Map<String, Object> x = new LinkedHashMap<>();
                for (int i = 0; i < s.metrics().size(); i++) {
                    x.put(s.metrics().get(i), finite(v[i]));
                }
                per.put(forecast, x);
            });
            m.put("scores", per);
            out.add(m);
        }
        return out;
    }

    private static List<Integer> years(int first, int n) {
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y.add(first + i);
        }
        return y;
    }

    /** The 5/25/50/75/95 % quantiles and the mean of variable k, per year. */
    private static Map<String, Object> band(SeriesStats st, int k) {
        return columnBand(st, st.indexOf(k));
    }

    /** The 5/25/50/75/95 % quantiles and the mean of the summary's column {@code col}, per year. */
    private static Map<String, Object> columnBand(SeriesStats st, int col) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
            List<Double> v = new ArrayList<>();
            for (int y = 0; y < st.years(); y++) {
                v.add(col < 0 ? null : finite(st.quantile(y, col, q)));
            }
            m.put(String.format(java.util.Locale.ROOT, "p%02d", Math.round(q * 100)), v);
        }
        List<Double> mean = new ArrayList<>();
        for (int y = 0; y < st.years(); y++) {
            mean.add(col < 0 ? null : finite(st.mean(y, col)));
        }
        m.put("mean", mean);
        return m;
    }

    private static List<Double> series(Trajectory t, String actor, String name) {
        int k = t.indexOf(actor, name);
        List<Double> v = new ArrayList<>();
        for (int y = t.firstYear(); y <= t.lastYear(); y++) {
            v.add(k < 0 ? null : finite(t.value(y, k)));
        }
        return v;
    }

    static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
