package org.multivector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.Callable;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.model.TieSeries;
import org.multivector.store.ResultsDatabase;
import org.multivector.store.RunDirectory;
import org.multivector.study.EnsembleJob;
import org.multivector.study.SeriesStats;
import org.multivector.validate.ForecastScores;
import org.multivector.validate.Observations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector backtest}: the model run from the end of a training period, scored on what followed. */
@Command(
        name = "backtest",
        description = "Run the model with nothing known after the training period (Scenario.knownAt) and score it"
                + " on the test period against no-change, trend and climatology baselines.")
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    ScenarioOption scenarioOption = new ScenarioOption();

    @Mixin
    StudyOptions study = new StudyOptions();

    @Option(
            names = "--train",
            defaultValue = "1992-2008",
            description = "Training years FROM-TO (default: ${DEFAULT-VALUE}).")
    String train;

    @Option(
            names = "--test",
            defaultValue = "2009-2024",
            description = "Test years FROM-TO (default: ${DEFAULT-VALUE}).")
    String test;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static int[] range(String option, String text) {
        if (!text.matches("\\d{4}-\\d{4}")) {
            throw new IllegalArgumentException(
                    option + " '" + text + "' is not a year range (expected e.g. 1992-2008)");
        }
        int a = Integer.parseInt(text.substring(0, 4));
        int b = Integer.parseInt(text.substring(5));
        if (a > b) {
            throw new IllegalArgumentException(option + " '" + text + "': the first year is after the last");
        }
        return new int[] {a, b};
    }

    /** One scored pattern: forecasts of the model and baselines against outcomes. */
    record Scored(
            String pattern,
            String kind,
            int n,
            Map<String, double[]> scores,
            ForecastScores.ReliabilityBin[] reliability) {}

    @Override
    public Integer call() throws Exception {
        study.check();
        int[] tr = range("--train", train);
        int[] te = range("--test", test);
        StudySupport.Prepared prepared = StudySupport.prepare(scenarioOption, List.of(), null, null);
        Scenario full = prepared.scenario();
        if (tr[0] < full.time().start() || te[1] > full.time().end() || te[0] != tr[1] + 1) {
            throw new IllegalArgumentException("--train/--test: need "
                    + full.time().start() + " <= train, test directly" + " after train, and test ending by "
                    + full.time().end() + " (got " + train + ", " + test + ")");
        }
        int cut = tr[1];
        EnsembleJob job = new EnsembleJob(prepared.spec().knownAt(cut), study.seed, study.runs);
        String name = study.name != null
                ? study.name
                : full.name() + "-backtest-" + train + "-" + test + "-seed" + study.seed + "-n" + study.runs;
        String studyId = full.hash() + "-backtest-" + train + "-" + test + "-" + study.seed + "-" + study.runs;
        Path checkpoint = StudySupport.checkpoint(study, name);
        StudySupport.Outcome<SeriesStats> outcome = StudySupport.run(spec, study, job, studyId, checkpoint, "backtest");
        if (outcome == null) {
            return 130;
        }
        SeriesStats st = outcome.total();
        String executor = outcome.executor();
        CompiledScenario c = job.spec().compiled();
        List<Scored> results = new ArrayList<>();
        results.addAll(trade(full, c, st, tr, te));
        Observations obs = Observations.forScenario(full.name()).orElse(null);
        boolean observedAvailable = obs != null;
        if (observedAvailable) {
            List<String> states = full.regionalStates().stream().map(Actor::id).toList();
            results.add(events("conflict (UCDP, state-year) vs unrest.p", c, st, tr, te, obs, states, true));
            results.add(events(
                    "interstate conflict (UCDP, dyad-year) vs incident hazard", c, st, tr, te, obs, states, false));
        }
        Map<String, Object> manifest = RunCommand.manifest(full, scenarioOption.describe(), "backtest", study.seed);
        manifest.put("studyId", studyId);
        manifest.put("train", train);
        manifest.put("test", test);
        manifest.put("knownAt", cut);
        manifest.put("runs", study.runs);
        manifest.put("executor", executor);
        List<Map<String, Object>> scoreList = new ArrayList<>();
        for (Scored r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pattern", r.pattern());
            m.put("n", r.n());
            r.scores().forEach((k, v) -> m.put(k, v));
            scoreList.add(m);
        }
        manifest.put("scores", scoreList);
        String text = table(full, results, cut, te, observedAvailable);
        Path dir = RunDirectory.writeAtomically(study.out, name, tmp -> {
            RunDirectory.writeJson(tmp.resolve("manifest.json"), manifest);
            Files.writeString(tmp.resolve("backtest.txt"), text, StandardCharsets.UTF_8);
            Files.writeString(
                    tmp.resolve("report.html"),
                    StudyReport.head(
                                    full.title() + " — backtest " + train + " / " + test,
                                    "scenario " + full.name() + " · " + study.runs + " runs · known at the end of "
                                            + cut)
                            + reliabilityFigures(results) + "<pre>" + HtmlReport.esc(text) + "</pre></body></html>",
                    StandardCharsets.UTF_8);
        });
        String manifestJson = new ObjectMapper().writeValueAsString(manifest);
        List<ResultsDatabase.ScoreRow> scoreRows = new ArrayList<>();
        for (Scored r : results) {
            List<String> metrics =
                    r.kind().equals("continuous") ? List.of("mae", "rmse") : List.of("brier", "log", "auroc");
            r.scores().forEach((forecast, v) -> {
                for (int m = 0; m < metrics.size(); m++) {
                    scoreRows.add(new ResultsDatabase.ScoreRow(r.pattern(), forecast, r.n(), metrics.get(m), v[m]));
                }
            });
        }
        ResultsDatabase.with(
                study.out,
                db -> db.writeBacktest(
                        new ResultsDatabase.Study(
                                studyId,
                                "backtest",
                                full.name(),
                                full.hash(),
                                study.seed,
                                study.runs,
                                executor,
                                manifestJson),
                        "known-at-" + cut,
                        c.variables(),
                        c.firstYear(),
                        st,
                        scoreRows));
        StudySupport.deleteCheckpoint(checkpoint);
        if (!study.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.printf(
                    "%nWrote %s/ (backtest.txt, manifest.json, report.html) and %s%n",
                    dir, study.out.resolve(ResultsDatabase.FILE));
            out.flush();
        }
        return 0;
    }

    /** Trade shares: model (ensemble mean, free after the cut) vs no-change and linear trend, in test years with data. */
    private static List<Scored> trade(Scenario full, CompiledScenario c, SeriesStats st, int[] tr, int[] te) {
        List<Variable> vars = c.variables();
        List<Double> f = new ArrayList<>();
        List<Double> nc = new ArrayList<>();
        List<Double> td = new ArrayList<>();
        List<Double> o = new ArrayList<>();
        for (Actor a : full.regionalStates()) {
            TieSeries ts = full.tie(a.id(), "trade").orElse(null);
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
                    if (v != null) {
                        trainPts.add(new double[] {e.getKey(), v});
                    }
                }
                if (trainPts.size() < 2) {
                    continue;
                }
                double[] fit = ols(trainPts);
                double last = trainPts.get(trainPts.size() - 1)[1];
                int k = vars.indexOf(new Variable(a.id(), "share.trade." + p.id()));
                for (var e : sh.subMap(te[0], true, te[1], true).entrySet()) {
                    Double v = e.getValue().get(p.id());
                    if (v == null || k < 0) {
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
        return List.of(new Scored(
                "trade share per state and pole (COW, test years with data)", "continuous", obs.length, ordered, null));
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
    private static Scored events(
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
        return new Scored(
                label
                        + String.format(Locale.ROOT, ", %d events", (int)
                                java.util.Arrays.stream(y).sum()),
                "binary",
                y.length,
                s,
                y.length == 0
                        ? null
                        : ForecastScores.reliability(
                                rows.stream().mapToDouble(r -> r[0]).toArray(), y, 5));
    }

    private static String reliabilityFigures(List<Scored> results) {
        StringBuilder b = new StringBuilder();
        for (Scored r : results) {
            if (r.reliability() != null) {
                b.append(StudyReport.reliability("Reliability of the model: " + r.pattern(), r.reliability(), 380));
            }
        }
        return b.toString();
    }

    private static String table(Scenario s, List<Scored> results, int cut, int[] te, boolean observedAvailable) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT, "%s — backtest: known at the end of %d, scored on %d–%d%n", s.title(), cut, te[0], te[1]));
        for (Scored r : results) {
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
            b.append("\nIncidents and conflicts are scored only for scenarios whose observed patterns ship with"
                    + " Multivector (scenario name central-asia).\n");
        }
        return b.toString();
    }
}
