package org.multivector.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.multivector.engine.Trajectory;
import org.multivector.model.Actor;
import org.multivector.model.Dimension;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.model.TieSeries;

/**
 * The self-contained {@code report.html} of a run: ECharts charts with the library inlined ({@link Charts}), no
 * external resources, so it opens offline and can be mailed. Charts: alignment per pole over time for each
 * state, balance index per state, RSI with its stressors, the tie network in the last observed
 * year, and the free model (never re-anchored) against the observed trade shares.
 */
final class HtmlReport {
    static final String[] COLOURS = {
        "#c0392b", "#d4a017", "#2471a3", "#7f8c8d", "#27ae60", "#8e44ad", "#e67e22", "#16a085"
    };

    private HtmlReport() {}

    static final String STYLE =
            "<style>body{font-family:DejaVu Sans,Arial,sans-serif;margin:24px;color:#222;max-width:1200px}"
                    + "h1{font-size:22px}h2{font-size:17px;margin-top:28px}.grid{display:flex;flex-wrap:wrap;gap:12px}"
                    + "figure{margin:0}figcaption{font-size:12px;color:#555}small{color:#666}table{border-collapse:collapse;font-size:12px}"
                    + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}pre{white-space:pre-wrap}"
                    + ".mv-downloads{font-size:12px;color:#555}.mv-downloads button{font-size:11px}</style>";

    /** A series; an empty name draws it without a legend entry. */
    record Line(String name, double[] values, String colour, boolean dots) {}

    static String render(Scenario s, Trajectory t, Trajectory free, long seed) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(s.title()))
                .append("</title>" + STYLE + "</head><body>");
        b.append("<h1>").append(esc(s.title())).append("</h1>");
        b.append("<p><small>scenario <b>")
                .append(esc(s.name()))
                .append("</b> · hash ")
                .append(esc(s.hash()))
                .append(" · seed ")
                .append(seed)
                .append(" · years ")
                .append(t.firstYear())
                .append("–")
                .append(t.lastYear())
                .append(" · re-anchored to observations up to ")
                .append(s.time().lastObserved())
                .append(", free afterwards · multivector ")
                .append(org.multivector.study.BuildInfo.version())
                .append("</small></p>");
        int years = t.years();
        double[] x = new double[years];
        for (int k = 0; k < years; k++) {
            x[k] = t.firstYear() + k;
        }
        List<Pole> poles = s.poles();
        b.append("<h2>Regional Stability Index and its stressors</h2><div class=\"grid\">");
        b.append(Charts.lines(
                "Regional Stability Index (higher is more stable)",
                "year",
                x,
                "RSI (0–100)",
                List.of(new Line("RSI", series(t, "REGION", "rsi"), COLOURS[4], false)),
                0,
                100,
                s.time().lastObserved(),
                520,
                null));
        b.append(Charts.lines(
                "Stressors of the RSI",
                "year",
                x,
                "stressor (0–1)",
                List.of(
                        new Line(
                                stressor(s, "incident hazard", "hazard"),
                                series(t, "REGION", "rsi.hazard"),
                                COLOURS[0],
                                false),
                        new Line(stressor(s, "unrest", "unrest"), series(t, "REGION", "rsi.unrest"), COLOURS[1], false),
                        new Line(
                                stressor(s, "polarisation", "polarisation"),
                                series(t, "REGION", "rsi.polarisation"),
                                COLOURS[2],
                                false),
                        new Line(
                                stressor(s, "institutional deficit", "institutions"),
                                series(t, "REGION", "rsi.institutions"),
                                COLOURS[3],
                                false)),
                0,
                1,
                s.time().lastObserved(),
                520,
                "Weights: parameters rsi-weight-*."));
        b.append("</div><h2>Vector balance (normalised entropy over the poles; 1 = even)</h2><div class=\"grid\">");
        List<Line> bal = new ArrayList<>();
        int c = 0;
        for (Actor a : s.regionalStates()) {
            bal.add(new Line(a.id(), series(t, a.id(), "balance"), COLOURS[c++ % COLOURS.length], false));
        }
        b.append(Charts.lines(
                "Overall balance index per state",
                "year",
                x,
                "balance index (0–1)",
                bal,
                0,
                1,
                s.time().lastObserved(),
                700,
                null));
        b.append(
                "</div><h2>Shares per pole over time (salience-weighted alignment, and trade)</h2><div class=\"grid\">");
        for (Actor a : s.regionalStates()) {
            List<Line> lines = new ArrayList<>();
            for (int p = 0; p < poles.size(); p++) {
                lines.add(new Line(
                        poles.get(p).id(),
                        alignment(s, t, a.id(), poles.get(p).id()),
                        COLOURS[p % COLOURS.length],
                        false));
            }
            b.append(Charts.lines(
                    a.id() + ": alignment with each pole",
                    "year",
                    x,
                    "salience-weighted share (0–1)",
                    lines,
                    0,
                    1,
                    s.time().lastObserved(),
                    380,
                    null));
        }
        Dimension dim = observedDimension(s);
        if (dim != null) {
            b.append("</div><h2>Simulated vs observed: ")
                    .append(esc(dim.name()))
                    .append(
                            " shares of the free model (never re-anchored) and the observations</h2><div class=\"grid\">");
        }
        for (Actor a : dim == null ? List.<Actor>of() : s.regionalStates()) {
            List<Line> lines = new ArrayList<>();
            TieSeries obs = s.tie(a.id(), dim.id()).orElse(null);
            for (int p = 0; p < poles.size(); p++) {
                if (poles.get(p).residual()) {
                    continue;
                }
                String pid = poles.get(p).id();
                int v = free.indexOf(a.id(), "share." + dim.id() + "." + pid);
                if (v < 0) {
                    continue;
                }
                lines.add(new Line(
                        pid + " model",
                        series(free, a.id(), "share." + dim.id() + "." + pid),
                        COLOURS[p % COLOURS.length],
                        false));
                double[] o = new double[years];
                java.util.Arrays.fill(o, Double.NaN);
                if (obs != null) {
                    obs.shares().forEach((yr, m) -> {
                        if (yr >= t.firstYear()
                                && yr <= t.lastYear()
                                && m.containsKey(pid)
                                && !m.get(pid).isNaN()) {
                            o[yr - t.firstYear()] = m.get(pid);
                        }
                    });
                }
                lines.add(new Line(pid + " observed", o, COLOURS[p % COLOURS.length], true));
            }
            b.append(Charts.lines(
                    a.id() + ": " + dim.name() + " share per pole",
                    "year",
                    x,
                    dim.name() + " share (0–1)",
                    lines,
                    0,
                    1,
                    s.time().lastObserved(),
                    380,
                    "Lines: the free model; dots: observations ("
                            + (obs == null ? "none" : obs.provenance().label()) + "; missing years have no dot)."));
        }
        int netYear = Math.min(Math.max(s.time().lastObserved(), t.firstYear()), t.lastYear());
        b.append("</div><h2>Tie network in ").append(netYear).append("</h2>");
        b.append(network(s, t, netYear));
        b.append(
                "<h2>Parameters</h2><table><tr><th>name</th><th>value</th><th>range</th><th style=\"text-align:left\">provenance</th></tr>");
        s.parameters().values().stream()
                .sorted((p1, p2) -> p1.name().compareTo(p2.name()))
                .forEach(p -> b.append("<tr><td>")
                        .append(esc(p.name()))
                        .append("</td><td>")
                        .append(p.value())
                        .append("</td><td>")
                        .append(p.min())
                        .append("–")
                        .append(p.max())
                        .append("</td><td style=\"text-align:left\">")
                        .append(esc(p.provenance().note()))
                        .append("</td></tr>"));
        b.append("</table><p><small>Formulas: docs/METRICS.md; mechanisms: docs/ODD.md.</small></p></body></html>\n");
        return b.toString();
    }

    static double[] series(Trajectory t, String actor, String name) {
        int v = t.indexOf(actor, name);
        double[] out = new double[t.years()];
        for (int k = 0; k < out.length; k++) {
            out[k] = v < 0 ? Double.NaN : t.value(t.firstYear() + k, v);
        }
        return out;
    }

    /** The dimension whose free-model shares the report sets against observations: the trade dimension, else the first observed one. */
    private static Dimension observedDimension(Scenario s) {
        Dimension d = s.interdependenceDimension().orElse(null);
        if (d != null) {
            return d;
        }
        for (Dimension x : s.dimensions()) {
            for (Actor a : s.regionalStates()) {
                TieSeries t = s.tie(a.id(), x.id()).orElse(null);
                if (t != null && !t.provenance().isAssumption()) {
                    return x;
                }
            }
        }
        return null;
    }

    private static double[] alignment(Scenario s, Trajectory t, String actor, String pole) {
        double[] out = new double[t.years()];
        double wSum =
                s.dimensions().stream().mapToDouble(d -> d.salience().value()).sum();
        for (var d : s.dimensions()) {
            double[] v = series(t, actor, "share." + d.id() + "." + pole);
            for (int k = 0; k < out.length; k++) {
                out[k] += d.salience().value() / wSum * v[k];
            }
        }
        return out;
    }

    /** States in an inner circle, poles outside; edge width = alignment, state pairs coloured by tension. */
    private static String network(Scenario s, Trajectory t, int year) {
        int w = 640;
        int h = 500;
        List<Actor> states = s.regionalStates();
        List<Pole> poles = s.poles().stream().filter(p -> !p.residual()).toList();
        List<java.util.Map<String, Object>> nodes = new ArrayList<>();
        List<java.util.Map<String, Object>> links = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            double a = 2 * Math.PI * i / states.size() - Math.PI / 2;
            nodes.add(Charts.map(
                    "name",
                    states.get(i).id(),
                    "x",
                    w / 2.0 + 120 * Math.cos(a),
                    "y",
                    h / 2.0 + 120 * Math.sin(a),
                    "category",
                    0,
                    "symbolSize",
                    40,
                    "itemStyle",
                    Charts.map("color", "#fff", "borderColor", "#333")));
        }
        for (int p = 0; p < poles.size(); p++) {
            double a = 2 * Math.PI * p / poles.size() - Math.PI / 2 + 0.3;
            nodes.add(Charts.map(
                    "name",
                    poles.get(p).id(),
                    "x",
                    w / 2.0 + 220 * Math.cos(a),
                    "y",
                    h / 2.0 + 190 * Math.sin(a),
                    "category",
                    1,
                    "symbol",
                    "roundRect",
                    "symbolSize",
                    List.of(56, 26),
                    "itemStyle",
                    Charts.map("color", COLOURS[s.poles().indexOf(poles.get(p)) % COLOURS.length]),
                    "label",
                    Charts.map("color", "#fff")));
        }
        double wsum =
                s.dimensions().stream().mapToDouble(d -> d.salience().value()).sum();
        for (int i = 0; i < states.size(); i++) {
            for (int p = 0; p < poles.size(); p++) {
                double a = 0;
                for (var d : s.dimensions()) {
                    a += d.salience().value()
                            / wsum
                            * t.value(
                                    year,
                                    states.get(i).id(),
                                    "share." + d.id() + "." + poles.get(p).id());
                }
                links.add(Charts.map(
                        "source", states.get(i).id(),
                        "target", poles.get(p).id(),
                        "value", Math.round(1000 * a) / 1000.0,
                        "lineStyle",
                                Charts.map(
                                        "width",
                                        1 + 14 * a,
                                        "opacity",
                                        0.6,
                                        "color",
                                        COLOURS[s.poles().indexOf(poles.get(p)) % COLOURS.length])));
            }
            for (int j = i + 1; j < states.size(); j++) {
                int v = t.indexOf(states.get(i).id() + "-" + states.get(j).id(), "tension");
                double tension = v < 0 ? 0 : t.value(year, v);
                int red = (int) (255 * tension);
                links.add(Charts.map(
                        "source", states.get(i).id(),
                        "target", states.get(j).id(),
                        "value", Math.round(1000 * tension) / 1000.0,
                        "lineStyle",
                                Charts.map(
                                        "width",
                                        2,
                                        "type",
                                        "dashed",
                                        "color",
                                        String.format(Locale.ROOT, "rgb(%d,%d,80)", red, 200 - red * 2 / 3))));
            }
        }
        return Charts.network(
                "Tie network in " + year,
                nodes,
                links,
                w,
                h,
                "Edge width: a state's salience-weighted alignment with the pole (hover for the value). Dashed lines:"
                        + " tension between states (green low, red high).");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A stressor's legend: its name and weight in the RSI (or that it is not counted). */
    private static String stressor(Scenario s, String name, String key) {
        double w = s.parameters().containsKey("rsi-weight-" + key)
                ? s.parameter("rsi-weight-" + key).value()
                : 1;
        return w == 0 ? name + " (not in the RSI)" : String.format(Locale.ROOT, "%s (weight %.2f)", name, w);
    }
}
