package org.multivector.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.model.Structural;
import org.multivector.validate.AbcSmc;
import org.multivector.validate.Calibration;
import org.multivector.validate.CalibrationTargets;
import org.multivector.validate.Observations;

/**
 * {@code calibrate}: fits parameters to the observed patterns of a training period ({@link Calibration}: CMA-ES
 * of Hansen &amp; Ostermeier 2001 on free runs); writes a parameter overlay whose values carry
 * {@code source: calibration <id>}, the loss per pattern and the trace. Resumable: the search is deterministic,
 * so a checkpoint is the log of evaluations, replayed bit for bit.
 */
final class CalibrateStudy {
    private CalibrateStudy() {}

    /** Metropolis moves per particle and ABC-SMC generation. */
    static final int ABC_MOVES = 2;

    static StudyService.Outcome run(StudyService.Prepared p, CalibrateRequest r, StudyService.Context ctx)
            throws Exception {
        Scenario full = p.scenario().scenario();
        List<Parameter> candidates = CalibrateRequest.fitted(full, r.parameters(), r.structural());
        ConfiguredScenario training =
                p.scenario().withYears(full.time().start(), r.train().to());
        Scenario trainScenario = training.scenario();
        Observations obs = p.observations();
        CalibrationTargets targets = CalibrationTargets.of(
                trainScenario,
                org.multivector.engine.CompiledScenario.of(
                        trainScenario.withLastObserved(trainScenario.time().start() - 1)),
                obs,
                r.train().from(),
                r.train().to());
        if (targets.patterns().isEmpty()) {
            throw RequestException.of(
                    "train",
                    r.train() + ": the scenario has no observed ties (and no shipped observed patterns) in these"
                            + " years, so there is nothing to fit");
        }
        List<String> uninformed = uninformed(setup(training, targets, candidates, r), ctx.executor());
        List<String> namedUninformed = r.parameters() == null
                ? List.of()
                : uninformed.stream().filter(r.parameters()::contains).toList();
        if (!namedUninformed.isEmpty()) {
            throw RequestException.of(
                    "parameters",
                    "no observed pattern responds to " + String.join(", ", namedUninformed) + " over "
                            + (namedUninformed.size() == 1 ? "its range" : "their ranges") + " (patterns here: "
                            + patternNames(targets) + "), so nothing can inform "
                            + (namedUninformed.size() == 1 ? "it" : "them")
                            + ": leave them out, or give observed patterns that they affect");
        }
        List<Parameter> fitted =
                candidates.stream().filter(x -> !uninformed.contains(x.name())).toList();
        if (fitted.isEmpty()) {
            throw RequestException.of(
                    "parameters",
                    "no parameter changes any observed pattern of " + r.train() + " (" + patternNames(targets)
                            + "): nothing to fit");
        }
        String[] names = fitted.stream().map(Parameter::name).toArray(String[]::new);
        Calibration.Setup setup = setup(training, targets, fitted, r);
        CheckpointStore.Slot slot = ctx.checkpoint();
        List<Calibration.Evaluation> replay = ctx.execution().resume() ? read(slot, p.id(), setup) : null;
        long[] lastSave = {System.nanoTime()};
        boolean abc = r.method().equals(CalibrateRequest.ABC_SMC);
        AbcSmc.Settings abcSettings =
                new AbcSmc.Settings(r.particles(), r.generations(), 0.5, 0.1, ABC_MOVES, r.seed());
        // for ABC-SMC the total is at most: the start, the prior sample, the moves of each later generation, the median
        long total = abc
                ? 2L + (long) r.chains() * r.particles() * (1L + (long) ABC_MOVES * (r.generations() - 1))
                : r.maxEvaluations() + 1L;
        boolean[] categorical = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            categorical[i] = !Structural.categories(full, names[i]).isEmpty();
        }
        List<List<Calibration.Evaluation>> latest = new ArrayList<>(List.of(List.of()));
        Calibration.Result result;
        try {
            Calibration.Listener listener = log -> {
                latest.set(0, log);
                if (System.nanoTime() - lastSave[0] > ctx.checkpointMillis() * 1_000_000L) {
                    write(slot, p.id(), log);
                    lastSave[0] = System.nanoTime();
                }
                ctx.execution().progress().update(Math.min(log.size(), total), total);
            };
            result = abc
                    ? Calibration.runAbc(
                            setup,
                            abcSettings,
                            r.chains(),
                            categorical,
                            ctx.executor(),
                            replay,
                            listener,
                            ctx.execution().stop())
                    : Calibration.run(
                            setup,
                            ctx.executor(),
                            replay,
                            listener,
                            ctx.execution().stop());
        } catch (StudyRunner.Stopped stopped) {
            write(slot, p.id(), latest.get(0)); // everything evaluated so far: a resumption replays it
            throw stopped;
        }
        String method = abc
                ? String.format(
                        Locale.ROOT,
                        "ABC-SMC (Del Moral et al. 2012: tolerance the median of the previous population's"
                                + " distances, resampling and " + ABC_MOVES + " random-walk Metropolis moves per"
                                + " particle and generation, a strategy redrawn from its prior in half the moves; %d"
                                + " particles, up to %d generations, uniform prior on the ranges, seed %d"
                                + (r.chains() > 1 ? ", " + r.chains() + " independent runs pooled" : "")
                                + ") on free runs %%d-%%d, %%d runs"
                                + " per point (fresh random numbers per proposal), distance = geometric mean over"
                                + " patterns of loss / climatology",
                        r.particles(),
                        r.generations(),
                        r.seed())
                : String.format(
                        Locale.ROOT,
                        "CMA-ES (Apache Commons Math 3.6.1, active CMA, population %d, sigma %.3g of each range, seed %d)"
                                + " on free runs %%d-%%d, %%d runs per point (common random numbers), loss = geometric mean"
                                + " over patterns of loss / climatology",
                        r.population(),
                        r.sigma(),
                        r.seed());
        method = String.format(
                Locale.ROOT, method, trainScenario.time().start(), r.train().to(), r.runsPerPoint());
        String overlay = overlayYaml(full, p.id(), p.scenario().id(), r, method, result, fitted, setup);
        String text = text(full, p.id(), r, method, targets, result, fitted, uninformed)
                + (result.posterior() == null ? "" : posteriorText(full, setup, result.posterior(), fitted));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("train", r.train().toString());
        extras.put("method", method);
        extras.put("evaluations", result.log().size());
        extras.put("stop", result.search().stop());
        extras.put("startLoss", result.start().combined());
        extras.put("fittedLoss", result.best().combined());
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            List<String> cats = Structural.categories(full, names[i]);
            double v = result.best().values()[i];
            values.put(names[i], cats.isEmpty() ? v : cats.get(Structural.category(v, cats.size())));
        }
        extras.put("fitted", values);
        if (result.posterior() != null) {
            AbcSmc.Generation post = result.posterior().posterior();
            extras.put("posteriorGenerations", result.posterior().generations().size());
            extras.put("posteriorEss", post.ess());
            extras.put("posteriorTolerance", post.tolerance());
            Map<String, Object> intervals = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                List<String> cats = Structural.categories(full, names[i]);
                if (!cats.isEmpty()) {
                    double[] sh = shares(setup, post, i, cats.size());
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int c = 0; c < cats.size(); c++) {
                        m.put(cats.get(c), sh[c]);
                    }
                    intervals.put(names[i], m);
                    continue;
                }
                intervals.put(
                        names[i],
                        List.of(
                                Calibration.quantile(setup, post, i, 0.05),
                                Calibration.quantile(setup, post, i, 0.5),
                                Calibration.quantile(setup, post, i, 0.95)));
            }
            extras.put("posterior", intervals);
            extras.put("chains", r.chains());
            if (r.chains() > 1) {
                double[] rh = AbcSmc.rhat(result.posterior().chains(), names.length);
                Map<String, Object> rhat = new LinkedHashMap<>();
                for (int i = 0; i < names.length; i++) {
                    rhat.put(names[i], Double.isFinite(rh[i]) ? rh[i] : null);
                }
                extras.put("rhat", rhat);
            }
        }
        extras.put("notFitted", uninformed);
        extras.put("patterns", patternNames(targets));
        return new StudyService.Outcome(
                new StudyResult.Fit(
                        full,
                        r.train(),
                        method,
                        targets,
                        result,
                        fitted,
                        overlay,
                        text,
                        trace(targets, names, result),
                        result.posterior() == null ? null : posteriorCsv(full, setup, result.posterior())),
                r.seed(),
                (long) result.log().size() * r.runsPerPoint(),
                ctx.executor().describe(),
                extras);
    }

    private static Calibration.Setup setup(
            ConfiguredScenario training, CalibrationTargets targets, List<Parameter> fitted, CalibrateRequest r) {
        return new Calibration.Setup(
                training,
                targets,
                fitted.stream().map(Parameter::name).toArray(String[]::new),
                fitted.stream().mapToDouble(Parameter::min).toArray(),
                fitted.stream().mapToDouble(Parameter::max).toArray(),
                fitted.stream().mapToDouble(Parameter::value).toArray(),
                r.runsPerPoint(),
                r.seed(),
                r.sigma(),
                r.population(),
                r.maxEvaluations());
    }

    /**
     * The parameters no pattern responds to: moving one from the bottom to the top of its range, the others at their
     * start values and on the same random numbers, leaves every pattern's loss exactly as it was. Calibration cannot
     * inform them (a parameter of a mechanism the scenario never triggers, or whose patterns are not observed).
     */
    static List<String> uninformed(Calibration.Setup s, StudyExecutor ex) throws Exception {
        List<String> out = new ArrayList<>();
        double[] x0 = new double[s.names().length];
        for (int i = 0; i < x0.length; i++) {
            x0[i] = s.hi()[i] > s.lo()[i] ? (s.start()[i] - s.lo()[i]) / (s.hi()[i] - s.lo()[i]) : 0.5;
        }
        for (int i = 0; i < x0.length; i++) {
            double[] lo = x0.clone();
            double[] hi = x0.clone();
            lo[i] = 0;
            hi[i] = 1;
            double[] a = Calibration.evaluate(s, ex, lo).losses();
            double[] b = Calibration.evaluate(s, ex, hi).losses();
            if (Arrays.equals(a, b)) {
                out.add(s.names()[i]);
            }
        }
        return out;
    }

    private static String patternNames(CalibrationTargets t) {
        return String.join(
                ", ", t.patterns().stream().map(CalibrationTargets.Pattern::id).toList());
    }

    private static void write(CheckpointStore.Slot slot, String id, List<Calibration.Evaluation> log)
            throws java.io.IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", id);
        List<Map<String, Object>> ev = new ArrayList<>();
        for (Calibration.Evaluation e : log) {
            ev.add(Map.of("x", e.x(), "losses", e.losses(), "combined", e.combined()));
        }
        m.put("evaluations", ev);
        slot.write(new ObjectMapper().writeValueAsBytes(m));
    }

    private static List<Calibration.Evaluation> read(CheckpointStore.Slot slot, String id, Calibration.Setup s)
            throws java.io.IOException {
        Optional<byte[]> saved;
        JsonNode root;
        try {
            saved = slot.read(MAX_CHECKPOINT_BYTES);
            if (saved.isEmpty()) {
                return null;
            }
            root = new ObjectMapper().readTree(saved.get());
        } catch (java.io.IOException e) {
            throw new CheckpointException(slot.describe(), "not a calibration checkpoint (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException(slot.describe(), "not a calibration checkpoint (expected a JSON object)");
        }
        if (!id.equals(root.path("fingerprint").asText())) {
            throw new CheckpointException(
                    slot.describe(),
                    "the checkpoint belongs to another calibration ("
                            + root.path("fingerprint").asText() + ")");
        }
        if (!root.path("evaluations").isArray()) {
            throw new CheckpointException(slot.describe(), "the checkpoint has no list of evaluations");
        }
        List<Calibration.Evaluation> out = new ArrayList<>();
        int losses = -1;
        for (JsonNode e : root.path("evaluations")) {
            String where = "evaluation " + (out.size() + 1);
            double[] x = doubles(slot, where + " x", e.path("x"));
            double[] l = doubles(slot, where + " losses", e.path("losses"));
            if (x.length != s.names().length) {
                throw new CheckpointException(
                        slot.describe(),
                        where + " has " + x.length + " coordinates, this calibration " + s.names().length);
            }
            for (double v : x) {
                if (v < 0 || v > 1) {
                    throw new CheckpointException(slot.describe(), where + " has a coordinate outside 0..1: " + v);
                }
            }
            if (losses >= 0 && l.length != losses) {
                throw new CheckpointException(slot.describe(), where + " has " + l.length + " losses, not " + losses);
            }
            losses = l.length;
            if (!e.path("combined").isNumber()) {
                throw new CheckpointException(slot.describe(), where + " has no combined loss");
            }
            out.add(new Calibration.Evaluation(
                    x, s.toValues(x), l, e.path("combined").asDouble()));
        }
        return out;
    }

    /** A calibration checkpoint's largest size: hundreds of thousands of evaluations of dozens of parameters. */
    private static final long MAX_CHECKPOINT_BYTES = 512L << 20;

    private static double[] doubles(CheckpointStore.Slot slot, String what, JsonNode a) {
        if (!a.isArray()) {
            throw new CheckpointException(slot.describe(), what + ": expected a list of numbers");
        }
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            JsonNode v = a.get(i);
            // Jackson writes non-finite doubles as the strings "NaN", "Infinity" and "-Infinity"
            if (!v.isNumber()
                    && !(v.isTextual()
                            && java.util.Set.of("NaN", "Infinity", "-Infinity").contains(v.asText()))) {
                throw new CheckpointException(slot.describe(), what + ": expected numbers, found " + v.getNodeType());
            }
            d[i] = v.asDouble();
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

    private static String overlayYaml(
            Scenario full,
            String id,
            String scenarioHash,
            CalibrateRequest r,
            String method,
            Calibration.Result result,
            List<Parameter> fitted,
            Calibration.Setup setup) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by multivector calibrate, study ").append(id).append('\n');
        b.append("# Apply as an overlay of the scenario; docs/VALIDATION.md explains the fit.\n");
        b.append("overlay: ").append(q(full.name())).append('\n');
        b.append("calibration:\n");
        b.append("  id: ").append(q(id)).append('\n');
        b.append("  scenarioHash: ").append(q(scenarioHash)).append('\n');
        b.append("  train: ").append(q(r.train().toString())).append('\n');
        b.append("  method: ").append(q(method)).append('\n');
        b.append("  evaluations: ").append(result.log().size()).append('\n');
        b.append("  stop: ").append(q(result.search().stop())).append('\n');
        b.append("  startLoss: ").append(result.start().combined()).append('\n');
        b.append("  fittedLoss: ").append(result.best().combined()).append('\n');
        List<String> structural = fitted.stream()
                .map(Parameter::name)
                .filter(n -> !full.parameters().containsKey(n))
                .toList();
        if (!structural.isEmpty()) {
            b.append(
                    "# Structural assumptions fitted too (not parameters, so not in this overlay; their posterior is in\n");
            b.append("# posterior.csv, for studies over the posterior): ")
                    .append(String.join(", ", structural))
                    .append('\n');
        }
        b.append("parameters:\n");
        for (int i = 0; i < fitted.size(); i++) {
            Parameter p = fitted.get(i);
            if (structural.contains(p.name())) {
                continue;
            }
            String how = result.posterior() == null
                    ? "fitted to " + r.train()
                    : "posterior median of ABC-SMC on " + r.train() + ", 90 % interval "
                            + posteriorInterval(setup, result, i);
            String prov = "calibration " + id + ": " + how + " (start " + p.value() + ": "
                    + p.provenance().note() + ")";
            b.append("  ")
                    .append(p.name())
                    .append(": {value: ")
                    .append(result.best().values()[i])
                    .append(", source: ")
                    .append(q(prov))
                    .append("}\n");
        }
        return b.toString();
    }

    /** Whether v lies within 1 % of its range of a bound. */
    static boolean atBound(double v, double lo, double hi) {
        return v - lo <= 0.01 * (hi - lo) || hi - v <= 0.01 * (hi - lo);
    }

    private static String text(
            Scenario full,
            String id,
            CalibrateRequest req,
            String method,
            CalibrationTargets targets,
            Calibration.Result r,
            List<Parameter> fitted,
            List<String> notFitted) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s — calibration %s on %s%n%s%n%d evaluations; %s.%n",
                full.title(),
                id,
                req.train(),
                method,
                r.log().size(),
                r.search().stop()));
        if (!notFitted.isEmpty()) {
            b.append("Not fitted, because no observed pattern responds to them over their ranges: ")
                    .append(String.join(", ", notFitted))
                    .append(".\n");
        }
        b.append("Not fitted, by definition: the measurement weights and scales of the index and the definitions of the"
                + " counterfactual strategies (bandwagon-weight, balance-floor, neutral-disengagement: documented"
                + " targets, docs/ODD.md).\n");
        java.util.Set<String> ids = new java.util.HashSet<>();
        targets.patterns().forEach(x -> ids.add(x.id()));
        if (!ids.contains("mid")) {
            b.append("No MID patterns beside the scenario: incident and tension parameters are fitted only through"
                    + " their effect on the other patterns.\n");
        }
        if (!ids.contains("conflict")) {
            b.append("No conflict patterns beside the scenario: unrest and fragility parameters are fitted only"
                    + " through their effect on the other patterns.\n");
        }
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
            List<String> cats = Structural.categories(full, p.name());
            if (!cats.isEmpty()) {
                b.append(String.format(
                        Locale.ROOT,
                        "%-28s %21s  (categorical; best particle: %s)%n",
                        p.name(),
                        cats.get(0),
                        cats.get(Structural.category(v, cats.size()))));
                continue;
            }
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

    private static String posteriorInterval(Calibration.Setup s, Calibration.Result result, int i) {
        AbcSmc.Generation g = result.posterior().posterior();
        return String.format(
                Locale.ROOT, "[%.4g, %.4g]", Calibration.quantile(s, g, i, 0.05), Calibration.quantile(s, g, i, 0.95));
    }

    /** The posterior sample: one row per particle of the last generation, its weight, distance and values. */
    static String posteriorCsv(Scenario full, Calibration.Setup s, AbcSmc.Result r) {
        List<List<String>> cats = new ArrayList<>();
        for (String n : s.names()) {
            cats.add(Structural.categories(full, n));
        }
        StringBuilder b = new StringBuilder("particle,weight,distance");
        for (String n : s.names()) {
            b.append(',').append(n);
        }
        b.append('\n');
        List<AbcSmc.Particle> ps = r.posterior().particles();
        for (int i = 0; i < ps.size(); i++) {
            AbcSmc.Particle p = ps.get(i);
            b.append(i).append(',').append(p.weight()).append(',').append(p.distance());
            double[] v = s.toValues(p.x());
            for (int k = 0; k < v.length; k++) {
                List<String> c = cats.get(k);
                b.append(',');
                if (c.isEmpty()) {
                    b.append(v[k]);
                } else {
                    String label = c.get(Structural.category(v[k], c.size()));
                    b.append(label.contains(",") ? q(label) : label);
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The posterior share of each category of a categorical coordinate k with {@code n} categories. */
    private static double[] shares(Calibration.Setup s, AbcSmc.Generation g, int k, int n) {
        double[] out = new double[n];
        for (AbcSmc.Particle p : g.particles()) {
            out[Structural.category(s.toValues(p.x())[k], n)] += p.weight();
        }
        return out;
    }

    private static String posteriorText(Scenario full, Calibration.Setup s, AbcSmc.Result r, List<Parameter> fitted) {
        StringBuilder b = new StringBuilder();
        b.append("\nPosterior (ABC-SMC): ").append(r.stop()).append('\n');
        b.append("(ESS: the survivors of the new tolerance before resampling; distinct: particles after the moves)\n");
        List<AbcSmc.Result> runs = r.chains().isEmpty() ? List.of(r) : r.chains();
        for (int c = 0; c < runs.size(); c++) {
            if (runs.size() > 1) {
                b.append(String.format(Locale.ROOT, "%nrun %d of %d%n", c + 1, runs.size()));
            }
            b.append(String.format(
                    Locale.ROOT,
                    "%-10s %12s %9s %9s %10s %9s %9s%n",
                    "generation",
                    "tolerance",
                    "moves",
                    "accepted",
                    "acceptance",
                    "ESS",
                    "distinct"));
            for (AbcSmc.Generation g : runs.get(c).generations()) {
                b.append(String.format(
                        Locale.ROOT,
                        "%-10d %12.5g %9d %9d %10.3f %9.1f %9d%n",
                        g.index(),
                        g.tolerance(),
                        g.proposed(),
                        g.accepted(),
                        g.acceptance(),
                        g.ess(),
                        g.unique()));
            }
        }
        boolean pooled = runs.size() > 1;
        double[] rhat = pooled ? AbcSmc.rhat(runs, fitted.size()) : null;
        AbcSmc.Generation post = r.posterior();
        b.append(String.format(
                Locale.ROOT,
                "%n%-28s %10s %10s %10s %10s %10s %10s %8s%s%n",
                "parameter",
                "start",
                "5 %",
                "median",
                "95 %",
                "min",
                "max",
                "of range",
                pooled ? "       R̂" : ""));
        StringBuilder categorical = new StringBuilder();
        int disagree = 0;
        for (int i = 0; i < fitted.size(); i++) {
            Parameter p = fitted.get(i);
            List<String> cats = Structural.categories(full, p.name());
            if (!cats.isEmpty()) {
                double[] sh = shares(s, post, i, cats.size());
                categorical.append(String.format(Locale.ROOT, "%-28s", p.name()));
                for (int c = 0; c < cats.size(); c++) {
                    categorical.append(String.format(Locale.ROOT, "  %s %.2f", cats.get(c), sh[c]));
                }
                categorical.append(String.format(
                        Locale.ROOT, "  (scenario: %s; prior %.2f each)%n", cats.get(0), 1.0 / cats.size()));
                if (pooled) {
                    categorical.append("    by run:");
                    for (int c = 0; c < runs.size(); c++) {
                        double[] rs = shares(s, runs.get(c).posterior(), i, cats.size());
                        int mode = 0;
                        for (int k = 1; k < rs.length; k++) {
                            mode = rs[k] > rs[mode] ? k : mode;
                        }
                        categorical.append(String.format(Locale.ROOT, " %s %.2f", cats.get(mode), rs[mode]));
                        categorical.append(c < runs.size() - 1 ? ";" : "\n");
                    }
                }
                continue;
            }
            double lo = Calibration.quantile(s, post, i, 0.05);
            double hi = Calibration.quantile(s, post, i, 0.95);
            boolean apart = pooled && rhat[i] > RHAT_MAX;
            disagree += apart ? 1 : 0;
            b.append(String.format(
                    Locale.ROOT,
                    "%-28s %10.4g %10.4g %10.4g %10.4g %10.4g %10.4g %7.0f%%%s%n",
                    p.name(),
                    p.value(),
                    lo,
                    Calibration.quantile(s, post, i, 0.5),
                    hi,
                    p.min(),
                    p.max(),
                    100 * (hi - lo) / (p.max() - p.min()),
                    pooled ? String.format(Locale.ROOT, " %8.2f%s", rhat[i], apart ? "  runs disagree" : "") : ""));
        }
        b.append(
                "(of range: the 90 % interval's width as a share of the prior range; near 90 % the data say little)\n");
        if (pooled) {
            b.append(String.format(
                    Locale.ROOT,
                    "R̂ (Gelman & Rubin 1992) across the %d runs: %d of %d parameters above %.1f, where the runs settled"
                            + " on different values: the pooled sample then mixes their modes and is not a converged"
                            + " posterior%n",
                    runs.size(),
                    disagree,
                    fitted.size() - categoricalCount(full, fitted),
                    RHAT_MAX));
        }
        if (categorical.length() > 0) {
            b.append("\nStructural assumptions by category (posterior shares; the prior gives each the same share"
                            + (pooled ? "; by run: each run's most probable category and its share" : "")
                            + ")\n")
                    .append(categorical);
        }
        return b.toString();
    }

    /** R̂ above this flags a parameter whose independent runs disagree (Gelman et al. 2013, Bayesian Data Analysis). */
    static final double RHAT_MAX = 1.1;

    private static int categoricalCount(Scenario full, List<Parameter> fitted) {
        return (int) fitted.stream()
                .filter(p -> !Structural.categories(full, p.name()).isEmpty())
                .count();
    }
}
