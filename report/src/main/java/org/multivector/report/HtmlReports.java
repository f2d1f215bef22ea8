package org.multivector.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;
import org.multivector.model.Scenario;
import org.multivector.study.BuildInfo;
import org.multivector.study.CompareStats;
import org.multivector.study.ReportRenderer;
import org.multivector.study.SeriesStats;
import org.multivector.study.StudyRecord;
import org.multivector.study.StudyResult;

/**
 * The reports of every study kind: one self-contained {@code report.html} (no network, no external files), the
 * same whether the study ran from the command line or the server.
 */
public final class HtmlReports implements ReportRenderer {
    @Override
    public Map<String, byte[]> render(StudyRecord record, StudyResult result) {
        return Map.of("report.html", Charts.finish(html(record, result)).getBytes(StandardCharsets.UTF_8));
    }

    static String html(StudyRecord record, StudyResult result) {
        if (result instanceof StudyResult.Run r) {
            return HtmlReport.render(r.scenario(), r.trajectory(), r.free(), record.seed());
        } else if (result instanceof StudyResult.Ensemble e) {
            return ensemble(e);
        } else if (result instanceof StudyResult.Comparison c) {
            return comparison(c);
        } else if (result instanceof StudyResult.Sensitivity s) {
            return sensitivity(s);
        } else if (result instanceof StudyResult.Discovery d) {
            return discovery(d);
        } else if (result instanceof StudyResult.Fit f) {
            return fit(record, f);
        } else if (result instanceof StudyResult.Backtest b) {
            return backtest(b);
        } else if (result instanceof StudyResult.Bargain b) {
            return BargainReport.single(b.history());
        } else if (result instanceof StudyResult.BargainEnsemble b) {
            return BargainReport.ensemble(b.problem().name(), b.summary(), b.perturbation(), b.runs());
        } else if (result instanceof StudyResult.Sweep s) {
            return sweep(s);
        }
        throw new IllegalStateException("no report for " + result.getClass());
    }

    static String backtest(StudyResult.Backtest b) {
        Scenario full = b.scenario();
        return StudyReport.head(
                        full.title() + " — rolling backtest, origins "
                                + (b.test().from() - 1) + "–" + b.cut() + ", scored "
                                + b.test().from() + "–" + b.test().to(),
                        "scenario " + full.name() + " · " + b.stats().runs()
                                + " runs per origin · baselines learn from "
                                + b.train().from() + " up to each origin")
                + reliabilityFigures(b.scores()) + "<pre>" + HtmlReport.esc(b.text()) + "</pre></body></html>";
    }

