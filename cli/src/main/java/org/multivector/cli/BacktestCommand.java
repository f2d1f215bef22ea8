package org.multivector.cli;

import java.io.PrintWriter;
import java.util.List;
import org.multivector.study.BacktestRequest;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import org.multivector.study.YearRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code multivector backtest}: the model run from the end of a training period, scored on what followed. */
@Command(
        name = "backtest",
        description = "Rolling-origin backtest: for each origin year, run the model with nothing known after it"
                + " (Scenario.knownAt) and score every calibrated pattern on the next years, by horizon, against"
                + " per-unit baselines (zero, last value, unit climatology, trend) with proper scores"
                + " (docs/VALIDATION.md).")
final class BacktestCommand extends StudyCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--seed", description = "Master seed (default: " + StudyRequest.SEED_DEFAULT + ").")
    Long seed;

    @Option(names = "--runs", description = "Ensemble runs per origin (default: " + BacktestRequest.RUNS_DEFAULT + ").")
    Long runs;

    @Option(
            names = "--origins",
            paramLabel = "FROM-TO",
            description = "Origin years, yearly (default: " + BacktestRequest.FIRST_ORIGIN_DEFAULT
                    + " to the scenario's last observed year - 1).")
    String origins;

    @Option(
            names = "--horizon",
            description = "Years after each origin that are scored (default: " + BacktestRequest.HORIZON_DEFAULT + ").")
    Integer horizon;

    @Option(
            names = "--episodes",
            paramLabel = "FILE",
            description =
                    "Episodes to score the year before (episode,kind,unit,partner,year,source; default: NAME.episodes.csv"
                            + " beside the scenario, or the embedded scenario's; none: no episodes).")
    String episodes;

    @Option(
            names = "--train",
            paramLabel = "FROM-TO",
            description = "History the baselines learn from (its first year; default: the scenario's second year);"
                    + " alone or with --test, its last year is the single origin.")
    String train;

    @Option(
            names = "--test",
            paramLabel = "FROM-TO",
            description = "With --train: the years after the single origin that are scored.")
    String test;

    @Mixin
    ExecutorOptions executor = new ExecutorOptions();

    @Override
    ExecutorOptions executorOptions() {
        return executor;
    }

    @Override
    StudyRequest request() {
        return new BacktestRequest(
                scenario.choice(List.of(), null, null),
                seed,
                runs,
                train == null ? null : YearRange.parse("train", train),
                test == null ? null : YearRange.parse("test", test),
                origins == null ? null : YearRange.parse("origins", origins),
                horizon,
                episodes);
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        w.print(((StudyResult.Backtest) c.result()).text());
    }
}
