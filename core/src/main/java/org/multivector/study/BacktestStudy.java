package org.multivector.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.model.TieSeries;
import org.multivector.validate.ForecastScores;
import org.multivector.validate.Observations;

/**
 * {@code backtest}: the model run with nothing known after the training period ({@link Scenario#knownAt}) and
 * scored on the test period against naive baselines — trade shares (MAE, RMSE) against no-change and a linear
 * trend; state and dyad conflict (Brier, log score, AUROC; Brier 1950, Gneiting &amp; Raftery 2007) against the
 * training base rate and no-change.
 */
final class BacktestStudy {
    private BacktestStudy() {}

    static StudyService.Outcome run(StudyService.Prepared p, BacktestRequest r, StudyService.Context ctx)
            throws Exception {
        Scenario full = p.scenario().scenario();
        int[] tr = {r.train().from(), r.train().to()};
        int[] te = {r.test().from(), r.test().to()};
        int cut = tr[1];
        ConfiguredScenario known = p.scenario().knownAt(cut);
        EnsembleJob job = new EnsembleJob(known, r.seed(), r.runs());
        SeriesStats st = ctx.run(job, p.id());
        CompiledScenario c = known.compiled();
        List<StudyResult.Scored> results = new ArrayList<>(trade(full, c, st, tr, te));
        Observations obs = p.observations();
        boolean observedAvailable = obs != null;
        if (observedAvailable) {
            List<String> states = full.regionalStates().stream().map(Actor::id).toList();
            results.add(events("conflict (UCDP, state-year) vs unrest.p", c, st, tr, te, obs, states, true));
            results.add(events(
                    "interstate conflict (UCDP, dyad-year) vs incident hazard", c, st, tr, te, obs, states, false));
        }
        List<Map<String, Object>> scoreList = new ArrayList<>();
        for (StudyResult.Scored s : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pattern", s.pattern());
            m.put("n", s.n());
            s.scores().forEach(m::put);
            scoreList.add(m);
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("knownAt", cut);
        extras.put("scores", scoreList);
        String text = table(full, results, cut, te, observedAvailable);
        return new StudyService.Outcome(
                new StudyResult.Backtest(
                        full,
                        r.train(),
                        r.test(),
                        cut,
                        c.variables(),
                        c.firstYear(),
                        st,
                        results,
                        observedAvailable,
                        text),
                r.seed(),
                r.runs(),
                ctx.executor().describe(),
                extras);
    }

    /** Trade shares: model (ensemble mean, free after the cut) vs no-change and linear trend, in test years with data. */
    private static List<StudyResult.Scored> trade(
            Scenario full, CompiledScenario c, SeriesStats st, int[] tr, int[] te) {
        List<Variable> vars = c.variables();
        List<Double> f = new ArrayList<>();
        List<Double> nc = new ArrayList<>();
        List<Double> td = new ArrayList<>();
        List<Double> o = new ArrayList<>();
        org.multivector.model.Dimension dim = full.interdependenceDimension().orElse(null);
        if (dim == null) {
            return List.of();
        }
        java.util.Set<String> sources = new java.util.TreeSet<>();
        for (Actor a : full.regionalStates()) {
            TieSeries ts = full.tie(a.id(), dim.id()).orElse(null);
            if (ts != null && ts.provenance().source() != null) {
                sources.add(ts.provenance().label());
            }
            if (ts == null) {
                continue;
            }
            for (Pole p : full.poles()) {
                if (p.residual()) {
                    continue;
                }
                NavigableMap<Integer, Map<String, Double>> sh = ts.shares();
                List<double[]> trainPts = new ArrayList<>();
                for (var e : sh.subMap(tr[0], true, tr[1], true).entrySet()) {
                    Double v = e.getValue().get(p.id());
                    if (v != null && !v.isNaN()) {
                        trainPts.add(new double[] {e.getKey(), v});
                    }
                }
                if (trainPts.size() < 2) {
                    continue;
                }
                double[] fit = ols(trainPts);
                double last = trainPts.get(trainPts.size() - 1)[1];
                int k = vars.indexOf(new Variable(a.id(), "share." + dim.id() + "." + p.id()));
                for (var e : sh.subMap(te[0], true, te[1], true).entrySet()) {
                    Double v = e.getValue().get(p.id());
                    if (v == null || v.isNaN() || k < 0) {
                        continue;
                    }
                    int y = e.getKey();
                    f.add(st.mean(y - c.firstYear(), k));
                    nc.add(last);
                    td.add(Math.max(0, Math.min(1, fit[0] + fit[1] * y)));
                    o.add(v);
                }
            }
        }
        if (o.isEmpty()) {
            return List.of();
        }
        double[] obs = o.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, double[]> s = new LinkedHashMap<>();
        for (var e : Map.of("model", f, "no-change", nc, "trend", td).entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            s.put(e.getKey(), new double[] {ForecastScores.mae(x, obs), ForecastScores.rmse(x, obs)});
        }
        Map<String, double[]> ordered = new LinkedHashMap<>();
        for (String key : List.of("model", "no-change", "trend")) {
            ordered.put(key, s.get(key));
        }
        String from = sources.isEmpty()
                ? "assumed series"
                : sources.size() == 1 ? sources.iterator().next() : sources.size() + " sources";
        return List.of(new StudyResult.Scored(
                dim.name() + " share per state and pole (" + from + "; test years with data)",
                "continuous",
                obs.length,
                ordered,
                null));
    }

    private static double[] ols(List<double[]> pts) {
        double mx = 0;
        double my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= pts.size();
        my /= pts.size();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : pts) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        double b = sxx > 0 ? sxy / sxx : 0;
        return new double[] {my - b * mx, b};
    }