    static String ensemble(StudyResult.Ensemble e) {
        Scenario s = e.scenario();
        SeriesStats st = e.stats();
        int firstYear = e.firstYear();
        List<Variable> vars = e.variables();
        StringBuilder b = new StringBuilder(StudyReport.head(
                s.title() + " — ensemble",
                "scenario " + s.name() + " · scenario hash " + s.hash() + " · " + st.runs() + " runs"
                        + (e.posterior() == null
                                ? " at the scenario's parameter values"
                                : " · parameters drawn from the posterior " + e.posterior())
                        + " · multivector " + BuildInfo.version()));
        b.append("<h2>Regional Stability Index</h2>");
        b.append(Charts.bands(
                "Regional Stability Index over " + st.runs() + " runs",
                firstYear,
                List.of(new Charts.Band(
                        "RSI",
                        st,
                        st.indexOf(vars.indexOf(new Variable(Variable.REGION, "rsi"))),
                        HtmlReport.COLOURS[4])),
                "RSI (0–100)",
                0,
                100,
                s.time().lastObserved(),
                760));
        b.append("<h2>Vector balance per state</h2><div class=\"grid\">");
        int col = 0;
        for (Actor a : s.regionalStates()) {
            b.append(Charts.bands(
                    a.id() + ": balance index",
                    firstYear,
                    List.of(new Charts.Band(
                            a.id(),
                            st,
                            st.indexOf(vars.indexOf(new Variable(a.id(), "balance"))),
                            HtmlReport.COLOURS[col++ % HtmlReport.COLOURS.length])),
                    "balance index (0–1)",
                    0,
                    1,
                    s.time().lastObserved(),
                    380));
        }
        b.append("</div><h2>End state ").append(firstYear + st.years() - 1).append(": distributions over runs</h2>");
        b.append("<table><tr><th>actor</th><th>variable</th><th>mean</th><th>sd</th><th>min</th><th>5 %</th>"
                + "<th>25 %</th><th>50 %</th><th>75 %</th><th>95 %</th><th>max</th></tr>");
        int last = st.years() - 1;
        List<Variable> endVars = new ArrayList<>();
        endVars.add(new Variable(Variable.REGION, "rsi"));
        endVars.add(new Variable(Variable.REGION, "structural-balance"));
        endVars.add(new Variable(Variable.REGION, "incidents"));
        for (Actor a : s.regionalStates()) {
            endVars.add(new Variable(a.id(), "balance"));
            endVars.add(new Variable(a.id(), "exposure"));
            endVars.add(new Variable(a.id(), "fragility"));
        }
        for (Variable v : endVars) {
            int k = st.indexOf(vars.indexOf(v));
            if (k < 0) {
                continue;
            }
            b.append("<tr><th>")
                    .append(HtmlReport.esc(v.actor()))
                    .append("</th><th>")
                    .append(HtmlReport.esc(v.name()))
                    .append("</th>");
            for (double x : st.summary(last, k)) {
                b.append(String.format(Locale.ROOT, "<td>%.3f</td>", x));
            }
            b.append("</tr>");
        }
        b.append("</table><p><small>Quantiles from 200-bin histograms over each variable's range: within one bin width"
                + " (0.005 for indices in [0, 1], 0.5 for the RSI); counts (incidents) exact. The study summarised "
                + st.columns().length + " of " + vars.size() + " variables (the standard set"
                + (st.columns().length == vars.size() ? ", and all others on request" : "")
                + "; ensemble --variables, docs/RESULTS.md).</small></p>");
        b.append("<h2>Expected incidents per year (sum of dyad hazards)</h2>");
        b.append(Charts.bands(
                "Expected militarised incidents per year in the region",
                firstYear,
                List.of(new Charts.Band(
                        "incidents",
                        st,
                        st.indexOf(vars.indexOf(new Variable(Variable.REGION, "incidents.expected"))),
                        HtmlReport.COLOURS[0])),
                "incidents per year",
                0,
                1,
                s.time().lastObserved(),
                760));
        b.append("</body></html>");
        return b.toString();
    }

