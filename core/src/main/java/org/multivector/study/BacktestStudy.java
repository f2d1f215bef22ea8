package org.multivector.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Variable;
import org.multivector.model.Scenario;
import org.multivector.validate.CalibrationTargets;
import org.multivector.validate.Episodes;
import org.multivector.validate.ForecastScores;
import org.multivector.validate.Observations;
import org.multivector.validate.StabilityValidity;

/**
 * {@code backtest}, validated as conflict forecasters validate (Hegre et al. 2019, ViEWS; Tetlock &amp; Gardner
 * 2015): rolling origins, out of sample, per-unit baselines and proper scores. For each origin year {@code t} the
 * scenario is cut at {@code t} ({@link Scenario#knownAt}), an ensemble runs, and every pattern calibration fits
 * ({@link CalibrationTargets}: tie shares per state and pole, UCDP conflict per state, COW MID onset per dyad) is
 * scored in {@code t+1..t+H} by horizon against baselines that learn, per unit (state, dyad or state × pole),
 * from the history up to {@code t} only:
 *
 * <ul>
 *   <li>events: <b>zero</b>, <b>last value</b> (both smoothed with half a pseudo-observation, Jeffreys: a forecast
 *       of q becomes (q·n + 0.5)/(n + 1) after n history years, so a log score is never infinite), <b>unit
 *       climatology</b> (Laplace: (events + 1)/(n + 2)) and the <b>pooled</b> base rate over all units (Laplace);
 *       scores Brier (Brier 1950), Brier skill against unit climatology, log score (Gneiting &amp; Raftery 2007),
 *       AUROC, and the model's reliability;
 *   <li>shares: <b>last value</b>, <b>unit climatology</b> (the history mean) and a per-unit linear <b>trend</b>
 *       (clipped to [0, 1]); scores MAE, RMSE, and the coverage of the model's central 90 % ensemble interval.
 * </ul>
 *
 * All origins share the seed (common random numbers). The backtest is not resumable (it runs in seconds).
 */
final class BacktestStudy {
    private BacktestStudy() {}

    static final List<String> BINARY = List.of("model", "zero", "last value", "unit climatology", "pooled climatology");
    static final List<String> SHARES = List.of("model", "last value", "unit climatology", "trend");

    /** Forecasts and outcomes of one pattern at one horizon (or all: horizon 0). */
    private static final class Acc {
        final boolean binary;
        final List<double[]> rows = new ArrayList<>(); // forecasts in BINARY/SHARES order, then outcome, lo, hi

        Acc(boolean binary) {
            this.binary = binary;
        }
    }

