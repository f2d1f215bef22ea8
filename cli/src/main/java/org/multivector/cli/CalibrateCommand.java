package org.multivector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.multivector.engine.CompiledScenario;
import org.multivector.model.Parameter;
import org.multivector.model.ParameterKey;
import org.multivector.model.Scenario;
import org.multivector.store.ResultsDatabase;
import org.multivector.store.RunDirectory;
import org.multivector.study.StudyExecutor;
import org.multivector.study.StudyRunner;
import org.multivector.validate.Calibration;
import org.multivector.validate.CalibrationTargets;
import org.multivector.validate.CmaEs;
import org.multivector.validate.Observations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector calibrate}: fits the scenario's parameters to the observed patterns of a training period. */
@Command(
        name = "calibrate",
        description = "Fit the parameters with ranges to the observed patterns of the training period (trade and"
                + " UN-vote ties, UCDP conflicts, COW MIDs) by CMA-ES on free runs; writes a parameter overlay"
                + " (source: calibration <id>), the loss per pattern and a report.")
final class CalibrateCommand implements Callable<Integer> {
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
            names = "--parameters",
            split = ",",
            paramLabel = "NAME",
            description = "Parameters to fit (default: every parameter with a range that enters the dynamics;"
                    + " the RSI's weights and scales and the structural-balance threshold only define measures).")
    List<String> parameters;

    @Option(
            names = "--runs-per-point",
            defaultValue = "16",
            description = "Runs per parameter point, the same runs at every point (default: ${DEFAULT-VALUE}).")
    int runsPerPoint;

    @Option(
            names = "--max-evaluations",
            defaultValue = "4000",
            description = "CMA-ES evaluation budget (default: ${DEFAULT-VALUE}).")
    int maxEvaluations;

    @Option(
            names = "--sigma",
            defaultValue = "0.2",
            description = "Initial CMA-ES step size as a share of each parameter's range (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--population", description = "CMA-ES population size (default: 4 + 3 ln(number of parameters)).")
    Integer population;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        study.check();
        if (spec.commandLine().getParseResult().hasMatchedOption("--runs")) {
            throw new IllegalArgumentException(
                    "--runs: calibrate takes --runs-per-point (runs at every parameter point)");
        }
        if (runsPerPoint < 1 || runsPerPoint > 100_000) {
            throw new IllegalArgumentException("--runs-per-point must be 1..100000, got " + runsPerPoint);
        }
        if (maxEvaluations < 1 || maxEvaluations > 10_000_000) {
            throw new IllegalArgumentException("--max-evaluations must be 1..10000000, got " + maxEvaluations);
        }
        int[] tr = BacktestCommand.range("--train", train);
        Scenario full = scenarioOption.load();
        if (tr[0] <= full.time().start() || tr[1] > full.time().end()) {
            throw new IllegalArgumentException("--train " + train + ": must lie after "
                    + full.time().start() + " (the free run starts in the first year) and end by "
                    + full.time().end());
        }
        List<Parameter> fitted = choose(full);
        String[] names = fitted.stream().map(Parameter::name).toArray(String[]::new);
        double[] lo = fitted.stream().mapToDouble(Parameter::min).toArray();
        double[] hi = fitted.stream().mapToDouble(Parameter::max).toArray();
        double[] start = fitted.stream().mapToDouble(Parameter::value).toArray();
        int pop = population != null ? population : CmaEs.defaultPopulation(names.length);
        if (pop < 2 || pop > 10_000) {
            throw new IllegalArgumentException("--population must be 2..10000, got " + pop);
        }

        StudySupport.Prepared prepared =
                StudySupport.prepare(scenarioOption, List.of(), full.time().start(), tr[1]);
        Scenario trainScenario = prepared.scenario();
        Observations obs = Observations.forScenario(full.name()).orElse(null);
        CalibrationTargets targets = CalibrationTargets.of(
                trainScenario,
                CompiledScenario.of(
                        trainScenario.withLastObserved(trainScenario.time().start() - 1)),
                obs,
                tr[0],
                tr[1]);
        if (targets.patterns().isEmpty()) {
            throw new IllegalArgumentException("--train " + train + ": the scenario has no observed ties (and no"
                    + " shipped observed patterns) in these years, so there is nothing to fit");
        }
        Calibration.Setup setup = new Calibration.Setup(
                prepared.spec(), targets, names, lo, hi, start, runsPerPoint, study.seed, sigma, pop, maxEvaluations);
        String fingerprint = full.hash() + "-calibrate-" + train + "-" + String.join(",", names) + "-" + study.seed
                + "-" + runsPerPoint + "-" + maxEvaluations + "-" + sigma + "-" + pop;
        String id = "cal-" + sha256(fingerprint).substring(0, 10);
        String name = study.name != null ? study.name : full.name() + "-calibration-" + train + "-seed" + study.seed;
        Path checkpoint = StudySupport.checkpoint(study, name);
        List<Calibration.Evaluation> replay = study.resume ? readCheckpoint(checkpoint, fingerprint, setup) : null;

        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        long[] lastSave = {System.nanoTime()};
        int[] lastDecile = {-1};
        StudySupport.StopOnSignal signal = new StudySupport.StopOnSignal();
        Calibration.Result result;
        String executor;
        try (StudyExecutor ex = StudySupport.executor(study)) {
            executor = ex.describe();
            result = Calibration.run(
                    setup,
                    ex,
                    replay,
                    log -> {
                        if (System.nanoTime() - lastSave[0] > 2_000_000_000L) {
                            writeCheckpoint(checkpoint, fingerprint, log);
                            lastSave[0] = System.nanoTime();
                        }
                        int decile = (int) (10L * log.size() / (maxEvaluations + 1));
                        if (!study.quiet && decile != lastDecile[0]) {
                            lastDecile[0] = decile;
                            double best = log.stream()
                                    .mapToDouble(Calibration.Evaluation::combined)
                                    .min()
                                    .orElse(Double.NaN);
                            err.printf(
                                    Locale.ROOT,
                                    "calibrate: %d/%d evaluations, best loss %.4f, %.1f s%n",
                                    log.size(),
                                    maxEvaluations + 1,
                                    best,
                                    (System.nanoTime() - t0) / 1e9);
                            err.flush();
                        }
                    },
                    signal::stopRequested);
        } catch (StudyRunner.Stopped stopped) {
            StudySupport.stopped(spec, stopped, study.resume);
            return 130;
        } finally {
            signal.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        Calibration.Evaluation best = result.best();
        Calibration.Evaluation first = result.start();
        String method = String.format(
                Locale.ROOT,
                "CMA-ES (Apache Commons Math 3.6.1, active CMA, population %d, sigma %.3g of each range, seed %d)"
                        + " on free runs %d-%d, %d runs per point (common random numbers), loss = geometric mean"
                        + " over patterns of loss / climatology",
                pop,
                sigma,
                study.seed,
                trainScenario.time().start(),
                tr[1],
                runsPerPoint);
        String overlay = overlayYaml(full, id, method, best, first, fitted, result);
        String text = text(full, id, method, targets, result, fitted, seconds);
        Map<String, Object> manifest = RunCommand.manifest(full, scenarioOption.describe(), "calibrate", study.seed);
        manifest.put("studyId", id);
        manifest.put("train", train);
        manifest.put("method", method);
        manifest.put("executor", executor);
        manifest.put("evaluations", result.log().size());
        manifest.put("stop", result.search().stop());
        manifest.put("startLoss", first.combined());
        manifest.put("fittedLoss", best.combined());
        Map<String, Object> fittedValues = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            fittedValues.put(names[i], best.values()[i]);
        }
        manifest.put("fitted", fittedValues);
        double[] losses = result.log().stream()
                .mapToDouble(Calibration.Evaluation::combined)
                .toArray();
        double[] bestSoFar = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            bestSoFar[i] = i == 0 ? losses[0] : Math.min(bestSoFar[i - 1], losses[i]);
        }
        String report = report(full, id, targets, result, fitted, bestSoFar, text);
        Path dir = RunDirectory.writeAtomically(study.out, name, tmp -> {
            RunDirectory.writeJson(tmp.resolve("manifest.json"), manifest);
            Files.writeString(tmp.resolve("overlay.yaml"), overlay, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("calibration.txt"), text, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("trace.csv"), trace(targets, names, result), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), report, StandardCharsets.UTF_8);
        });
        List<ResultsDatabase.ScoreRow> scores = new ArrayList<>();
        for (int p = 0; p < targets.patterns().size(); p++) {
            CalibrationTargets.Pattern pt = targets.patterns().get(p);
            String metric = pt.binary() ? "brier" : "mae";
            scores.add(new ResultsDatabase.ScoreRow(pt.id(), "start", pt.n(), metric, first.losses()[p]));
            scores.add(new ResultsDatabase.ScoreRow(pt.id(), "fitted", pt.n(), metric, best.losses()[p]));
            scores.add(new ResultsDatabase.ScoreRow(pt.id(), "climatology", pt.n(), metric, pt.reference()));
        }
        List<ResultsDatabase.FittedParameter> params = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            params.add(new ResultsDatabase.FittedParameter(names[i], start[i], best.values()[i], lo[i], hi[i]));
        }
        String manifestJson = new ObjectMapper().writeValueAsString(manifest);
        ResultsDatabase.with(
                study.out,
                db -> db.writeCalibration(
                        new ResultsDatabase.Study(
                                id,
                                "calibration",
                                full.name(),
                                full.hash(),
                                study.seed,
                                (long) result.log().size() * runsPerPoint,
                                executor,
                                manifestJson),
                        scores,
                        params,
                        losses,
                        bestSoFar));
        StudySupport.deleteCheckpoint(checkpoint);
        if (!study.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.printf(
                    "%nWrote %s/ (overlay.yaml, calibration.txt, trace.csv, manifest.json, report.html) and %s%n"
                            + "Use the fit with --overlay %s, e.g. multivector backtest --overlay %s%n",
                    dir,
                    study.out.resolve(ResultsDatabase.FILE),
                    dir.resolve("overlay.yaml"),
                    dir.resolve("overlay.yaml"));
            out.flush();
        }
        return 0;
    }

    private List<Parameter> choose(Scenario s) {
        List<Parameter> out = new ArrayList<>();
        if (parameters == null || parameters.isEmpty()) {
            for (Parameter p : s.parameters().values()) {
                boolean measurement = ParameterKey.fromId(p.name())
                        .map(ParameterKey::measurementOnly)
                        .orElse(false);
                if (p.max() > p.min() && !measurement) {
                    out.add(p);
                }
            }
            out.sort(Comparator.comparing(Parameter::name));
            return out;
        }
        for (String n : parameters) {
            Parameter p = s.parameters().get(n);
            if (p == null) {
                throw new IllegalArgumentException("--parameters: '" + n + "' is not a parameter of " + s.name()
                        + " (its parameters block lists them; docs/SCENARIO.md)");
            }
            if (!(p.max() > p.min())) {
                throw new IllegalArgumentException("--parameters: '" + n + "' has no range to fit in");
            }
            if (out.contains(p)) {
                throw new IllegalArgumentException("--parameters: '" + n + "' is listed twice");
            }
            out.add(p);
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeCheckpoint(Path file, String fingerprint, List<Calibration.Evaluation> log)
            throws java.io.IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", fingerprint);
        List<Map<String, Object>> ev = new ArrayList<>();
        for (Calibration.Evaluation e : log) {
            ev.add(Map.of("x", e.x(), "losses", e.losses(), "combined", e.combined()));
        }
        m.put("evaluations", ev);
        RunDirectory.writeFileAtomically(file, new ObjectMapper().writeValueAsBytes(m));
    }

    private static List<Calibration.Evaluation> readCheckpoint(Path file, String fingerprint, Calibration.Setup s)
            throws java.io.IOException {
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (!fingerprint.equals(root.path("fingerprint").asText())) {
            throw new IllegalArgumentException("--resume: the checkpoint " + file
                    + " belongs to a calibration with other settings; remove it or drop --resume");
        }
        List<Calibration.Evaluation> out = new ArrayList<>();
        for (JsonNode e : root.path("evaluations")) {
            double[] x = doubles(e.path("x"));
            double[] values = s.toValues(x);
            out.add(new Calibration.Evaluation(
                    x, values, doubles(e.path("losses")), e.path("combined").asDouble()));
        }
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    private static String q(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String overlayYaml(
            Scenario full,
            String id,
            String method,
            Calibration.Evaluation best,
            Calibration.Evaluation first,
            List<Parameter> fitted,
            Calibration.Result result) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by: multivector ")
                .append(String.join(" ", spec.commandLine().getParseResult().originalArgs()))
                .append('\n');
        b.append("# Apply with --overlay FILE; docs/VALIDATION.md explains the fit.\n");
        b.append("overlay: ").append(q(full.name())).append('\n');
        b.append("calibration:\n");
        b.append("  id: ").append(q(id)).append('\n');
        b.append("  scenarioHash: ").append(q(full.hash())).append('\n');
        b.append("  train: ").append(q(train)).append('\n');
        b.append("  method: ").append(q(method)).append('\n');
        b.append("  evaluations: ").append(result.log().size()).append('\n');
        b.append("  stop: ").append(q(result.search().stop())).append('\n');
        b.append("  startLoss: ").append(first.combined()).append('\n');
        b.append("  fittedLoss: ").append(best.combined()).append('\n');
        b.append("parameters:\n");
        for (int i = 0; i < fitted.size(); i++) {
            Parameter p = fitted.get(i);
            String prov = "calibration " + id + ": fitted to " + train + " (start " + p.value() + ": "
                    + p.provenance().note() + ")";
            b.append("  ")
                    .append(p.name())
                    .append(": {value: ")
                    .append(best.values()[i])
                    .append(", source: ")
                    .append(q(prov))
                    .append("}\n");
        }
        return b.toString();
    }

    private static boolean atBound(double v, double lo, double hi) {
        return v - lo <= 0.01 * (hi - lo) || hi - v <= 0.01 * (hi - lo);
    }

    private String text(
            Scenario full,
            String id,
            String method,
            CalibrationTargets targets,
            Calibration.Result r,
            List<Parameter> fitted,
            double seconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s — calibration %s on %s%n%s%n%d evaluations in %.1f s; %s.%n",
                full.title(),
                id,
                train,
                method,
                r.log().size(),
                seconds,
                r.search().stop()));
        b.append(String.format(
                Locale.ROOT,
                "%nLoss (geometric mean of loss / reference; 1 = as good as the naive forecast): start %.4f, fitted %.4f%n",
                r.start().combined(),
                r.best().combined()));
        b.append(String.format(
                Locale.ROOT,
                "%n%-16s %6s %-7s %10s %10s %10s%n",
                "pattern",
                "n",
                "metric",
                "start",
                "fitted",
                "reference"));
        for (int p = 0; p < targets.patterns().size(); p++) {
            CalibrationTargets.Pattern pt = targets.patterns().get(p);
            b.append(String.format(
                    Locale.ROOT,
                    "%-16s %6d %-7s %10.4f %10.4f %10.4f%s%n",
                    pt.id(),
                    pt.n(),
                    pt.binary() ? "Brier" : "MAE",
                    r.start().losses()[p],
                    r.best().losses()[p],
                    pt.reference(),
                    r.best().losses()[p] < pt.reference() ? "" : "  (not better than the reference)"));
        }
        b.append("  reference: climatology, the period mean of each series (ties) or the base rate (events)\n");
        b.append(String.format(
                Locale.ROOT, "%n%-28s %10s %10s %10s %10s%n", "parameter", "start", "fitted", "min", "max"));
        Integer[] order = new Integer[fitted.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.comparingDouble(
                        i -> -Math.abs(r.best().x()[i] - r.start().x()[i])));
        for (int i : order) {
            Parameter p = fitted.get(i);
            double v = r.best().values()[i];
            b.append(String.format(
                    Locale.ROOT,
                    "%-28s %10.4g %10.4g %10.4g %10.4g%s%n",
                    p.name(),
                    p.value(),
                    v,
                    p.min(),
                    p.max(),
                    atBound(v, p.min(), p.max()) ? "  at a bound of its range" : ""));
        }
        b.append("(sorted by how far each moved, in shares of its range)\n");
        return b.toString();
    }

    private static String trace(CalibrationTargets targets, String[] names, Calibration.Result r) {
        StringBuilder b = new StringBuilder("evaluation,loss");
        for (CalibrationTargets.Pattern p : targets.patterns()) {
            b.append(',').append(p.id());
        }
        for (String n : names) {
            b.append(',').append(n);
        }
        b.append('\n');
        for (int i = 0; i < r.log().size(); i++) {
            Calibration.Evaluation e = r.log().get(i);
            b.append(i).append(',').append(e.combined());
            for (double l : e.losses()) {
                b.append(',').append(l);
            }
            for (double v : e.values()) {
                b.append(',').append(v);
            }
            b.append('\n');
        }
        return b.toString();
    }

    private String report(
            Scenario full,
            String id,
            CalibrationTargets targets,
            Calibration.Result r,
            List<Parameter> fitted,
            double[] bestSoFar,
            String text) {
        StringBuilder b = new StringBuilder(StudyReport.head(
                full.title() + " — calibration " + id,
                "training years " + train + " · " + r.log().size() + " evaluations · " + runsPerPoint
                        + " runs per point"));
        double[] x = new double[bestSoFar.length];
        double[] each = new double[bestSoFar.length];
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            each[i] = r.log().get(i).combined();
            max = Math.max(max, Math.min(each[i], 3 * r.start().combined()));
        }
        b.append(HtmlReport.chart(
                "Combined loss per evaluation (dots) and best so far (line); 1 = naive reference",
                x,
                List.of(
                        new HtmlReport.Line("evaluation", each, HtmlReport.COLOURS[3], true),
                        new HtmlReport.Line("best so far", bestSoFar, HtmlReport.COLOURS[0], false)),
                0,
                Math.max(1.1, max),
                900));
        List<StudyReport.Row> rows = new ArrayList<>();
        for (int i = 0; i < fitted.size(); i++) {
            double move = r.best().x()[i] - r.start().x()[i];
            rows.add(new StudyReport.Row(fitted.get(i).name(), move, Double.NaN, Double.NaN));
        }
        rows.sort(Comparator.comparingDouble(row -> -Math.abs(row.estimate())));
        b.append(StudyReport.forest(
                "Change of each parameter from its start value, in shares of its range (fitted − start)", rows, 900));
        b.append("<pre>").append(HtmlReport.esc(text)).append("</pre></body></html>");
        return b.toString();
    }
}