    static String comparison(StudyResult.Comparison job) {
        Scenario s = job.scenario();
        CompareStats st = job.stats();
        String actor = job.actor();
        int branchYear = job.branchYear();
        List<String> strategies = job.strategies();
        StringBuilder b = new StringBuilder(StudyReport.head(
                s.title() + " — strategies for " + actor + " from " + branchYear,
                "scenario " + s.name() + " · hash " + s.hash() + " · " + st.runs()
                        + " runs per strategy, common random numbers · baseline " + strategies.get(0)
                        + (job.posterior() == null
                                ? " · at the scenario's parameter values"
                                : " · parameters drawn from the posterior " + job.posterior())
                        + " · multivector " + BuildInfo.version()));
        List<String> metrics = job.metrics();
        b.append("<p class=\"answer\">")
                .append(HtmlReport.esc(
                        org.multivector.study.CompareAnswer.of(job).sentence()))
                .append("</p>");
        b.append("<h2>Paired differences from ")
                .append(HtmlReport.esc(strategies.get(0)))
                .append("</h2>");
        b.append("<div class=\"grid\">");
        org.multivector.study.CompareAnswer answer = org.multivector.study.CompareAnswer.of(job);
        double rope = answer.rope();
        for (String metric : List.of("rsi", "incident.p", actor + " balance", actor + " exposure")) {
            int m = metrics.indexOf(metric);
            boolean predictive = metric.equals("rsi") && answer.overPosterior();
            List<Charts.Row> rows = new ArrayList<>();
            for (int k = 1; k < strategies.size(); k++) {
                double d = st.meanDiff(k, m);
                double h = st.diffHalfWidth(k, m);
                rows.add(
                        predictive
                                ? new Charts.Row(strategies.get(k), d, answer.lo(k), answer.hi(k))
                                : new Charts.Row(strategies.get(k), d, d - h, d + h));
            }
            String uncertainty = predictive
                    ? " The interval is the 90 % posterior predictive interval of the per-run difference: each run"
                            + " drew its parameters from the posterior and simulated its own history before "
                            + branchYear
                            + "."
                    : job.posterior() != null
                            ? " The interval is the 95 % CI of the mean over runs that drew their parameters from the"
                                    + " posterior."
                            : " The interval covers the runs' randomness (shocks, draws, each run's own history before "
                                    + branchYear + ") at one set of parameter values, not parameter uncertainty.";
            b.append(Charts.forest(
                    "Δ " + metric + " from " + strategies.get(0) + ", mean over " + branchYear + "–"
                            + s.time().end(),
                    "strategy − " + strategies.get(0) + ", " + org.multivector.study.StudySummary.unit(metric) + " ("
                            + (job.better().get(m) > 0 ? "higher" : "lower") + " is better)",
                    rows,
                    predictive ? "90 % predictive" : "95 % CI",
                    560,
                    "Paired differences over " + st.runs() + " runs with common random numbers." + uncertainty
                            + (metric.equals("rsi")
                                    ? String.format(
                                            Locale.ROOT,
                                            " Shaded: the region of practical equivalence, ±%.2f RSI points (0.1 sd"
                                                    + " of the RSI over the history before the branch).",
                                            rope)
                                    : ""),
                    metric.equals("rsi") ? rope : Double.NaN));
        }
        b.append("</div><h2>Outcomes</h2><table><tr><th>strategy</th>");
        for (String m : metrics) {
            b.append("<th>").append(HtmlReport.esc(m)).append("</th>");
        }
        b.append("</tr>");
        for (int k = 0; k < strategies.size(); k++) {
            b.append("<tr><th>").append(HtmlReport.esc(strategies.get(k))).append("</th>");
            for (int m = 0; m < metrics.size(); m++) {
                b.append(String.format(Locale.ROOT, "<td>%.3f</td>", st.mean(k, m)));
            }
            b.append("</tr>");
        }
        b.append("</table>");
        org.multivector.study.StudyResult.Decomposition dec = job.decomposition();
        if (dec != null) {
            b.append("<h2>What carries each ΔRSI</h2><p>The part of each strategy's mean ΔRSI that a channel carries:"
                    + " ΔRSI minus ΔRSI with the channel's coefficients set to 0, on the same random numbers (RSI"
                    + " points). The rest is the channels' interaction. ");
            b.append(
                    dec.runs() < st.runs()
                            ? String.format(
                                    Locale.ROOT,
                                    "Over a comparison of %,d runs on the same seed (of the %,d above), whose ΔRSI is the last"
                                            + " row.",
                                    dec.runs(),
                                    st.runs())
                            : String.format(Locale.ROOT, "Over the comparison's %,d runs.", dec.runs()));
            b.append("</p><table><tr><th>channel</th>");
            for (int k = 1; k < strategies.size(); k++) {
                b.append("<th>").append(HtmlReport.esc(strategies.get(k))).append("</th>");
            }
            b.append("</tr>");
            for (int ch = 0; ch <= dec.channels().size(); ch++) {
                boolean rest = ch == dec.channels().size();
                b.append("<tr><th title=\"")
                        .append(HtmlReport.esc(
                                rest
                                        ? "what the channels do not add up to"
                                        : dec.channels().get(ch).description()))
                        .append("\">")
                        .append(HtmlReport.esc(
                                rest
                                        ? "interaction (rest)"
                                        : dec.channels().get(ch).id()))
                        .append("</th>");
                for (int k = 1; k < strategies.size(); k++) {
                    b.append(String.format(
                            Locale.ROOT, "<td>%+.3f</td>", rest ? dec.interaction(k) : dec.carried()[k][ch]));
                }
                b.append("</tr>");
            }
            b.append("<tr><th>ΔRSI</th>");
            for (int k = 1; k < strategies.size(); k++) {
                b.append(String.format(Locale.ROOT, "<td><b>%+.3f</b></td>", dec.total(k)));
            }
            b.append("</tr></table>");
        }
        List<Variable> bandVars = job.bandVariables();
        b.append("<h2>Bands over time</h2><div class=\"grid\">");
        for (int v = 0; v < bandVars.size(); v++) {
            Variable var = bandVars.get(v);
            boolean rsi = var.name().equals("rsi");
            List<Charts.Band> bands = new ArrayList<>();
            for (int k = 0; k < strategies.size(); k++) {
                bands.add(new Charts.Band(
                        strategies.get(k), st.bands(k), v, HtmlReport.COLOURS[k % HtmlReport.COLOURS.length]));
            }
            boolean incidents = var.name().equals("incidents.expected");
            b.append(Charts.bands(
                    (var.actor().equals(Variable.REGION) ? "" : var.actor() + " ") + var.name() + " per strategy",
                    job.firstYear(),
                    bands,
                    rsi ? "RSI (0–100)" : incidents ? "incidents per year" : "balance index (0–1)",
                    0,
                    rsi ? 100 : 1,
                    s.time().lastObserved(),
                    rsi ? 760 : 560));
        }
        b.append("</div></body></html>");
        return b.toString();
    }

