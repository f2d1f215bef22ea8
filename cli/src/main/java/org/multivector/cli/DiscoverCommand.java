package org.multivector.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.multivector.study.DiscoverRequest;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import org.multivector.validate.Prim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code multivector discover}: scenario discovery — where in parameter space the comparison's answer flips. */
@Command(
        name = "discover",
        description = "Scenario discovery: where in parameter space is the answer of a comparison the target (an"
                + " alternative practically better than the baseline, by default)? A Latin hypercube over the"
                + " parameters' ranges, the comparison's ΔRSI at each point, PRIM's box with its peeling trajectory"
                + " and a classification tree.")
final class DiscoverCommand extends StudyCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--seed", description = "Master seed (default: " + StudyRequest.SEED_DEFAULT + ").")
    Long seed;

    @Option(names = "--points", description = "Latin-hypercube points (default: 1000).")
    Integer points;

    @Option(names = "--runs-per-point", description = "Runs per point and strategy (default: 10).")
    Integer runsPerPoint;

    @Option(names = "--actor", description = "The state whose strategies are compared (default: the scenario's focus).")
    String actor;

    @Option(
            names = "--baseline",
            description = "Baseline strategy (default: the first of the scenario's comparison, else multi-vector).")
    String baseline;

    @Option(
            names = "--alternative",
            description = "Alternative strategy (default: the second of the scenario's comparison).")
    String alternative;

    @Option(names = "--from", paramLabel = "YEAR", description = "Branch year (default: as compare's).")
    Integer from;

    @Option(
            names = "--target",
            description = "Which answer makes a point a case: better (the alternative practically better; default),"
                    + " worse, equivalent, not-worse.")
    String target;

    @Option(
            names = "--parameters",
            split = ",",
            description = "Parameters to vary (default: every parameter with a range).")
    List<String> parameters;

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
        return new DiscoverRequest(
                scenario.choice(List.of(), null, null),
                seed,
                points,
                runsPerPoint,
                actor,
                baseline,
                alternative,
                from,
                target,
                parameters,
                posterior.posterior);
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        StudyResult.Discovery d = (StudyResult.Discovery) c.result();
        int n = d.delta().length;
        int cases = 0;
        for (int j = 0; j < n; j++) {
            cases += d.isCase(j) ? 1 : 0;
        }
        w.printf(
                Locale.ROOT,
                "%s: where is %s=%s '%s' against %s? %d points × %d runs × 2 strategies, branched in %d%n",
                d.scenario().title(),
                d.actor(),
                d.alternative(),
                d.target(),
                d.baseline(),
                n,
                d.runsPerPoint(),
                d.from());
        w.printf(
                Locale.ROOT,
                "At the scenario's values: ΔRSI %+.2f, '%s' (ROPE ±%.2f). Cases over the sampled space: %d of %d (%.0f %%).%n",
                d.referenceDelta(),
                d.referenceVerdict(),
                d.rope(),
                cases,
                n,
                n == 0 ? 0 : 100.0 * cases / n);
        if (d.prim() != null) {
            Prim.Box b = d.prim().box();
            w.printf(
                    Locale.ROOT,
                    "%nPRIM box (peeled to step %d of %d; %d restrictions with quasi-p above %.2f dropped): density"
                            + " %.2f, coverage %.2f, support %.2f%n",
                    d.prim().chosen(),
                    d.prim().trajectory().size() - 1,
                    d.prim().peeled().restricted().size() - b.restricted().size(),
                    Prim.MAX_QUASI_P,
                    b.density(),
                    b.coverage(),
                    b.support());
            w.printf("  %-30s %-24s %-24s %8s%n", "parameter", "box", "sampled range", "quasi-p");
            for (int k : b.restricted()) {
                w.printf(
                        Locale.ROOT,
                        "  %-30s %-24s %-24s %8.3g%n",
                        d.parameters().get(k),
                        d.range(k, b.lo()[k], b.hi()[k]),
                        d.range(k, d.lo()[k], d.hi()[k]),
                        d.prim().quasiP()[k]);
            }
            w.println();
            w.println("Classification tree (depth 3):");
            w.print(d.treeText());
        }
        d.warnings().forEach(x -> w.println("Warning: " + x));
        w.printf(
                Locale.ROOT,
                "%n%.1f s (%s).%n",
                ((Number) c.record().manifest().get("seconds")).doubleValue(),
                c.record().executor());
    }
}
