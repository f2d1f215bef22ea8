package org.multivector.study;

import org.multivector.model.Scenario;

/**
 * The model run with nothing known after a training period, scored on the test period against baselines.
 *
 * @param scenario the configured scenario (years are the scenario's)
 * @param seed master seed
 * @param runs ensemble runs (default {@link EnsembleRequest#RUNS_DEFAULT})
 * @param train training years (default 1992-2008); the scenario is cut at their end
 * @param test test years (default 2009-2024), after the training years
 */
public record BacktestRequest(ScenarioChoice scenario, Long seed, Long runs, YearRange train, YearRange test)
        implements StudyRequest {
    public BacktestRequest {
        scenario = scenario == null ? ScenarioChoice.defaults() : scenario;
        seed = StudyRequest.orDefault(seed, SEED_DEFAULT);
        runs = StudyRequest.orDefault(runs, EnsembleRequest.RUNS_DEFAULT);
        train = train == null ? new YearRange(1992, 2008) : train;
        test = test == null ? new YearRange(2009, 2024) : test;
        Problems p = new Problems().range("runs", runs, 1, RUNS_MAX);
        if (scenario.editsYearsOrStrategies()) {
            p.add("overrides", "a backtest scores the scenario as it is: no strategy overrides or years");
        }
        p.throwIfAny();
    }

    @Override
    public String kind() {
        return "backtest";
    }

    BacktestRequest resolve(Scenario s) {
        Problems p = new Problems();
        if (train.from() < s.time().start() || test.to() > s.time().end() || test.from() != train.to() + 1) {
            p.add(
                    "test",
                    "expected training years from " + s.time().start() + ", test years directly after them and"
                            + " ending by " + s.time().end() + " (got train " + train + ", test " + test + ")");
        }
        p.throwIfAny();
        return this;
    }
}