    /**
     * A sweep: each output's mean over the replicates at every point, as lines over the first factor (one line per
     * combination of the others, at most 12) when the first factor is numeric, and as a table of every point.
     */
    static String sweep(StudyResult.Sweep r) {
        Scenario s = r.scenario();
        int points = r.levels().length;
        StringBuilder b = new StringBuilder(StudyReport.head(
                s.title() + " — sweep of " + String.join(", ", r.factors()),
                "scenario " + s.name() + " · hash " + s.hash() + " · "
                        + (r.design().equals("lhs")
                                ? "Latin hypercube of " + points + " points"
                                : "full factorial, " + points + " points")
                        + " × " + r.replicates() + " replicates (common random numbers) · "
                        + (r.series() ? "every year" : "means from " + r.from()) + " · multivector "
                        + BuildInfo.version()));
        if (!r.series() && points > 1 && r.levels()[0][0] instanceof Double) {
            for (int o = 0; o < r.outputs().size(); o++) {
                Map<String, List<double[]>> byRest = new java.util.LinkedHashMap<>();
                for (int p = 0; p < points; p++) {
                    StringBuilder rest = new StringBuilder();
                    for (int f = 1; f < r.factors().size(); f++) {
                        rest.append(f > 1 ? ", " : "")
                                .append(r.factors().get(f))
                                .append('=')
                                .append(r.levels()[p][f]);
                    }
                    byRest.computeIfAbsent(rest.toString(), k -> new ArrayList<>())
                            .add(new double[] {(Double) r.levels()[p][0], r.mean(p, o)});
                }
                if (byRest.size() > 12 || r.design().equals("lhs")) {
                    continue; // a hypercube or a large grid: the table and the tidy file say it better
                }
                java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
                byRest.values().forEach(l -> l.forEach(v -> xs.add(v[0])));
                double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
                List<HtmlReport.Line> lines = new ArrayList<>();
                for (Map.Entry<String, List<double[]>> e : byRest.entrySet()) {
                    double[] y = new double[x.length];
                    java.util.Arrays.fill(y, Double.NaN);
                    for (double[] v : e.getValue()) {
                        y[java.util.Arrays.binarySearch(x, v[0])] = v[1];
                    }
                    lines.add(new HtmlReport.Line(
                            e.getKey().isEmpty() ? r.outputs().get(o) : e.getKey(),
                            y,
                            HtmlReport.COLOURS[lines.size() % HtmlReport.COLOURS.length],
                            false));
                }
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (HtmlReport.Line l : lines) {
                    for (double v : l.values()) {
                        if (!Double.isNaN(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
                double pad = hi > lo ? 0.1 * (hi - lo) : Math.max(1e-3, 0.1 * Math.abs(hi));
                b.append("<h2>").append(HtmlReport.esc(r.outputs().get(o))).append("</h2>");
                b.append(Charts.lines(
                        r.outputs().get(o) + ": mean over " + r.replicates() + " replicates",
                        r.factors().get(0),
                        x,
                        r.outputs().get(o),
                        lines,
                        niceFloor(lo - pad),
                        niceCeil(hi + pad),
                        null,
                        900,
                        "Each point is the mean of its replicates; every run is in sweep.csv and sweep.parquet."));
            }
        }
        b.append("<h2>Points</h2><table><tr><th>point</th>");
        for (String f : r.factors()) {
            b.append("<th>").append(HtmlReport.esc(f)).append("</th>");
        }
        if (!r.series()) {
            for (String o : r.outputs()) {
                b.append("<th>mean ").append(HtmlReport.esc(o)).append("</th>");
            }
        }
        b.append("</tr>");
        for (int p = 0; p < Math.min(points, 500); p++) {
            b.append("<tr><td>").append(p).append("</td>");
            for (Object v : r.levels()[p]) {
                b.append("<td>")
                        .append(
                                v instanceof Double d
                                        ? String.format(java.util.Locale.ROOT, "%.4g", d)
                                        : HtmlReport.esc(v.toString()))
                        .append("</td>");
            }
            if (!r.series()) {
                for (int o = 0; o < r.outputs().size(); o++) {
                    b.append("<td>")
                            .append(String.format(java.util.Locale.ROOT, "%.3f", r.mean(p, o)))
                            .append("</td>");
                }
            }
            b.append("</tr>");
        }
        b.append("</table>");
        if (points > 500) {
            b.append("<p>The first 500 of ").append(points).append(" points; every one is in sweep.csv.</p>");
        }
        b.append("</body></html>");
        return b.toString();
    }

    /** A round axis end below {@code v}: three significant digits. */
    private static double niceFloor(double v) {
        double m = Math.pow(10, Math.floor(Math.log10(Math.max(1e-12, Math.abs(v)))) - 2);
        return tidy(Math.floor(v / m) * m);
    }

    private static double niceCeil(double v) {
        double m = Math.pow(10, Math.floor(Math.log10(Math.max(1e-12, Math.abs(v)))) - 2);
        return tidy(Math.ceil(v / m) * m);
    }

    /** Without the binary noise of the division ({@code 39.800000000004} → 39.8). */
    private static double tidy(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }

    static String sensitivity(StudyResult.Sensitivity r0) {
        Scenario s = r0.scenario();
        int points = r0.points();
        String method = r0.method();
        int runsPerPoint = r0.runsPerPoint();
        int fromYear = r0.from();
        List<StudyResult.SensitivityRow> rows = r0.rows();
        StringBuilder b = new StringBuilder(StudyReport.head(
                s.title() + " — " + method + " sensitivity",
                "scenario " + s.name() + " · hash " + s.hash() + " · " + points + " points × " + runsPerPoint
                        + " runs · outputs from " + fromYear + " · delta-rsi = RSI(" + r0.actor() + "="
                        + r0.alternative() + ") − RSI(" + r0.actor() + "=" + r0.baseline() + "), branched in "
                        + fromYear
                        + (r0.posterior() == null
                                ? ""
                                : " · posterior parameters over their 90 % intervals: " + r0.posterior())
                        + " · multivector " + BuildInfo.version()));
        if (!r0.warnings().isEmpty()) {
            b.append("<div class=\"warnings\"><h2>Warnings</h2><ul>");
            for (String w : r0.warnings()) {
                b.append("<li>").append(HtmlReport.esc(w)).append("</li>");
            }
            b.append("</ul></div>");
        }
        for (String o : r0.outputs()) {
            List<Charts.Row> bars = r0.ranked(o).stream()
                    .limit(15)
                    .map(r -> method.equals("morris")
                            ? new Charts.Row(r.parameter(), r.muStar(), Double.NaN, Double.NaN)
                            : new Charts.Row(r.parameter(), r.st(), r.stLo(), r.stHi()))
                    .toList();
            b.append("<h2>").append(HtmlReport.esc(o)).append("</h2>");
            boolean morris = method.equals("morris");
            b.append(Charts.bars(
                    morris
                            ? o + ": μ* (mean absolute elementary effect), 15 largest"
                            : o + ": total Sobol index, 15 largest",
                    morris
                            ? "μ* (units of " + o + " over the parameter's range)"
                            : "total index S_T (share of variance)",
                    bars,
                    morris ? "μ*" : "S_T",
                    "95 % bootstrap interval",
                    760));
            List<StudyResult.SensitivityRow> unranked = r0.unranked(o);
            if (!unranked.isEmpty()) {
                b.append("<p>Not ranked:</p><ul>");
                for (StudyResult.SensitivityRow r : unranked) {
                    b.append("<li>")
                            .append(HtmlReport.esc(r.parameter()))
                            .append(": ")
                            .append(HtmlReport.esc(r.note()))
                            .append("</li>");
                }
                b.append("</ul>");
            }
        }
        b.append("</body></html>");
        return b.toString();
    }

    static String discovery(StudyResult.Discovery d) {
        Scenario s = d.scenario();
        int n = d.delta().length;
        int cases = 0;
        for (int j = 0; j < n; j++) {
            cases += d.isCase(j) ? 1 : 0;
        }
        StringBuilder b = new StringBuilder(StudyReport.head(
                s.title() + " — where the answer is '" + d.target() + "'",
                "scenario " + s.name() + " · hash " + s.hash() + " · " + n + " Latin-hypercube points × "
                        + d.runsPerPoint() + " runs × 2 strategies · ΔRSI = RSI(" + d.actor() + "=" + d.alternative()
                        + ") − RSI(" + d.actor() + "=" + d.baseline() + "), branched in " + d.from()
                        + (d.posterior() == null
                                ? ""
                                : " · posterior parameters over their 90 % intervals: " + d.posterior())
                        + " · multivector " + BuildInfo.version()));
        b.append("<p class=\"answer\">")
                .append(HtmlReport.esc(String.format(
                        Locale.ROOT,
                        "At the scenario's own values the answer is '%s' (ΔRSI %+.2f, region of practical equivalence"
                                + " ±%.2f). Over the sampled space %d of %d points (%.0f %%) are '%s': %s %s.",
                        d.referenceVerdict(),
                        d.referenceDelta(),
                        d.rope(),
                        cases,
                        n,
                        n == 0 ? 0 : 100.0 * cases / n,
                        d.target(),
                        d.alternative(),
                        switch (d.target()) {
                            case "better" -> "practically better than " + d.baseline();
                            case "worse" -> "practically worse than " + d.baseline();
                            case "equivalent" -> "no practical difference from " + d.baseline();
                            default -> "not practically worse than " + d.baseline();
                        })))
                .append("</p>");
        if (!d.warnings().isEmpty()) {
            b.append("<div class=\"warnings\"><h2>Warnings</h2><ul>");
            for (String w : d.warnings()) {
                b.append("<li>").append(HtmlReport.esc(w)).append("</li>");
            }
            b.append("</ul></div>");
        }
        if (d.prim() != null) {
            org.multivector.validate.Prim.Box box = d.prim().box();
            b.append("<h2>PRIM box</h2><p>")
                    .append(HtmlReport.esc(String.format(
                            Locale.ROOT,
                            "Inside the box %.0f %% of the points are cases (against %.0f %% overall); it holds %.0f %%"
                                    + " of all cases and %.0f %% of the points. Peeling (Friedman & Fisher 1999) reached"
                                    + " it at step %d, the densest box covering at least half the cases; then %d"
                                    + " of its limits were dropped, one at a time, because without them the density"
                                    + " would be about as high (quasi-p above 0.05, as the EMA Workbench computes"
                                    + " it). The quasi-p of each limit kept says how likely the box's density would be"
                                    + " without it.",
                            100 * box.density(),
                            n == 0 ? 0 : 100.0 * cases / n,
                            100 * box.coverage(),
                            100 * box.support(),
                            d.prim().chosen(),
                            d.prim().peeled().restricted().size()
                                    - box.restricted().size())))
                    .append("</p><table><tr><th>parameter</th><th>box</th><th>sampled range</th><th>quasi-p</th></tr>");
            for (int k : box.restricted()) {
                b.append("<tr><th>")
                        .append(HtmlReport.esc(d.parameters().get(k)))
                        .append("</th><td>")
                        .append(HtmlReport.esc(d.range(k, box.lo()[k], box.hi()[k])))
                        .append("</td><td>")
                        .append(HtmlReport.esc(d.range(k, d.lo()[k], d.hi()[k])))
                        .append(String.format(
                                Locale.ROOT, "</td><td>%.3g</td></tr>", d.prim().quasiP()[k]));
            }
            b.append("</table>");
            List<double[]> traj = new ArrayList<>();
            for (org.multivector.validate.Prim.Box t : d.prim().trajectory()) {
                traj.add(new double[] {t.coverage(), t.density()});
            }
            b.append(Charts.scatter(
                    "Peeling trajectory: coverage against density",
                    "coverage (share of all cases inside the box)",
                    "density (share of the box that are cases)",
                    List.of(
                            new Charts.Points("boxes", traj.toArray(double[][]::new), HtmlReport.COLOURS[2], 6),
                            new Charts.Points(
                                    "reported box",
                                    new double[][] {{box.coverage(), box.density()}},
                                    HtmlReport.COLOURS[0],
                                    14)),
                    0,
                    1,
                    0,
                    1,
                    760,
                    "Each step peels 5 % of the box's points at one end of one parameter; the trajectory trades"
                            + " coverage for density."));
            if (box.restricted().size() >= 1) {
                // the box's limits by strength (smallest quasi-p first); a second axis from the tree if it has one
                double[] qp = d.prim().quasiP();
                List<Integer> limits = box.restricted().stream()
                        .sorted(java.util.Comparator.comparingDouble((Integer k) -> qp[k]))
                        .toList();
                int a = limits.get(0);
                int c = limits.size() > 1 ? limits.get(1) : firstSplitOtherThan(d.tree(), a);
                if (c < 0) {
                    c = a == 0 ? Math.min(1, d.parameters().size() - 1) : 0;
                }
                List<double[]> yes = new ArrayList<>();
                List<double[]> no = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    double[] xy = {d.values()[j][a], d.values()[j][c]};
                    (d.isCase(j) ? yes : no).add(xy);
                }
                b.append(Charts.scatter(
                        box.restricted().size() > 1
                                ? "The points over the box's two strongest limits"
                                : "The points over the box's limit and the tree's first other split",
                        d.parameters().get(a),
                        d.parameters().get(c),
                        List.of(
                                new Charts.Points("other answers", no.toArray(double[][]::new), "#b8c4d0", 4),
                                new Charts.Points(
                                        "'" + d.target() + "'",
                                        yes.toArray(double[][]::new),
                                        HtmlReport.COLOURS[3],
                                        5)),
                        d.lo()[a],
                        d.hi()[a],
                        d.lo()[c],
                        d.hi()[c],
                        760,
                        "Every design point, coloured by its answer; the other parameters vary too."));
            }
            b.append("<h2>Classification tree</h2><p>A second view (CART, Breiman et al. 1984; depth 3, leaves of at"
                            + " least 5 % of the points): the splits that best separate the cases.</p><pre>")
                    .append(HtmlReport.esc(d.treeText()))
                    .append("</pre>");
        }
        b.append("</body></html>");
        return b.toString();
    }

    /** The first input the tree splits on (pre-order) other than {@code a}, or −1. */
    private static int firstSplitOtherThan(org.multivector.validate.Cart.Node t, int a) {
        if (t == null || t.leaf()) {
            return -1;
        }
        if (t.input() != a) {
            return t.input();
        }
        int l = firstSplitOtherThan(t.left(), a);
        return l >= 0 ? l : firstSplitOtherThan(t.right(), a);
    }

    static String fit(StudyRecord record, StudyResult.Fit f) {
        Scenario full = f.scenario();
        String id = record.id();
        org.multivector.validate.Calibration.Result r = f.search();
        List<org.multivector.model.Parameter> fitted = f.fitted();
        double[] bestSoFar = f.bestSoFar();
        String text = f.text();
        String train = f.train().toString();
        Object runsPerPoint = record.manifest().get("request") instanceof Map<?, ?> req ? req.get("runsPerPoint") : "?";
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
        b.append(Charts.lines(
                "Combined loss per evaluation and best so far",
                "evaluation",
                x,
                "loss / naive reference",
                List.of(
                        new HtmlReport.Line("evaluation", each, HtmlReport.COLOURS[3], true),
                        new HtmlReport.Line("best so far", bestSoFar, HtmlReport.COLOURS[0], false)),
                0,
                Math.max(1.1, max),
                null,
                900,
                "Loss: geometric mean over the patterns of each pattern's loss divided by its naive reference (1 = as"
                        + " good as the reference). Evaluations whose loss exceeds three times the start's are off the"
                        + " chart."));
        List<Charts.Row> rows = new ArrayList<>();
        for (int i = 0; i < fitted.size(); i++) {
            double move = r.best().x()[i] - r.start().x()[i];
            rows.add(new Charts.Row(fitted.get(i).name(), move, Double.NaN, Double.NaN));
        }
        rows.sort(Comparator.comparingDouble(row -> -Math.abs(row.estimate())));
        b.append(Charts.forest(
                "Change of each parameter from its start value",
                "fitted − start, in shares of the parameter's range",
                rows,
                "",
                900,
                null));
        b.append("<pre>").append(HtmlReport.esc(text)).append("</pre></body></html>");
        return b.toString();
    }

    private static String reliabilityFigures(List<StudyResult.Scored> results) {
        StringBuilder b = new StringBuilder("<div class=\"grid\">");
        for (StudyResult.Scored r : results) {
            if (r.reliability() != null && !r.pattern().contains("(horizon ")) { // one per pattern, all horizons
                b.append(Charts.reliability("Reliability of the model", r.pattern(), r.reliability(), 460));
            }
        }
        return b.append("</div>").toString();
    }
}
