package org.multivector.study;

import org.multivector.model.Scenario;

/**
 * A rolling-origin backtest: for each origin year the model is run with nothing known after it and scored on the
 * following {@code horizon} years against per-unit baselines (docs/VALIDATION.md).
 *
 * @param scenario the configured scenario (years are the scenario's)
 * @param seed master seed (the same for every origin: common random numbers)
 * @param runs ensemble runs per origin (default {@link #RUNS_DEFAULT})
 * @param train the history the baselines learn from: its first year (default the scenario's second year); with
 *     neither {@code origins} nor {@code horizon}, its last year is the single origin
 * @param test with {@code train}: the years after the single origin that are scored (horizon = their count)
 * @param origins origin years, yearly (default 2005 to the scenario's last observed year − 1)
 * @param horizon years after each origin that are scored (default 5)
 * @param episodes an episode file to score ({@code --episodes FILE}); null: the episodes beside the scenario, if any;
 *     {@code none}: no episodes
 */
public record BacktestRequest(
        ScenarioChoice scenario,
        Long seed,
        Long runs,
        YearRange train,
        YearRange test,
        YearRange origins,
        Integer horizon,
        String episodes)
        implements StudyRequest {
    /** Ensemble runs per origin: {@link EnsembleRequest#RUNS_DEFAULT} over the default 15 origins would be slow. */
    public static final long RUNS_DEFAULT = 200;

    public static final int HORIZON_DEFAULT = 5;
    public static final int FIRST_ORIGIN_DEFAULT = 2005;

    /** A single-origin backtest (train's last year), scored on {@code test}. */
    public BacktestRequest(ScenarioChoice scenario, Long seed, Long runs, YearRange train, YearRange test) {
        this(scenario, seed, runs, train, test, null, null, null);
    }

    public BacktestRequest {
        scenario = scenario == null ? ScenarioChoice.defaults() : scenario;
        seed = StudyRequest.orDefault(seed, SEED_DEFAULT);
        runs = StudyRequest.orDefault(runs, RUNS_DEFAULT);
        Problems p = new Problems().range("runs", runs, 1, RUNS_MAX);
        if (horizon != null) {
            p.range("horizon", horizon, 1, 50);
        }
        if (test != null && (origins != null || horizon != null)) {
            p.add("test", "give either test years (one origin: the end of train) or origins and a horizon, not both");
        }
        if (test != null && train == null) {
            p.add("test", "test years need the training years they follow (train)");
        }
        if (scenario.editsYearsOrStrategies()) {
            p.add("overrides", "a backtest scores the scenario as it is: no strategy overrides or years");
        }
        p.throwIfAny();
    }

    @Override
    public String kind() {
        return "backtest";
    }

    /** The request with every default filled from the scenario; checks the years against it. */
    BacktestRequest resolve(Scenario s) {
        int start = s.time().start();
        int lastObserved = s.time().lastObserved();
        YearRange history = train == null ? new YearRange(start + 1, start + 1) : train;
        YearRange o;
        int h;
        if (test != null) {
            o = new YearRange(train.to(), train.to());
            h = test.to() - train.to();
        } else if (origins == null && horizon == null && train != null) {
            o = new YearRange(train.to(), train.to());
            h = Math.max(1, lastObserved - train.to());
        } else {
            o = origins != null
                    ? origins
                    : new YearRange(Math.max(start + 2, FIRST_ORIGIN_DEFAULT), Math.max(start + 2, lastObserved - 1));
            h = horizon == null ? HORIZON_DEFAULT : horizon;
        }
        Problems p = new Problems();
        if (history.from() < start || history.from() > o.from()) {
            p.add(
                    "train",
                    "expected the history to begin from " + start + " and by the first origin " + o.from() + " (got "
                            + history + ")");
        }
        if (test != null && test.from() != train.to() + 1) {
            p.add(
                    "test",
                    "expected test years directly after the training years (got train " + train + ", test " + test
                            + ")");
        }
        if (o.from() < start + 1 || o.to() + 1 > s.time().end()) {
            p.add(
                    "origins",
                    "expected origins in " + (start + 1) + ".." + (s.time().end() - 1) + " (got " + o + ")");
        }
        p.throwIfAny();
        return new BacktestRequest(
                scenario,
                seed,
                runs,
                new YearRange(history.from(), o.to()),
                null,
                o,
                Math.min(h, s.time().end() - o.to()),
                episodes);
    }
}
