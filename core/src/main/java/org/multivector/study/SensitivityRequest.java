package org.multivector.study;

import java.util.List;
import org.multivector.model.Actor;
import org.multivector.model.Scenario;
import org.multivector.scenario.Suggestions;

/**
 * Global sensitivity of the RSI, a state's balance and the comparison's answer — the ΔRSI of an alternative strategy
 * against a baseline, branched from each run's history as {@code compare} does — over every parameter's range: Morris
 * elementary effects or Sobol indices.
 *
 * @param scenario the configured scenario (years are the scenario's)
 * @param seed master seed of the runs and of the Morris design and bootstrap
 * @param method {@code morris} (default) or {@code sobol}
 * @param trajectories Morris trajectories r, 2..10000 (default 10)
 * @param samples Sobol base sample N, 8..1000000 (default 64); cost N·(k+2) points
 * @param runsPerPoint runs per design point (default 10)
 * @param actor the state whose balance and strategies are in the outputs (default: the scenario's focus)
 * @param alternative the alternative strategy of the ΔRSI output (default: the second of the comparison's defaults)
 * @param from the branch year; outputs are means from this year on (default: as a comparison's branch year)
 * @param posterior a posterior sample (as {@link EnsembleRequest#posterior}): each parameter it holds then varies over
 *     its marginal 90 % posterior interval instead of its stated range; null: the stated ranges
 * @param baseline the baseline strategy of the ΔRSI output (default: the first of the comparison's defaults)
 */
public record SensitivityRequest(
        ScenarioChoice scenario,
        Long seed,
        String method,
        Integer trajectories,
        Integer samples,
        Integer runsPerPoint,
        String actor,
        String alternative,
        Integer from,
        String posterior,
        String baseline)
        implements StudyRequest {
    /** A sensitivity analysis over the stated ranges. */
    public SensitivityRequest(
            ScenarioChoice scenario,
            Long seed,
            String method,
            Integer trajectories,
            Integer samples,
            Integer runsPerPoint,
            String actor,
            String alternative,
            Integer from) {
        this(scenario, seed, method, trajectories, samples, runsPerPoint, actor, alternative, from, null, null);
    }

    public SensitivityRequest {
        scenario = scenario == null ? ScenarioChoice.defaults() : scenario;
        seed = StudyRequest.orDefault(seed, SEED_DEFAULT);
        method = method == null ? "morris" : method;
        trajectories = StudyRequest.orDefault(trajectories, 10);
        samples = StudyRequest.orDefault(samples, 64);
        runsPerPoint = StudyRequest.orDefault(runsPerPoint, 10);
        Problems p = new Problems();
        if (!method.equals("morris") && !method.equals("sobol")) {
            p.add(
                    "method",
                    "'" + method + "' is not morris or sobol",
                    Suggestions.didYouMean(method, List.of("morris", "sobol")));
        }
        p.range("trajectories", trajectories, 2, 10_000);
        p.range("samples", samples, 8, 1_000_000);
        p.range("runsPerPoint", runsPerPoint, 1, 100_000);
        if (scenario.from() != null || scenario.to() != null) {
            p.add("from", "a sensitivity analysis simulates the scenario's years; its 'from' starts the outputs");
        }
        p.throwIfAny();
    }

    @Override
    public String kind() {
        return "sensitivity";
    }

    SensitivityRequest resolve(Scenario s) {
        Problems p = new Problems();
        List<String> states = s.regionalStates().stream().map(Actor::id).toList();
        String a = actor != null ? actor : s.focus();
        if (!states.contains(a)) {
            p.add("actor", "'" + a + "' is not a regional state of " + s.name(), Suggestions.didYouMean(a, states));
        }
        List<String> defaults = CompareRequest.defaultStrategies(s);
        String alt = alternative != null ? alternative : defaults.get(1);
        String base = baseline != null ? baseline : defaults.get(0);
        try {
            alt = ConfiguredScenario.strategy(s, alt).text();
        } catch (RequestException e) {
            p.add(
                    "alternative",
                    e.problems().get(0).message(),
                    e.problems().get(0).hint());
        }
        try {
            base = ConfiguredScenario.strategy(s, base).text();
        } catch (RequestException e) {
            p.add("baseline", e.problems().get(0).message(), e.problems().get(0).hint());
        }
        if (base.equals(alt)) {
            p.add("alternative", "'" + alt + "' is also the baseline (expected another strategy)");
        }
        int f = from != null ? from : CompareRequest.defaultFrom(s);
        if (f <= s.time().start() || f > s.time().end()) {
            p.add(
                    "from",
                    f + " is outside " + (s.time().start() + 1) + ".."
                            + s.time().end() + " (expected a branch year after the first simulated year)");
        }
        p.throwIfAny();
        return new SensitivityRequest(
                scenario, seed, method, trajectories, samples, runsPerPoint, a, alt, f, posterior, base);
    }
}