    static StudyService.Outcome run(StudyService.Prepared p, BacktestRequest r, StudyService.Context ctx)
            throws Exception {
        Scenario full = p.scenario().scenario();
        Observations obs = p.observations();
        int history = r.train().from();
        int h = r.horizon();
        Map<String, Map<Integer, Acc>> acc = new LinkedHashMap<>();
        List<StudyResult.Scored> results = new ArrayList<>();
        SeriesStats last = null;
        CompiledScenario lastC = null;
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        for (int t = r.origins().from(); t <= r.origins().to(); t++) {
            cuts.add(t);
        }
        p.episodes().forEach(e -> cuts.add(e.year() - 1));
        List<EpisodeScore> episodeScores = new ArrayList<>();
        // binary patterns' rows by (pattern, origin, year): the yearly count of events over the units
        Map<String, CountGroup> countGroups = new LinkedHashMap<>();
        int done = 0;
        for (int t : cuts) {
            ConfiguredScenario known = p.scenario().knownAt(t);
            CompiledScenario c = known.compiled();
            EnsembleJob job = new EnsembleJob(known, r.seed(), r.runs());
            SeriesStats st = StudyRunner.run(
                    job,
                    ctx.executor(),
                    p.id() + "@" + t,
                    null,
                    false,
                    0,
                    StudyRunner.Progress.NONE,
                    ctx.execution().stop());
            ctx.execution().progress().update(++done, cuts.size());
            for (Episodes.Episode e : p.episodes()) {
                if (e.year() - 1 == t) {
                    episodeScores.add(episode(e, full, c, st));
                }
            }
            if (t < r.origins().from() || t > r.origins().to()) {
                continue; // a cut only an episode needs
            }
            int width = c.variables().size();
            int lastYear = Math.min(t + h, full.time().end());
            CalibrationTargets test = CalibrationTargets.of(full, c, obs, t + 1, lastYear);
            CalibrationTargets past = CalibrationTargets.of(full, c, obs, history, t);
            Map<String, Map<Integer, TreeMap<Integer, Double>>> units = units(past, c, width);
            int[] cells = test.cells();
            for (CalibrationTargets.Pattern pt : test.patterns()) {
                Map<Integer, TreeMap<Integer, Double>> hist = units.getOrDefault(pt.id(), Map.of());
                double[] pooled = pooled(hist);
                for (int i = 0; i < pt.n(); i++) {
                    int cell = cells[pt.at()[i]];
                    int yi = cell / width;
                    int col = cell % width;
                    int horizon = c.firstYear() + yi - t;
                    TreeMap<Integer, Double> u = hist.getOrDefault(col, new TreeMap<>());
                    double model = st.mean(yi, col);
                    double[] row = pt.binary()
                            ? binaryRow(model, u, pooled, pt.observed()[i])
                            : shareRow(
                                    model,
                                    u,
                                    t + horizon,
                                    pt.observed()[i],
                                    q(st, yi, col, 0.05),
                                    q(st, yi, col, 0.95));
                    for (int k : new int[] {0, horizon}) {
                        acc.computeIfAbsent(pt.id(), x -> new TreeMap<>())
                                .computeIfAbsent(k, x -> new Acc(pt.binary()))
                                .rows
                                .add(row);
                    }
                    if (pt.binary()) {
                        final int hz = horizon;
                        countGroups
                                .computeIfAbsent(
                                        pt.id() + "|" + t + "|" + (t + horizon), x -> new CountGroup(pt.id(), hz))
                                .rows
                                .add(row);
                    }
                }
            }
            last = st;
            lastC = c;
        }
        for (var e : acc.entrySet()) {
            for (var byH : e.getValue().entrySet()) {
                results.add(score(e.getKey(), byH.getKey(), byH.getValue()));
            }
        }
        results.addAll(countScores(countGroups));
        episodeScores.sort(java.util.Comparator.comparingInt(
                (EpisodeScore x) -> x.episode().line()));
        for (EpisodeScore x : episodeScores) {
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put("model", new double[] {x.risk(), x.rank(), x.percentile()});
            results.add(new StudyResult.Scored("episode " + x.episode().id(), "episode", x.peers(), m, null));
        }
        List<StabilityValidity.Row> validity = List.of();
        if (obs != null) {
            // the index against observed instability: the scenario as it is (history known), its observed years
            CompiledScenario c = p.scenario().compiled();
            SeriesStats st = StudyRunner.run(
                    new EnsembleJob(p.scenario(), r.seed(), r.runs()),
                    ctx.executor(),
                    p.id() + "@all",
                    null,
                    false,
                    0,
                    StudyRunner.Progress.NONE,
                    ctx.execution().stop());
            validity = StabilityValidity.of(
                    full, c, st::mean, obs, full.time().start() + 1, full.time().lastObserved());
            for (StabilityValidity.Row v : validity) {
                Map<String, double[]> m = new LinkedHashMap<>();
                m.put("model", new double[] {v.rho(), v.p()});
                results.add(new StudyResult.Scored("validity " + v.measure(), "validity", v.n(), m, null));
            }
        }
        List<Map<String, Object>> scoreList = new ArrayList<>();
        for (StudyResult.Scored s : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pattern", s.pattern());
            m.put("n", s.n());
            for (var f : s.scores().entrySet()) {
                Map<String, Object> v = new LinkedHashMap<>();
                for (int k = 0; k < s.metrics().size(); k++) {
                    v.put(s.metrics().get(k), finite(f.getValue()[k]));
                }
                m.put(f.getKey(), v);
            }
            scoreList.add(m);
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("origins", r.origins().toString());
        extras.put("horizon", h);
        extras.put("history", history);
        extras.put("scores", scoreList);
        extras.put("episodes", episodeScores.size());
        List<String> hindsight = full.hindsight(cuts.first());
        extras.put("hindsight", hindsight);
        String text = table(full, results, r, obs != null)
                + episodeTable(episodeScores)
                + validityTable(validity)
                + hindsight(hindsight, cuts.first());
        YearRange scored = new YearRange(
                r.origins().from() + 1,
                Math.min(r.origins().to() + h, full.time().end()));
        return new StudyService.Outcome(
                new StudyResult.Backtest(
                        full,
                        r.train(),
                        scored,
                        r.origins().to(),
                        lastC.variables(),
                        lastC.firstYear(),
                        last,
                        results,
                        obs != null,
                        text),
                r.seed(),
                r.runs(),
                ctx.executor().describe(),
                extras);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Per pattern, per unit (output column), the observed history by year. */
    private static Map<String, Map<Integer, TreeMap<Integer, Double>>> units(
            CalibrationTargets past, CompiledScenario c, int width) {
        Map<String, Map<Integer, TreeMap<Integer, Double>>> out = new HashMap<>();
        int[] cells = past.cells();
        for (CalibrationTargets.Pattern pt : past.patterns()) {
            Map<Integer, TreeMap<Integer, Double>> m = out.computeIfAbsent(pt.id(), k -> new HashMap<>());
            for (int i = 0; i < pt.n(); i++) {
                int cell = cells[pt.at()[i]];
                m.computeIfAbsent(cell % width, k -> new TreeMap<>())
                        .put(c.firstYear() + cell / width, pt.observed()[i]);
            }
        }
        return out;
    }

    /** Events and observations over all units' histories. */
    private static double[] pooled(Map<Integer, TreeMap<Integer, Double>> hist) {
        double k = 0;
        double n = 0;
        for (TreeMap<Integer, Double> u : hist.values()) {
            for (double v : u.values()) {
                k += v > 0 ? 1 : 0;
                n++;
            }
        }
        return new double[] {k, n};
    }

    private static double q(SeriesStats st, int yi, int col, double q) {
        return st.quantile(yi, col, q);
    }

    private static double jeffreys(double q, int n) {
        return (q * n + 0.5) / (n + 1);
    }

    private static double[] binaryRow(double model, TreeMap<Integer, Double> u, double[] pooled, double outcome) {
        int n = u.size();
        double k = 0;
        for (double v : u.values()) {
            k += v > 0 ? 1 : 0;
        }
        double lastV = n == 0 ? 0 : (u.lastEntry().getValue() > 0 ? 1 : 0);
        return new double[] {
            Double.isNaN(model) ? 0 : model,
            jeffreys(0, n),
            jeffreys(lastV, n),
            (k + 1) / (n + 2),
            (pooled[0] + 1) / (pooled[1] + 2),
            outcome > 0 ? 1 : 0,
            Double.NaN,
            Double.NaN
        };
    }

    private static double[] shareRow(
            double model, TreeMap<Integer, Double> u, int year, double outcome, double lo, double hi) {
        double lastV;
        double mean;
        double trend;
        if (u.isEmpty()) {
            lastV = Double.NaN;
            mean = Double.NaN;
            trend = Double.NaN;
        } else {
            lastV = u.lastEntry().getValue();
            double s = 0;
            for (double v : u.values()) {
                s += v;
            }
            mean = s / u.size();
            trend = lastV;
            if (u.size() >= 2) {
                double mx = 0;
                double my = 0;
                for (var e : u.entrySet()) {
                    mx += e.getKey();
                    my += e.getValue();
                }
                mx /= u.size();
                my /= u.size();
                double sxy = 0;
                double sxx = 0;
                for (var e : u.entrySet()) {
                    sxy += (e.getKey() - mx) * (e.getValue() - my);
                    sxx += (e.getKey() - mx) * (e.getKey() - mx);
                }
                double b = sxx > 0 ? sxy / sxx : 0;
                trend = Math.max(0, Math.min(1, my + b * (year - mx))); // the fitted line in the target year
            }
        }
        return new double[] {model, lastV, mean, trend, outcome, lo, hi};
    }

    /** One binary pattern's units in one target year of one origin: their rows ({@link #binaryRow}). */
    private static final class CountGroup {
        final String pattern;
        final int horizon;
        final List<double[]> rows = new ArrayList<>();

        CountGroup(String pattern, int horizon) {
            this.pattern = pattern;
            this.horizon = horizon;
        }
    }

    /**
     * CRPS of the yearly count of a binary pattern's events (MID onsets over the dyads, conflicts over the states): each
     * forecast's per-unit probabilities make a Poisson-binomial count (the units taken as independent given the
     * forecast), scored by {@link ForecastScores#crpsCount} against the observed count, with the absolute error of its
     * mean; per horizon and over all. Units without a history (no baseline) are left out of the count, as from the
     * unit scores.
     */
    static List<StudyResult.Scored> countScores(Map<String, CountGroup> groups) {
        int f = BINARY.size();
        Map<String, TreeMap<Integer, double[]>> sums = new LinkedHashMap<>(); // per forecast: crps, ae; then n
        for (CountGroup g : groups.values()) {
            List<double[]> rows = withBaselines(g.rows, f);
            if (rows.isEmpty()) {
                continue;
            }
            int y = 0;
            for (double[] x : rows) {
                y += x[f] > 0.5 ? 1 : 0;
            }
            double[] add = new double[2 * f + 1];
            for (int i = 0; i < f; i++) {
                double[] p = col(rows, i);
                double mean = 0;
                for (double v : p) {
                    mean += v;
                }
                add[2 * i] = ForecastScores.crpsCount(ForecastScores.poissonBinomial(p), y);
                add[2 * i + 1] = Math.abs(mean - y);
            }
            add[2 * f] = 1;
            for (int k : new int[] {0, g.horizon}) {
                double[] s = sums.computeIfAbsent(g.pattern, x -> new TreeMap<>())
                        .computeIfAbsent(k, x -> new double[2 * f + 1]);
                for (int j = 0; j < s.length; j++) {
                    s[j] += add[j];
                }
            }
        }
        List<StudyResult.Scored> out = new ArrayList<>();
        for (var e : sums.entrySet()) {
            for (var byH : e.getValue().entrySet()) {
                double[] s = byH.getValue();
                int n = (int) s[2 * f];
                Map<String, double[]> scores = new LinkedHashMap<>();
                for (int i = 0; i < f; i++) {
                    scores.put(BINARY.get(i), new double[] {s[2 * i] / n, s[2 * i + 1] / n});
                }
                String label = e.getKey() + " count"
                        + (byH.getKey() == 0 ? " (all horizons)" : " (horizon " + byH.getKey() + ")");
                out.add(new StudyResult.Scored(label, "count", n, scores, null));
            }
        }
        return out;
    }

    /** The rows whose f forecasts all exist (a unit with no history has no baselines). */
    private static List<double[]> withBaselines(List<double[]> rows, int f) {
        return rows.stream()
                .filter(x -> {
                    for (int i = 0; i < f; i++) {
                        if (Double.isNaN(x[i])) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
    }

    private static StudyResult.Scored score(String pattern, int horizon, Acc a) {
        List<String> names = a.binary ? BINARY : SHARES;
        int f = names.size();
        List<double[]> rows = withBaselines(a.rows, f);
        double[] y = rows.stream().mapToDouble(x -> x[f]).toArray();
        Map<String, double[]> s = new LinkedHashMap<>();
        String label = pattern + (horizon == 0 ? " (all horizons)" : " (horizon " + horizon + ")");
        if (rows.isEmpty()) {
            return new StudyResult.Scored(label, a.binary ? "binary" : "continuous", 0, s, null);
        }
        double climBrier = 0;
        if (a.binary) {
            climBrier = ForecastScores.brier(col(rows, 3), y);
        }
        for (int i = 0; i < f; i++) {
            double[] p = col(rows, i);
            if (a.binary) {
                double b = ForecastScores.brier(p, y);
                s.put(names.get(i), new double[] {
                    b,
                    climBrier > 0 ? 1 - b / climBrier : Double.NaN,
                    ForecastScores.logScore(p, y),
                    ForecastScores.auroc(p, y)
                });
            } else {
                double cover = Double.NaN;
                if (i == 0) {
                    double in = 0;
                    for (double[] x : rows) {
                        in += x[f] >= x[f + 1] && x[f] <= x[f + 2] ? 1 : 0;
                    }
                    cover = in / rows.size();
                }
                s.put(names.get(i), new double[] {ForecastScores.mae(p, y), ForecastScores.rmse(p, y), cover});
            }
        }
        List<ForecastScores.ReliabilityBin> rel =
                a.binary ? List.of(ForecastScores.reliability(col(rows, 0), y, 5)) : null;
        return new StudyResult.Scored(label, a.binary ? "binary" : "continuous", rows.size(), s, rel);
    }

    private static double[] col(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(x -> x[i]).toArray();
    }

    /** An episode's modelled risk in its year, forecast the year before, and its rank among its peers. */
    record EpisodeScore(Episodes.Episode episode, double risk, int rank, int peers, double percentile) {
        /** At least three quarters of the other peers are not above it. */
        boolean topQuartile() {
            return percentile >= 0.75;
        }
    }

    /**
     * Risk: the ensemble mean of the unit's unrest probability (a state) or incident hazard (a dyad) in the episode's
     * year, the scenario cut the year before; rank 1 is the highest among the peers (every regional state, or every
     * dyad), a tie counting in the episode's favour; percentile = share of the other peers not above it.
     */
    private static EpisodeScore episode(Episodes.Episode e, Scenario full, CompiledScenario c, SeriesStats st) {
        List<Variable> vars = c.variables();
        List<Variable> peers = new ArrayList<>();
        Variable mine = null;
        if (e.kind() == Episodes.Kind.UNREST) {
            for (var a : full.regionalStates()) {
                Variable v = new Variable(a.id(), "unrest.p");
                peers.add(v);
                if (a.id().equals(e.unit())) {
                    mine = v;
                }
            }
        } else {
            for (List<String> d : c.dyads()) {
                Variable v = new Variable(d.get(0) + "-" + d.get(1), "hazard");
                peers.add(v);
                if (d.contains(e.unit()) && d.contains(e.partner())) {
                    mine = v;
                }
            }
        }
        int yi = e.year() - c.firstYear();
        if (mine == null || vars.indexOf(mine) < 0) {
            throw new IllegalStateException("episode " + e.id() + ": no unit " + e.unit() + " in the cut scenario");
        }
        double risk = st.mean(yi, vars.indexOf(mine));
        int higher = 0;
        int n = 0;
        for (Variable v : peers) {
            int k = vars.indexOf(v);
            if (k < 0) {
                continue; // a dyad the cut scenario does not have yet
            }
            n++;
            double x = st.mean(yi, k);
            higher += x > risk ? 1 : 0;
        }
        return new EpisodeScore(e, risk, higher + 1, n, n > 1 ? (n - 1 - higher) / (double) (n - 1) : Double.NaN);
    }

    private static String validityTable(List<StabilityValidity.Row> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%nThe stability index against observed instability (the scenario with its history, observed years;"
                        + " Spearman rank correlation, t-approximation p; yearly series are autocorrelated, so p is"
                        + " optimistic)%n  %-18s %-62s %4s %8s %7s  %s%n",
                "measure",
                "against",
                "n",
                "rho",
                "p",
                "supports the index"));
        for (StabilityValidity.Row v : rows) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-18s %-62s %4d %8.3f %7.3f  %s%n",
                    v.measure(),
                    v.against(),
                    v.n(),
                    v.rho(),
                    v.p(),
                    v.supports()
                            ? "yes"
                            : !Double.isFinite(v.rho())
                                    ? "no (too few years or a constant series)"
                                    : Math.signum(v.rho()) == v.expectedSign()
                                            ? "no (the expected sign, but p >= 0.05)"
                                            : "no (the wrong sign: expected "
                                                    + (v.expectedSign() > 0 ? "positive" : "negative") + ")"));
        }
        return b.toString();
    }

    private static String hindsight(List<String> flagged, int cut) {
        if (flagged.isEmpty()) {
            return String.format(
                    Locale.ROOT,
                    "%nNo assumption cites a year after the first cut (%d) without being masked (knownFrom).%n",
                    cut);
        }
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%nHindsight: %d assumptions cite a year after the first cut (%d) and are not masked (give them"
                        + " knownFrom, docs/SCENARIO.md):%n",
                flagged.size(),
                cut));
        flagged.stream().limit(12).forEach(f -> b.append("  ").append(f).append('\n'));
        if (flagged.size() > 12) {
            b.append("  and ").append(flagged.size() - 12).append(" more (manifest.json, hindsight)\n");
        }
        return b.toString();
    }

