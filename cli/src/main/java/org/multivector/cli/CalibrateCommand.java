package org.multivector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.multivector.study.CalibrateRequest;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import org.multivector.study.YearRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code multivector calibrate}: fits the scenario's parameters to the observed patterns of a training period. */
@Command(
        name = "calibrate",
        description = "Fit the parameters with ranges to the observed patterns of the training period (trade and"
                + " UN-vote ties, UCDP conflicts, COW MIDs) on free runs, by CMA-ES (a point fit) or ABC-SMC (a"
                + " weighted posterior sample, posterior.csv); writes a parameter overlay (source: calibration"
                + " <id>), the loss per pattern and a report.")
final class CalibrateCommand extends StudyCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = "--seed",
            description = "Master seed of the runs and the search (default: " + StudyRequest.SEED_DEFAULT + ").")
    Long seed;

    @Option(names = "--train", paramLabel = "FROM-TO", description = "Training years (default: 1992-2008).")
    String train;

    @Option(
            names = "--parameters",
            split = ",",
            paramLabel = "NAME",
            description = "Parameters to fit (default: every parameter with a range that enters the dynamics;"
                    + " the RSI's weights and scales and the structural-balance threshold only define measures).")
    List<String> parameters;

    @Option(
            names = "--runs-per-point",
            description = "Runs per parameter point, the same runs at every point (default: 16).")
    Integer runsPerPoint;

    @Option(names = "--max-evaluations", description = "CMA-ES evaluation budget (default: 4000).")
    Integer maxEvaluations;

    @Option(
            names = "--sigma",
            description = "Initial CMA-ES step size as a share of each parameter's range (default: 0.2).")
    Double sigma;

    @Option(names = "--population", description = "CMA-ES population size (default: 4 + 3 ln(number of parameters)).")
    Integer population;

    @Option(
            names = "--method",
            paramLabel = "cma-es|abc-smc",
            description = "cma-es: a point fit (default); abc-smc: a posterior sample by sequential Monte Carlo ABC,"
                    + " the overlay holding its medians.")
    String method;

    @Option(names = "--particles", description = "ABC-SMC population size (default: 200).")
    Integer particles;

    @Option(names = "--generations", description = "ABC-SMC generations at most (default: 5).")
    Integer generations;

    @Option(
            names = "--structural",
            description = "With abc-smc, also fit the structural assumptions: every dispute's starting intensity"
                    + " (intensity:ID) and every regional state's strategy (strategy:STATE, categorical); those no"
                    + " observed pattern responds to are left out, as parameters are.")
    boolean structural;

    @Option(
            names = "--chains",
            description = "With abc-smc, independent populations run one after the other and pooled; the report gives"
                    + " each parameter's Gelman-Rubin R-hat across them (default: 1).")
    Integer chains;

    @Mixin
    ExecutorOptions executor = new ExecutorOptions();

    @Override
    ExecutorOptions executorOptions() {
        return executor;
    }

    @Override
    StudyRequest request() {
        return new CalibrateRequest(
                scenario.choice(List.of(), null, null),
                seed,
                train == null ? null : YearRange.parse("train", train),
                parameters,
                runsPerPoint,
                maxEvaluations,
                sigma,
                population,
                method,
                particles,
                generations,
                structural ? Boolean.TRUE : null,
                chains);
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        StudyResult.Fit f = (StudyResult.Fit) c.result();
        w.print(f.text());
        Path overlay = Path.of(c.location()).resolve("overlay.yaml");
        w.printf("%nUse the fit with --overlay %s, e.g. multivector backtest --overlay %s%n", overlay, overlay);
    }
}
