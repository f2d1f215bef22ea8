package org.multivector.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.multivector.engine.Trajectory;
import org.multivector.model.Actor;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.model.TieSeries;

/**
 * The self-contained {@code report.html} of a run: inline SVG charts, no scripts or external
 * resources, so it opens offline and can be mailed. Charts: alignment per pole over time for each
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
                    + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}</style>";

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
        b.append(chart(
                "RSI (0–100, higher is more stable)",
                x,
                List.of(new Line("RSI", series(t, "REGION", "rsi"), COLOURS[4], false)),
                0,
                100,
                520));
        b.append(chart(
                "Stressors (0–1)",
                x,
                List.of(
                        new Line("incident hazard", series(t, "REGION", "rsi.hazard"), COLOURS[0], false),
                        new Line("unrest", series(t, "REGION", "rsi.unrest"), COLOURS[1], false),
                        new Line("polarisation", series(t, "REGION", "rsi.polarisation"), COLOURS[2], false),
                        new Line("institutional deficit", series(t, "REGION", "rsi.institutions"), COLOURS[3], false)),
                0,
                1,
                520));
        b.append("</div><h2>Vector balance (normalised entropy over the poles; 1 = even)</h2><div class=\"grid\">");
        List<Line> bal = new ArrayList<>();
        int c = 0;
        for (Actor a : s.regionalStates()) {
            bal.add(new Line(a.id(), series(t, a.id(), "balance"), COLOURS[c++ % COLOURS.length], false));
        }
        b.append(chart("Overall balance index per state", x, bal, 0, 1, 700));
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
            b.append(chart(a.id() + ": alignment with each pole", x, lines, 0, 1, 380));
        }
        b.append(
                "</div><h2>Simulated vs observed: trade shares of the free model (never re-anchored) and the observations</h2><div class=\"grid\">");
        for (Actor a : s.regionalStates()) {
            List<Line> lines = new ArrayList<>();
            TieSeries obs = s.tie(a.id(), "trade").orElse(null);
            for (int p = 0; p < poles.size(); p++) {
                if (poles.get(p).residual()) {
                    continue;
                }
                String pid = poles.get(p).id();
                int v = free.indexOf(a.id(), "share.trade." + pid);
                if (v < 0) {
                    continue;
                }
                lines.add(new Line(
                        pid + " model",
                        series(free, a.id(), "share.trade." + pid),
                        COLOURS[p % COLOURS.length],
                        false));
                double[] o = new double[years];
                java.util.Arrays.fill(o, Double.NaN);
                if (obs != null) {
                    obs.shares().forEach((yr, m) -> {
                        if (yr >= t.firstYear() && yr <= t.lastYear() && m.containsKey(pid)) {
                            o[yr - t.firstYear()] = m.get(pid);
                        }
                    });
                }
                lines.add(new Line(pid + " observed", o, COLOURS[p % COLOURS.length], true));
            }
            b.append(chart(a.id() + ": trade share per pole", x, lines, 0, 1, 380));
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

    static String chart(String title, double[] x, List<Line> lines, double yMin, double yMax, int width) {
        // The legend wraps onto a second row when the names do not fit on one.
        int legendWidth = 0;
        for (Line l : lines) {
            legendWidth += l.name().isEmpty() ? 0 : 18 + 6 * l.name().length();
        }
        int right = 18;
        int legendRows = legendWidth > width - 40 - right ? 2 : 1;
        int height = 226 + 14 * legendRows;
        int left = 40;
        int top = 10;
        int bottom = 26 + 14 * legendRows;
        double x0 = x[0];
        double x1 = x[x.length - 1] == x0 ? x0 + 1 : x[x.length - 1];
        StringBuilder b = new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + esc(title) + "\">");
        b.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
                left,
                top,
                width - left - right,
                height - top - bottom));
        for (int k = 0; k <= 4; k++) {
            double v = yMin + (yMax - yMin) * k / 4;
            double py = top + (height - top - bottom) * (1 - (double) k / 4);
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    left,
                    width - right,
                    py,
                    py,
                    left - 4,
                    py + 3,
                    yMax > 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v)));
        }
        double step = 5;
        if (x1 - x0 > 60) {
            double raw = (x1 - x0) / 6;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
        }
        for (double yr = Math.ceil(x0 / step) * step; yr <= x1; yr += step) {
            double px = left + (width - left - right) * (yr - x0) / (x1 - x0);
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%.0f</text>",
                    px,
                    height - bottom + 12,
                    yr));
        }
        int legendX = left;
        int legendY = height - 14 * legendRows;
        for (Line l : lines) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int k = 0; k < x.length; k++) {
                double v = l.values()[k];
                if (Double.isNaN(v)) {
                    pen = false;
                    continue;
                }
                double px = left + (width - left - right) * (x[k] - x0) / (x1 - x0);
                double py = top
                        + (height - top - bottom) * (1 - (Math.max(yMin, Math.min(yMax, v)) - yMin) / (yMax - yMin));
                if (l.dots()) {
                    b.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"none\" stroke=\"%s\"/>",
                            px,
                            py,
                            l.colour()));
                } else {
                    path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                    pen = true;
                }
            }
            if (path.length() > 0) {
                b.append("<path d=\"")
                        .append(path)
                        .append("\" fill=\"none\" stroke=\"")
                        .append(l.colour())
                        .append("\" stroke-width=\"1.8\"/>");
            }
            if (l.name().isEmpty()) {
                continue; // a line without a legend entry
            }
            int itemWidth = 18 + 6 * l.name().length();
            if (legendX > left && legendX + itemWidth > width - right) {
                legendX = left;
                legendY += 14;
            }
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>",
                    legendX,
                    legendY,
                    l.colour(),
                    legendX + 13,
                    legendY + 4,
                    esc(l.name())));
            legendX += itemWidth;
        }
        b.append("</svg><figcaption>").append(esc(title)).append("</figcaption></figure>");
        return b.toString();
    }

    /** States in an inner circle, poles outside; edge width = alignment, state pairs coloured by tension. */
    private static String network(Scenario s, Trajectory t, int year) {
        int w = 640;
        int h = 460;
        List<Actor> states = s.regionalStates();
        List<Pole> poles = s.poles().stream().filter(p -> !p.residual()).toList();
        double[][] sp = new double[states.size()][2];
        double[][] pp = new double[poles.size()][2];
        for (int i = 0; i < states.size(); i++) {
            double a = 2 * Math.PI * i / states.size() - Math.PI / 2;
            sp[i][0] = w / 2.0 + 120 * Math.cos(a);
            sp[i][1] = h / 2.0 + 120 * Math.sin(a);
        }
        for (int p = 0; p < poles.size(); p++) {
            double a = 2 * Math.PI * p / poles.size() - Math.PI / 2 + 0.3;
            pp[p][0] = w / 2.0 + 210 * Math.cos(a);
            pp[p][1] = h / 2.0 + 200 * Math.sin(a);
        }
        StringBuilder b = new StringBuilder(
                "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\">");
        double[] wsum = {
            s.dimensions().stream().mapToDouble(d -> d.salience().value()).sum()
        };
        for (int i = 0; i < states.size(); i++) {
            for (int p = 0; p < poles.size(); p++) {
                double a = 0;
                for (var d : s.dimensions()) {
                    a += d.salience().value()
                            / wsum[0]
                            * t.value(
                                    year,
                                    states.get(i).id(),
                                    "share." + d.id() + "." + poles.get(p).id());
                }
                b.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" stroke-opacity=\"0.6\" stroke-width=\"%.1f\"/>",
                        sp[i][0],
                        sp[i][1],
                        pp[p][0],
                        pp[p][1],
                        COLOURS[s.poles().indexOf(poles.get(p)) % COLOURS.length],
                        1 + 14 * a));
            }
            for (int j = i + 1; j < states.size(); j++) {
                int v = t.indexOf(states.get(i).id() + "-" + states.get(j).id(), "tension");
                double tension = v < 0 ? 0 : t.value(year, v);
                int red = (int) (255 * tension);
                b.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"rgb(%d,%d,80)\" stroke-dasharray=\"4 3\" stroke-width=\"2\"/>",
                        sp[i][0],
                        sp[i][1],
                        sp[j][0],
                        sp[j][1],
                        red,
                        200 - red * 2 / 3));
            }
        }
        for (int i = 0; i < states.size(); i++) {
            b.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"20\" fill=\"#fff\" stroke=\"#333\"/><text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" text-anchor=\"middle\">%s</text>",
                    sp[i][0],
                    sp[i][1],
                    sp[i][0],
                    sp[i][1] + 4,
                    esc(states.get(i).id())));
        }
        for (int p = 0; p < poles.size(); p++) {
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.0f\" y=\"%.0f\" width=\"56\" height=\"26\" rx=\"6\" fill=\"%s\"/><text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" fill=\"#fff\" text-anchor=\"middle\">%s</text>",
                    pp[p][0] - 28,
                    pp[p][1] - 13,
                    COLOURS[s.poles().indexOf(poles.get(p)) % COLOURS.length],
                    pp[p][0],
                    pp[p][1] + 4,
                    esc(poles.get(p).id())));
        }
        b.append(
                "</svg><figcaption>Edge width: a state's salience-weighted alignment with the pole. Dashed lines: tension between states (green low, red high).</figcaption></figure>");
        return b.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
