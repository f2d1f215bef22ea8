package org.multivector.study;

import java.util.List;

/**
 * N runs of a scenario with independent random streams, summarised per year and variable.
 *
 * @param scenario the configured scenario
 * @param seed master seed; run r uses the stream (seed, r)
 * @param runs number of runs, 1..{@link StudyRequest#RUNS_MAX} (default {@link #RUNS_DEFAULT})
 * @param keepRuns also keep every run's raw series (local executors only)
 * @param posterior a posterior sample to draw each run's parameter values from (a file {@code calibrate --method
 *     abc-smc} wrote, or an embedded scenario's name for the posterior shipped with it); null: the scenario's values
 * @param variables what to summarise beyond the standard set ({@link SummaryVariables}): {@code all}, names or globs
 *     over {@code NAME} or {@code ACTOR:NAME}; null or empty: the standard set
 */
public record EnsembleRequest(
        ScenarioChoice scenario, Long seed, Long runs, Boolean keepRuns, String posterior, List<String> variables)
        implements StudyRequest {
    /** An ensemble at the scenario's parameter values, summarising the standard set. */
    public EnsembleRequest(ScenarioChoice scenario, Long seed, Long runs, Boolean keepRuns) {
        this(scenario, seed, runs, keepRuns, null, null);
    }

    /** An ensemble summarising the standard set. */
    public EnsembleRequest(ScenarioChoice scenario, Long seed, Long runs, Boolean keepRuns, String posterior) {
        this(scenario, seed, runs, keepRuns, posterior, null);
    }

    /** Default number of runs: enough for 5–95 % bands within about a bin width. */
    public static final long RUNS_DEFAULT = 1000;

    public EnsembleRequest {
        scenario = scenario == null ? ScenarioChoice.defaults() : scenario;
        seed = StudyRequest.orDefault(seed, SEED_DEFAULT);
        runs = StudyRequest.orDefault(runs, RUNS_DEFAULT);
        keepRuns = keepRuns != null && keepRuns;
        variables = SummaryVariables.normalise(variables);
        new Problems().range("runs", runs, 1, RUNS_MAX).throwIfAny();
    }

    @Override
    public String kind() {
        return "ensemble";
    }
}
