package org.multivector.study;

import java.util.ArrayList;
import java.util.List;
import org.multivector.model.Actor;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.scenario.Suggestions;

/**
 * Counterfactual strategies for one state from a branch year on, with common random numbers.
 *
 * @param scenario the configured scenario (strategy overrides of other states allowed; years are the scenario's)
 * @param seed master seed
 * @param runs runs per strategy (default {@link EnsembleRequest#RUNS_DEFAULT})
 * @param actor the state whose strategy varies (default: the scenario's focus, else its first regional state)
 * @param strategies 2..{@link #STRATEGIES_MAX} strategies, the first the baseline (default: the scenario's declared
 *     comparison, else multi-vector, bandwagoning with each pole in scenario order, neutral)
 * @param from branch year (default: the year after the scenario's last observed year, inside its years)
 * @param decompose whether to split each ΔRSI into the channels that carry it (default true; {@link Channels})
 * @param decomposeRuns runs per strategy of the decomposition's comparisons, at most {@code runs} (default: {@code runs}
 *     up to {@link #DECOMPOSE_RUNS_DEFAULT}); with fewer than {@code runs} the decomposition is its own comparison of
 *     that many runs on the same seed, whose ΔRSI it splits; null without a decomposition
 * @param posterior a posterior sample to draw each run's parameter values from (as {@link EnsembleRequest#posterior});
 *     null: the scenario's values, so the intervals hold only the model's own randomness
 */
public record CompareRequest(
        ScenarioChoice scenario,
        Long seed,
        Long runs,
        String actor,
        List<String> strategies,
        Integer from,
        Boolean decompose,
        String posterior,
        Long decomposeRuns)
        implements StudyRequest {
    /** A comparison decomposed into its channels. */
    public CompareRequest(
            ScenarioChoice scenario, Long seed, Long runs, String actor, List<String> strategies, Integer from) {
        this(scenario, seed, runs, actor, strategies, from, null, null, null);
    }

    /** A comparison at the scenario's parameter values. */
    public CompareRequest(
            ScenarioChoice scenario,
            Long seed,
            Long runs,
            String actor,
            List<String> strategies,
            Integer from,
            Boolean decompose) {
        this(scenario, seed, runs, actor, strategies, from, decompose, null, null);
    }

    /** A comparison over a posterior, decomposed (unless {@code decompose} is false) over its runs up to the default. */
    public CompareRequest(
            ScenarioChoice scenario,
            Long seed,
            Long runs,
            String actor,
            List<String> strategies,
            Integer from,
            Boolean decompose,
            String posterior) {
        this(scenario, seed, runs, actor, strategies, from, decompose, posterior, null);
    }

    /** Most strategies one comparison holds. */
    public static final int STRATEGIES_MAX = 12;

    /**
     * Most runs the decomposition takes by default. Each of its comparisons is one per channel (23 in the default
     * scenario), so over a large comparison it would cost 24 times the comparison; with common random numbers the
     * parts it splits are paired differences, far less noisy than the strategies' outcomes (docs/PERFORMANCE.md has
     * how much two seeds' decompositions of this many runs differ).
     */
    public static final long DECOMPOSE_RUNS_DEFAULT = 10_000;

    public CompareRequest {
        scenario = scenario == null ? ScenarioChoice.defaults() : scenario;
        seed = StudyRequest.orDefault(seed, SEED_DEFAULT);
        runs = StudyRequest.orDefault(runs, EnsembleRequest.RUNS_DEFAULT);
        strategies = strategies == null ? null : List.copyOf(strategies);
        decompose = decompose == null ? Boolean.TRUE : decompose;
        Problems p = new Problems().range("runs", runs, 1, RUNS_MAX);
        if (!decompose && decomposeRuns != null) {
            p.add("decomposeRuns", "set without a decomposition (decompose is false)");
        } else if (decompose) {
            decomposeRuns = StudyRequest.orDefault(decomposeRuns, Math.min(runs, DECOMPOSE_RUNS_DEFAULT));
            if (decomposeRuns < 1 || decomposeRuns > runs) {
                p.add(
                        "decomposeRuns",
                        decomposeRuns + " is outside 1.." + runs + " (the decomposition takes at most the comparison's"
                                + " runs)");
            }
        }
        if (strategies != null && (strategies.size() < 2 || strategies.size() > STRATEGIES_MAX)) {
            p.add("strategies", "expected 2 to " + STRATEGIES_MAX + " strategies, got " + strategies.size());
        }
        if (scenario.from() != null || scenario.to() != null) {
            p.add("from", "a comparison simulates the scenario's years; its 'from' is the branch year");
        }
        p.throwIfAny();
    }

    @Override
    public String kind() {
        return "compare";
    }

    /**
     * The default strategies of {@code s}: the scenario's declared {@code comparison}, else multi-vector, bandwagon
     * with each pole, neutral.
     */
    public static List<String> defaultStrategies(Scenario s) {
        if (!s.defaults().comparison().isEmpty()) {
            return s.defaults().comparison();
        }
        List<String> out = new ArrayList<>(List.of("multi-vector"));
        for (Pole p : s.poles()) {
            if (!p.residual()) {
                out.add("bandwagon:" + p.id());
            }
        }
        out.add("neutral");
        return out;
    }

    /** The default branch year of {@code s}: after its last observed year, inside its years. */
    public static int defaultFrom(Scenario s) {
        return Math.max(
                s.time().start() + 1,
                Math.min(s.time().lastObserved() + 1, s.time().end()));
    }

    /** This request with every default filled in for {@code s}, or every problem at once. */
    CompareRequest resolve(Scenario s) {
        Problems p = new Problems();
        List<String> states = s.regionalStates().stream().map(Actor::id).toList();
        String a = actor != null ? actor : s.focus();
        if (!states.contains(a)) {
            p.add(
                    "actor",
                    "'" + a + "' is not a regional state of " + s.name() + " (expected one of "
                            + String.join(", ", states) + ")",
                    Suggestions.didYouMean(a, states));
        }
        if (scenario.overrides().containsKey(a)) {
            p.add("overrides." + a, a + " is the compared state; its strategies are the comparison's");
        }
        List<String> strat = new ArrayList<>();
        List<String> given = strategies != null ? strategies : defaultStrategies(s);
        for (int i = 0; i < given.size(); i++) {
            try {
                String text = ConfiguredScenario.strategy(s, given.get(i)).text();
                if (strat.contains(text)) {
                    p.add("strategies[" + i + "]", "'" + text + "' is listed twice");
                }
                strat.add(text);
            } catch (RequestException e) {
                p.add(
                        "strategies[" + i + "]",
                        e.problems().get(0).message(),
                        e.problems().get(0).hint());
            }
        }
        int f = from != null ? from : defaultFrom(s);
        if (f <= s.time().start() || f > s.time().end()) {
            p.add(
                    "from",
                    f + " is outside " + (s.time().start() + 1) + ".."
                            + s.time().end() + " (expected a year after the first simulated year)");
        }
        p.throwIfAny();
        return new CompareRequest(scenario, seed, runs, a, strat, f, decompose, posterior, decomposeRuns);
    }
}