    /** Binary events: model probability vs climatology (training base rate) and no-change (last training year). */
    private static StudyResult.Scored events(
            String label,
            CompiledScenario c,
            SeriesStats st,
            int[] tr,
            int[] te,
            Observations obs,
            List<String> states,
            boolean perState) {
        List<Variable> vars = c.variables();
        List<String[]> units = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            if (perState) {
                units.add(new String[] {states.get(i), ""});
            } else {
                for (int j = i + 1; j < states.size(); j++) {
                    units.add(new String[] {states.get(i), states.get(j)});
                }
            }
        }
        String pattern = perState ? "conflict" : "conflict.interstate";
        double events = 0;
        int trainN = 0;
        for (String[] u : units) {
            for (int y = tr[0]; y <= tr[1]; y++) {
                Double v = obs.get(pattern, u[0], u[1], y);
                if (v != null) {
                    events += v > 0 ? 1 : 0;
                    trainN++;
                }
            }
        }
        double climatology = trainN > 0 ? events / trainN : 0;
        List<double[]> rows = new ArrayList<>(); // model, climatology, no-change, outcome
        for (String[] u : units) {
            Double lastV = obs.get(pattern, u[0], u[1], tr[1]);
            int k = perState
                    ? vars.indexOf(new Variable(u[0], "unrest.p"))
                    : vars.indexOf(new Variable(u[0] + "-" + u[1], "hazard"));
            for (int y = te[0]; y <= te[1]; y++) {
                Double v = obs.get(pattern, u[0], u[1], y);
                if (v == null || k < 0 || y - c.firstYear() >= st.years()) {
                    continue;
                }
                double p = st.mean(y - c.firstYear(), k);
                rows.add(new double[] {
                    Double.isNaN(p) ? 0 : p, climatology, lastV != null && lastV > 0 ? 1 : 0, v > 0 ? 1 : 0
                });
            }
        }
        double[] y = rows.stream().mapToDouble(r -> r[3]).toArray();
        Map<String, double[]> s = new LinkedHashMap<>();
        String[] names = {"model", "climatology", "no-change"};
        for (int m = 0; m < 3; m++) {
            int col = m;
            double[] p = rows.stream().mapToDouble(r -> r[col]).toArray();
            s.put(
                    names[m],
                    y.length == 0
                            ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                            : new double[] {
                                ForecastScores.brier(p, y), ForecastScores.logScore(p, y), ForecastScores.auroc(p, y)
                            });
        }
        return new StudyResult.Scored(
                label
                        + String.format(Locale.ROOT, ", %d events", (int)
                                java.util.Arrays.stream(y).sum()),
                "binary",
                y.length,
                s,
                y.length == 0
                        ? null
                        : List.of(ForecastScores.reliability(
                                rows.stream().mapToDouble(r -> r[0]).toArray(), y, 5)));
    }

    private static String table(
            Scenario s, List<StudyResult.Scored> results, int cut, int[] te, boolean observedAvailable) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT, "%s — backtest: known at the end of %d, scored on %d–%d%n", s.title(), cut, te[0], te[1]));
        for (StudyResult.Scored r : results) {
            b.append(String.format(Locale.ROOT, "%n%s (n = %d)%n", r.pattern(), r.n()));
            if (r.kind().equals("continuous")) {
                b.append(String.format("  %-12s %8s %8s%n", "forecast", "MAE", "RMSE"));
                r.scores()
                        .forEach(
                                (k, v) -> b.append(String.format(Locale.ROOT, "  %-12s %8.4f %8.4f%n", k, v[0], v[1])));
                double[] m = r.scores().get("model");
                boolean beats = r.scores().entrySet().stream()
                        .filter(e -> !e.getKey().equals("model"))
                        .allMatch(e -> m[0] < e.getValue()[0]);
                b.append(
                        beats
                                ? "  The model beats both baselines on MAE.\n"
                                : "  The model does NOT beat every baseline on MAE.\n");
            } else {
                b.append(String.format("  %-12s %8s %8s %8s%n", "forecast", "Brier", "log", "AUROC"));
                r.scores()
                        .forEach((k, v) -> b.append(
                                String.format(Locale.ROOT, "  %-12s %8.4f %8.4f %8.3f%n", k, v[0], v[1], v[2])));
                double[] m = r.scores().get("model");
                boolean beats = r.scores().entrySet().stream()
                        .filter(e -> !e.getKey().equals("model"))
                        .allMatch(e -> m[0] < e.getValue()[0]);
                b.append(
                        beats
                                ? "  The model beats both baselines on the Brier score.\n"
                                : "  The model does NOT beat every baseline on the Brier score.\n");
                if (r.reliability() != null) {
                    b.append("  Reliability of the model (forecast bin: n, mean forecast, observed frequency):\n");
                    for (ForecastScores.ReliabilityBin bin : r.reliability()) {
                        if (bin.count() > 0) {
                            b.append(String.format(
                                    Locale.ROOT,
                                    "    %.1f-%.1f: %4d  %.3f  %.3f%n",
                                    bin.from(),
                                    bin.to(),
                                    bin.count(),
                                    bin.meanForecast(),
                                    bin.observedFrequency()));
                        }
                    }
                }
            }
        }
        if (!observedAvailable) {
            b.append(
                    "\nNo observed patterns beside the scenario (NAME.observed.csv next to NAME.yaml; docs/VALIDATION.md):"
                            + " incidents and conflicts are not scored.\n");
        }
        return b.toString();
    }
}