    private static String episodeTable(List<EpisodeScore> scores) {
        if (scores.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%nEpisodes: the modelled risk in the episode's year, the scenario cut the year before, and its rank"
                        + " among its peers (1 = highest)%n  %-26s %-9s %-8s %4s %9s %10s  %s%n",
                "episode",
                "kind",
                "unit",
                "year",
                "risk",
                "rank",
                "top quartile"));
        int top = 0;
        for (EpisodeScore x : scores) {
            Episodes.Episode e = x.episode();
            top += x.topQuartile() ? 1 : 0;
            b.append(String.format(
                    Locale.ROOT,
                    "  %-26s %-9s %-8s %4d %9.4f %5d of %-3d %s%n",
                    e.id(),
                    e.kind().name().toLowerCase(Locale.ROOT),
                    e.partner().isEmpty() ? e.unit() : e.unit() + "-" + e.partner(),
                    e.year(),
                    x.risk(),
                    x.rank(),
                    x.peers(),
                    x.topQuartile() ? "yes" : "no"));
        }
        b.append(String.format(
                Locale.ROOT,
                "  %d of %d episodes in the top quartile of modelled risk the year before.%n",
                top,
                scores.size()));
        return b.toString();
    }

    private static String table(Scenario s, List<StudyResult.Scored> results, BacktestRequest r, boolean observed) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s — rolling backtest: origins %s (known at the end of each), horizons 1-%d, %d runs per origin;"
                        + " baselines learn from %d up to the origin%n",
                s.title(),
                r.origins(),
                r.horizon(),
                r.runs(),
                r.train().from()));
        String current = null;
        for (StudyResult.Scored x : results) {
            if (x.kind().equals("episode") || x.kind().equals("validity")) {
                continue; // their own tables
            }
            String pattern = x.pattern().substring(0, x.pattern().lastIndexOf(" ("));
            boolean binary = x.kind().equals("binary");
            boolean count = x.kind().equals("count");
            List<String> names = binary || count ? BINARY : SHARES;
            if (!pattern.equals(current)) {
                current = pattern;
                b.append(String.format(
                        Locale.ROOT,
                        "%n%s — %s%n",
                        pattern,
                        binary
                                ? "Brier (lower is better)"
                                : count ? "CRPS of the yearly count over the units (lower is better)" : "MAE"));
                b.append(String.format(Locale.ROOT, "  %-13s %6s", "horizon", count ? "years" : "n"));
                for (String nm : names) {
                    b.append(String.format(Locale.ROOT, " %18s", nm));
                }
                b.append(binary ? "   model log   model BSS\n" : count ? "   model MAE\n" : "   model 90% cover\n");
            }
            String hz = x.pattern()
                    .substring(x.pattern().lastIndexOf(" (") + 2, x.pattern().length() - 1);
            b.append(String.format(Locale.ROOT, "  %-13s %6d", hz.replace("horizon ", ""), x.n()));
            if (x.n() == 0) {
                b.append("  no observations with a history\n");
                continue;
            }
            for (String nm : names) {
                b.append(String.format(Locale.ROOT, " %18.4f", x.scores().get(nm)[0]));
            }
            double[] m = x.scores().get("model");
            b.append(
                    binary
                            ? String.format(Locale.ROOT, " %11.4f %11.3f%n", m[2], m[1])
                            : count
                                    ? String.format(Locale.ROOT, " %11.4f%n", m[1])
                                    : String.format(Locale.ROOT, " %17.2f%n", m[2]));
        }
        b.append(verdicts(results));
        if (!observed) {
            b.append(
                    "\nNo observed patterns beside the scenario (NAME.observed.csv next to NAME.yaml; docs/VALIDATION.md):"
                            + " conflicts and MIDs are not scored.\n");
        }
        return b.toString();
    }

    /** Over all horizons: does the model beat unit climatology and last value on each pattern? */
    private static String verdicts(List<StudyResult.Scored> results) {
        StringBuilder b = new StringBuilder("\nOver all horizons:\n");
        for (StudyResult.Scored x : results) {
            if (!x.pattern().endsWith("(all horizons)") || x.n() == 0) {
                continue;
            }
            double m = x.scores().get("model")[0];
            List<String> lost = new ArrayList<>();
            for (var e : x.scores().entrySet()) {
                if (!e.getKey().equals("model") && !(m < e.getValue()[0])) {
                    lost.add(e.getKey());
                }
            }
            String pattern = x.pattern().substring(0, x.pattern().lastIndexOf(" ("));
            b.append(
                    lost.isEmpty()
                            ? "  " + pattern + ": the model beats every baseline.\n"
                            : "  " + pattern + ": the model does NOT beat " + String.join(", ", lost) + ".\n");
        }
        return b.toString();
    }
}
