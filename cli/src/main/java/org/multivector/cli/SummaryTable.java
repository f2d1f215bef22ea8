package org.multivector.cli;

import java.io.PrintWriter;
import org.multivector.engine.Trajectory;
import org.multivector.model.Actor;
import org.multivector.model.Scenario;

/**
 * The compact table {@code run} prints: every five years, balance per state, the scenario's focus state's shares in
 * its three most salient dimensions, RSI and parts.
 */
final class SummaryTable {
    private SummaryTable() {}

    /** The n most salient dimensions, in scenario order among equals. */
    static String[] mostSalient(Scenario s, int n) {
        return s.dimensions().stream()
                .sorted(java.util.Comparator.comparingDouble(
                        (org.multivector.model.Dimension d) -> -d.salience().value()))
                .limit(n)
                .map(org.multivector.model.Dimension::id)
                .toArray(String[]::new);
    }

    static void print(PrintWriter w, Scenario s, Trajectory t) {
        String focus = s.focus();
        String[] dims = mostSalient(s, 3);
        String[] poles =
                s.poles().stream().filter(p -> !p.residual()).map(p -> p.id()).toArray(String[]::new);
        w.printf(
                "%s  seed %d  scenario hash %s  (observed up to %d, free after)%n%n",
                s.title(), t.seed(), t.scenarioHash(), s.time().lastObserved());
        StringBuilder h = new StringBuilder(String.format("%-6s", "year"));
        for (Actor a : s.regionalStates()) {
            h.append(String.format(" %5s", a.id()));
        }
        h.append(" |");
        for (String dim : dims) {
            for (String p : poles) {
                h.append(String.format(" %6s", dim.substring(0, 3) + "." + p.substring(0, Math.min(2, p.length()))));
            }
            h.append(" |");
        }
        h.append(String.format(" %5s %6s %6s %6s %6s", "RSI", "hazard", "unrest", "polar", "inst"));
        w.println("balance index (0 single-vector .. 1 even)  | " + focus
                + " shares per pole                                     | Regional Stability Index and stressors");
        w.println(h);
        for (int y = t.firstYear(); y <= t.lastYear(); y++) {
            if ((y % 5 != 0) && y != t.firstYear() && y != t.lastYear()) {
                continue;
            }
            StringBuilder b = new StringBuilder(String.format("%-6d", y));
            for (Actor a : s.regionalStates()) {
                b.append(String.format(" %5.2f", t.value(y, a.id(), "balance")));
            }
            b.append(" |");
            for (String dim : dims) {
                for (String p : poles) {
                    int v = t.indexOf(focus, "share." + dim + "." + p);
                    b.append(v < 0 ? "      -" : String.format(" %6.2f", t.value(y, v)));
                }
                b.append(" |");
            }
            b.append(String.format(
                    " %5.1f %6.3f %6.3f %6.3f %6.3f",
                    t.value(y, "REGION", "rsi"),
                    t.value(y, "REGION", "rsi.hazard"),
                    t.value(y, "REGION", "rsi.unrest"),
                    t.value(y, "REGION", "rsi.polarisation"),
                    t.value(y, "REGION", "rsi.institutions")));
            w.println(b);
        }
        int incidents = 0;
        int unrest = 0;
        for (int y = t.firstYear(); y <= t.lastYear(); y++) {
            incidents += (int) t.value(y, "REGION", "incidents");
            for (Actor a : s.regionalStates()) {
                unrest += (int) t.value(y, a.id(), "unrest");
            }
        }
        w.printf(
                "%nSimulated %d-%d: %d militarised incidents between neighbours, %d episodes of unrest.%n",
                t.firstYear(), t.lastYear(), incidents, unrest);
        w.println(
                "RSI = 100 (1 - weighted stressors); stressors: incident hazard, unrest, polarisation, institutional deficit (docs/METRICS.md).");
    }
}
