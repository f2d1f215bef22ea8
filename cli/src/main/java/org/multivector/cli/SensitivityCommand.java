package org.multivector.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.multivector.model.Scenario;
import org.multivector.study.SensitivityRequest;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code multivector sensitivity}: Morris screening or Sobol indices over the parameters' ranges. */
@Command(
        name = "sensitivity",
        description = "Global sensitivity of the RSI, a state's balance and the comparison's answer (the ΔRSI of an"
                + " alternative strategy against a baseline, as compare computes it), over every parameter's range:"
                + " Morris elementary effects or Sobol indices (Saltelli sampling, bootstrap intervals).")
final class SensitivityCommand extends StudyCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--seed", description = "Master seed (default: " + StudyRequest.SEED_DEFAULT + ").")
    Long seed;

    @Option(names = "--method", description = "morris or sobol (default: morris).")
    String method;

    @Option(names = "--trajectories", description = "Morris trajectories r (default: 10).")
    Integer trajectories;

    @Option(names = "--samples", description = "Sobol base sample N; cost N·(k+2) points (default: 64).")
    Integer samples;

    @Option(names = "--runs-per-point", description = "Runs per design point (default: 10).")
    Integer runsPerPoint;

    @Option(
            names = "--actor",
            description = "State whose balance and strategies are in the outputs (default: the scenario's focus).")
    String actor;

    @Option(
            names = "--baseline",
            description = "Baseline strategy of the delta-rsi output (default: the first strategy of the scenario's"
                    + " comparison, else multi-vector).")
    String baseline;

    @Option(
            names = "--alternative",
            description = "Alternative strategy of the delta-rsi output (default: the second strategy of the scenario's"
                    + " comparison, else bandwagon with the first pole).")
    String alternative;

    @Option(
            names = "--from",
            paramLabel = "YEAR",
            description = "Branch year; outputs are means from this year on (default: as compare's).")
    Integer from;

    @Mixin
    PosteriorOption posterior = new PosteriorOption();

    @Mixin
    ExecutorOptions executor = new ExecutorOptions();

    @Override
    ExecutorOptions executorOptions() {
        return executor;
    }

    @Override
    StudyRequest request() {
        return new SensitivityRequest(
                scenario.choice(List.of(), null, null),
                seed,
                method,
                trajectories,
                samples,
                runsPerPoint,
                actor,
                alternative,
                from,
                posterior.posterior,
                baseline);
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        printTable(
                w,
                (StudyResult.Sensitivity) c.result(),
                ((Number) c.record().manifest().get("seconds")).doubleValue(),
                c.record().executor());
    }

    static void printTable(PrintWriter out, StudyResult.Sensitivity r0, double seconds, String executor) {
        Scenario s = r0.scenario();
        int points = r0.points();
        String method = r0.method();
        int runsPerPoint = r0.runsPerPoint();
        int fromYear = r0.from();
        String actor = r0.actor();
        String alternative = r0.alternative();
        List<StudyResult.SensitivityRow> rows = r0.rows();
        out.printf(
                Locale.ROOT,
                "%s: %s sensitivity over %d parameters, %d points × %d runs × 2 strategies (%.1f s, %s)%n",
                s.title(),
                method,
                rows.size() / r0.outputs().size(),
                points,
                runsPerPoint,
                seconds,
                executor);
        out.printf(
                "Outputs: means over %d–%d of the RSI and %s's balance with %s=%s, and delta-rsi = RSI(%s=%s) −"
                        + " RSI(%s=%s), branched in %d from each run's history as compare does%n",
                fromYear,
                s.time().end(),
                actor,
                actor,
                r0.baseline(),
                actor,
                alternative,
                actor,
                r0.baseline(),
                fromYear);
        if (r0.posterior() != null) {
            out.println("Parameters of the posterior " + r0.posterior() + " vary over their marginal 90 % intervals,"
                    + " the others over their stated ranges.");
        }
        for (String o : r0.outputs()) {
            out.printf("%n%s — ten most influential parameters%n", o);
            List<StudyResult.SensitivityRow> top =
                    r0.ranked(o).stream().limit(10).toList();
            if (method.equals("morris")) {
                out.printf("  %-30s %10s %10s %10s%n", "parameter", "mu*", "mu", "sigma");
                top.forEach(r -> out.printf(
                        Locale.ROOT, "  %-30s %10.4f %10.4f %10.4f%n", r.parameter(), r.muStar(), r.mu(), r.sigma()));
            } else {
                out.printf("  %-30s %22s %22s%n", "parameter", "S1 [95%% CI]", "ST [95%% CI]");
                top.forEach(r -> out.printf(
                        Locale.ROOT,
                        "  %-30s %6.3f [%6.3f,%6.3f] %6.3f [%6.3f,%6.3f]%n",
                        r.parameter(),
                        r.s1(),
                        r.s1Lo(),
                        r.s1Hi(),
                        r.st(),
                        r.stLo(),
                        r.stHi()));
            }
            for (StudyResult.SensitivityRow r : r0.unranked(o)) {
                out.printf("  %-30s %s%n", r.parameter(), r.note());
            }
        }
        if (!r0.warnings().isEmpty()) {
            out.println();
            r0.warnings().forEach(w -> out.println("Warning: " + w));
        }
    }
}
