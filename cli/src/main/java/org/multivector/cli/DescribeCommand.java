package org.multivector.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.multivector.engine.Trajectory;
import org.multivector.model.Actor;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.study.RegionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector describe --year Y}: the observed regional system in one year. */
@Command(
        name = "describe",
        description =
                "Print the observed system in a year: institutions and members, shares per pole and dimension, open disputes, metrics.")
final class DescribeCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenarioOption = new ScenarioOptions();

    @Option(names = "--year", required = true, description = "The year to describe.")
    int year;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = scenarioOption.load();
        RegionView.Year view = RegionView.of(s, year);
        PrintWriter w = spec.commandLine().getOut();
        List<Pole> poles = s.poles().stream().filter(p -> !p.residual()).toList();
        w.printf("%s — %d%n%n", s.title(), year);
        w.println("Institutions and members");
        for (RegionView.InstitutionYear inst : view.institutions()) {
            w.printf(
                    "  %-8s %-9s lead %-9s %s%n",
                    inst.id(),
                    inst.domain(),
                    inst.lead().isEmpty() ? "-" : String.join("+", inst.lead()),
                    String.join(" ", inst.members())
                            + inst.other().entrySet().stream()
                                    .sorted(java.util.Map.Entry.comparingByKey())
                                    .map(e -> " " + e.getKey() + " (" + e.getValue() + ")")
                                    .collect(java.util.stream.Collectors.joining()));
        }
        w.println();
        w.print(
                "Observed shares per pole (missing = no observation that year; never read as zero)\n  state dimension ");
        for (Pole p : poles) {
            w.printf(" %6s", p.id());
        }
        w.printf(" %7s %6s  %s%n", "balance", "HHI", "source");
        for (RegionView.SharesYear row : view.shares()) {
            w.printf("  %-5s %-9s ", row.state(), row.dimension());
            if (row.status() == RegionView.Status.MISSING) {
                w.printf(" missing (%s)%n", row.missingNote());
                continue;
            }
            for (double v : row.shares().values()) {
                w.printf(" %6.3f", v);
            }
            w.printf(
                    " %7.3f %6.3f  %s%n", row.balance(), row.hhi(), row.status().json());
        }
        w.println();
        w.println("Open disputes");
        for (RegionView.DisputeYear d : view.disputes()) {
            w.printf(
                    "  %-20s %s-%s %-8s intensity %.2f since %d%s%n",
                    d.id(),
                    d.a(),
                    d.b(),
                    d.kind(),
                    d.intensity(),
                    d.since(),
                    d.settled() != null ? ", settled " + d.settled() : "");
        }
        if (view.disputes().isEmpty()) {
            w.println("  none");
        }
        Trajectory t = view.model();
        w.println();
        w.printf(
                "Model metrics in %d (%s; seed %d)%n",
                year,
                year <= s.time().lastObserved() ? "ties re-anchored to the observations above" : "free-running model",
                RegionView.SEED);
        w.printf("  %-5s %7s %6s %8s %9s%n", "state", "balance", "HHI", "exposure", "fragility");
        for (Actor a : s.regionalStates()) {
            w.printf(
                    "  %-5s %7.3f %6.3f %8.3f %9.3f%n",
                    a.id(),
                    t.value(year, a.id(), "balance"),
                    t.value(year, a.id(), "hhi"),
                    t.value(year, a.id(), "exposure"),
                    t.value(year, a.id(), "fragility"));
        }
        w.printf("  %-10s %7s %7s %7s%n", "dyad", "tension", "hazard", "S-score");
        for (org.multivector.engine.Variable v : t.variables()) {
            if (!v.name().equals("tension")) {
                continue;
            }
            String dy = v.actor();
            double hz = t.value(year, dy, "hazard");
            double sc = t.value(year, dy, "sscore");
            w.printf(
                    "  %-10s %7.3f %7s %7s%n",
                    dy,
                    t.value(year, dy, "tension"),
                    Double.isNaN(hz) ? "-" : String.format("%.3f", hz),
                    Double.isNaN(sc) ? "-" : String.format("%.3f", sc));
        }
        w.printf(
                "  structural balance %.3f, mean S-score %.3f, rivalry %.2f%n",
                t.value(year, "REGION", "structural-balance"),
                t.value(year, "REGION", "sscore.mean"),
                t.value(year, "REGION", "rivalry"));
        w.printf(
                "  RSI %.1f (hazard %.3f, unrest %.3f, polarisation %.3f, institutional deficit %.3f)%n",
                t.value(year, "REGION", "rsi"),
                t.value(year, "REGION", "rsi.hazard"),
                t.value(year, "REGION", "rsi.unrest"),
                t.value(year, "REGION", "rsi.polarisation"),
                t.value(year, "REGION", "rsi.institutions"));
        w.flush();
        return 0;
    }
}
