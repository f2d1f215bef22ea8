package org.multivector.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.Distribution;
import org.multivector.bargain.SmpHistory;
import org.multivector.study.BargainSummary;

/** {@code report.html} of {@code multivector bargain}: trajectories per dimension, probabilities, forecast. */
final class BargainReport {
    private BargainReport() {}

    private static String colour(int i) {
        return HtmlReport.COLOURS[i % HtmlReport.COLOURS.length];
    }

    /** Actors shown with a colour and a legend entry: all of up to ten, else the eight with most capability. */
    static boolean[] named(BargainingProblem p) {
        int n = p.actorCount();
        boolean[] named = new boolean[n];
        if (n <= 10) {
            java.util.Arrays.fill(named, true);
            return named;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p.capability()[b], p.capability()[a]));
        for (int k = 0; k < 8; k++) {
            named[order[k]] = true;
        }
        return named;
    }

    /** A value of actor i in state t. */
    private interface Value {
        double at(int t, int i);
    }

    /** One line per actor over states 0..turns: unnamed (grey) actors first so the named ones draw on top. */
    private static List<HtmlReport.Line> actorLines(BargainingProblem p, boolean[] named, int turns, Value value) {
        List<HtmlReport.Line> lines = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < p.actorCount(); i++) {
                if (named[i] != (pass == 1)) {
                    continue;
                }
                double[] v = new double[turns + 1];
                for (int t = 0; t <= turns; t++) {
                    v[t] = value.at(t, i);
                }
                lines.add(line(p, named, i, v));
            }
        }
        addOthersEntry(lines, named, turns + 1);
        return lines;
    }

    private static HtmlReport.Line line(BargainingProblem p, boolean[] named, int i, double[] v) {
        if (!named[i]) {
            return new HtmlReport.Line("", v, OTHERS, false);
        }
        int rank = 0;
        for (int k = 0; k < i; k++) {
            rank += named[k] ? 1 : 0;
        }
        return new HtmlReport.Line(p.actors().get(i).strip(), v, colour(rank), false);
    }

    private static void addOthersEntry(List<HtmlReport.Line> lines, boolean[] named, int length) {
        int others = 0;
        for (boolean b : named) {
            others += b ? 0 : 1;
        }
        if (others > 0) {
            double[] none = new double[length];
            java.util.Arrays.fill(none, Double.NaN);
            lines.add(new HtmlReport.Line(others + " other actors", none, OTHERS, false));
        }
    }

    private static final String OTHERS = "#d5d5d5";

    static String single(SmpHistory h) {
        BargainingProblem p = h.problem();
        StringBuilder b = new StringBuilder(StudyReport.head(
                "Bargaining forecast: " + p.name(),
                p.actorCount() + " actors, " + p.dimensionCount()
                        + (p.dimensionCount() == 1 ? " dimension; " : " dimensions; ") + h.turns() + " turns ("
                        + h.stopReason().text() + "); seed " + Long.toUnsignedString(p.seed()) + "; "
                        + p.parameters().describe()));
        if (!p.description().isBlank()) {
            b.append("<p>").append(HtmlReport.esc(p.description())).append("</p>");
        }
        for (String note : h.notes()) {
            b.append("<p><small>Note: ").append(HtmlReport.esc(note)).append("</small></p>");
        }
        double[] x = new double[h.turns() + 1];
        for (int t = 0; t <= h.turns(); t++) {
            x[t] = t;
        }
        double[] outcome = h.weightedOutcome(h.turns());
        b.append("<h2>Forecast</h2><table><tr><th>dimension</th><th>weighted outcome</th><th>start</th>"
                + "<th>scale</th></tr>");
        double[] start = h.weightedOutcome(0);
        for (int d = 0; d < p.dimensionCount(); d++) {
            b.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%.1f</td><td>%.1f</td><td style=\"text-align:left\">%s</td></tr>",
                    HtmlReport.esc(p.dimensions().get(d)),
                    outcome[d] * 100,
                    start[d] * 100,
                    HtmlReport.esc(p.scales().get(d))));
        }
        b.append("</table><p><small>Weighted outcome: mean of final positions weighted by capability &times;"
                + " salience on the dimension (0&ndash;100).</small></p>");
        boolean[] named = named(p);
        for (int d = 0; d < p.dimensionCount(); d++) {
            final int dim = d;
            List<HtmlReport.Line> lines =
                    actorLines(p, named, h.turns(), (t, i) -> h.positions().get(t)[i][dim] * 100);
            double[] w = new double[h.turns() + 1];
            for (int t = 0; t <= h.turns(); t++) {
                w[t] = h.weightedOutcome(t)[d] * 100;
            }
            lines.add(new HtmlReport.Line("weighted mean", w, "#000000", true));
            b.append("<h2>Positions on ")
                    .append(HtmlReport.esc(p.dimensions().get(d)))
                    .append("</h2>");
            if (!p.scales().get(d).isEmpty()) {
                b.append("<p><small>").append(HtmlReport.esc(p.scales().get(d))).append("</small></p>");
            }
            b.append(Charts.lines(
                    "Positions on " + p.dimensions().get(d) + " by turn",
                    "turn",
                    x,
                    "position (0–100)",
                    lines,
                    0,
                    100,
                    null,
                    760,
                    null));
        }
        List<HtmlReport.Line> probs =
                actorLines(p, named, h.turns(), (t, i) -> h.winProbability().get(t)[i]);
        b.append("<h2>Probability that each actor's position wins</h2>");
        b.append(Charts.lines(
                "Probability that each actor's position wins (PCE), by turn",
                "turn",
                x,
                "probability",
                probs,
                0,
                1,
                null,
                760,
                null));
        b.append("<h2>Final positions</h2><table><tr><th>actor</th><th>capability</th>");
        for (String d : p.dimensions()) {
            b.append("<th>").append(HtmlReport.esc(d)).append(" start &rarr; end</th>");
        }
        b.append("<th>P(wins)</th></tr>");
        for (int i = 0; i < p.actorCount(); i++) {
            b.append("<tr><td>")
                    .append(HtmlReport.esc(p.actors().get(i).strip()))
                    .append("</td>");
            b.append(String.format(Locale.ROOT, "<td>%.4g</td>", p.capability()[i]));
            for (int d = 0; d < p.dimensionCount(); d++) {
                b.append(String.format(
                        Locale.ROOT,
                        "<td>%.2f &rarr; %.2f</td>",
                        p.position()[i][d] * 100,
                        h.finalPositions()[i][d] * 100));
            }
            b.append(String.format(Locale.ROOT, "<td>%.4f</td></tr>", h.finalWinProbability()[i]));
        }
        b.append("</table><p><small>Model: KTAB's Spatial Model of Politics as specified in docs/BARGAINING.md;"
                + " positions and ideals of every turn are in positions.csv and history.csv.</small></p>");
        return b.append("</body></html>").toString();
    }

    /** An ensemble's distributions. */
    static String ensemble(String issue, BargainSummary s, Object noise, int runs) {
        StringBuilder b = new StringBuilder(StudyReport.head(
                "Bargaining ensemble: " + issue,
                runs + " runs; perturbation " + noise
                        + String.format(
                                Locale.ROOT,
                                "; turns median %.0f (5-95%%: %.0f-%.0f); %.1f%% converged",
                                s.turns().p50(),
                                s.turns().p05(),
                                s.turns().p95(),
                                100 * s.convergedShare())));
        List<Charts.Row> rows = new ArrayList<>();
        for (int d = 0; d < s.dimensions().size(); d++) {
            Distribution x = s.outcome().get(d);
            rows.add(new Charts.Row(s.dimensions().get(d), x.p50(), x.p05(), x.p95()));
        }
        b.append("<h2>Forecast outcome per dimension</h2>");
        b.append(Charts.forest(
                "Weighted outcome per dimension over " + runs + " runs",
                "outcome (0–100)",
                rows,
                "5–95 % of runs",
                760,
                null));
        for (int d = 0; d < s.dimensions().size(); d++) {
            List<Charts.Row> perActor = new ArrayList<>();
            for (int i = 0; i < s.actors().size(); i++) {
                Distribution x = s.finalPosition().get(i).get(d);
                perActor.add(new Charts.Row(s.actors().get(i), x.p50(), x.p05(), x.p95()));
            }
            b.append("<h2>Final positions on ")
                    .append(HtmlReport.esc(s.dimensions().get(d)))
                    .append("</h2>");
            b.append(Charts.forest(
                    "Final positions on " + s.dimensions().get(d) + ": median over runs",
                    "position (0–100)",
                    perActor,
                    "5–95 % of runs",
                    760,
                    null));
        }
        b.append("<h2>Outcome distribution</h2><table><tr><th>dimension</th><th>mean</th><th>sd</th><th>p05</th>"
                + "<th>p25</th><th>p50</th><th>p75</th><th>p95</th></tr>");
        for (int d = 0; d < s.dimensions().size(); d++) {
            Distribution x = s.outcome().get(d);
            b.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
                            + "<td>%.2f</td></tr>",
                    HtmlReport.esc(s.dimensions().get(d)),
                    x.mean(),
                    x.sd(),
                    x.p05(),
                    x.p25(),
                    x.p50(),
                    x.p75(),
                    x.p95()));
        }
        b.append("</table><h2>Probability that each actor's position wins (mean over runs)</h2><table>"
                + "<tr><th>actor</th><th>mean</th><th>p05</th><th>p95</th></tr>");
        for (int i = 0; i < s.actors().size(); i++) {
            Distribution x = s.winProbability().get(i);
            b.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td></tr>",
                    HtmlReport.esc(s.actors().get(i)),
                    x.mean(),
                    x.p05(),
                    x.p95()));
        }
        return b.append("</table><p><small>Every run's values are in runs.csv.</small></p></body></html>")
                .toString();
    }
}
