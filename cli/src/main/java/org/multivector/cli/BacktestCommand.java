package org.multivector.cli;

import java.io.PrintWriter;
import java.util.List;
import org.multivector.study.BacktestRequest;
import org.multivector.study.EnsembleRequest;
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
        description = "Run the model with nothing known after the training period (Scenario.knownAt) and score it"
                + " on the test period against no-change, trend and climatology baselines.")
final class BacktestCommand extends StudyCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--seed", description = "Master seed (default: " + StudyRequest.SEED_DEFAULT + ").")
    Long seed;

    @Option(names = "--runs", description = "Ensemble runs (default: " + EnsembleRequest.RUNS_DEFAULT + ").")
    Long runs;

    @Option(names = "--train", paramLabel = "FROM-TO", description = "Training years (default: 1992-2008).")
    String train;

    @Option(names = "--test", paramLabel = "FROM-TO", description = "Test years (default: 2009-2024).")
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
                test == null ? null : YearRange.parse("test", test));
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        w.print(((StudyResult.Backtest) c.result()).text());
    }
}
