package org.multivector.study;

import java.util.ArrayList;
import java.util.List;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.model.Structural;
import org.multivector.scenario.Suggestions;

/**
 * Scenario discovery: where in parameter space does the comparison's answer flip? A Latin hypercube over the
 * parameters' ranges (or a posterior's marginal 90 % intervals), the comparison's ΔRSI at each point (as
 * {@code compare}: each run branched from its own history), the points where the answer is the {@code target} marked
 * as cases, and the boxes and tree that describe them ({@link DiscoverStudy}).
 *
 * @param scenario the configured scenario (years are the scenario's)
 * @param seed master seed of the runs and of the design
 * @param points design points, 20..100000 (default 1000)
 * @param runsPerPoint runs per point and strategy (default 10)
 * @param actor the state whose strategies are compared (default: the scenario's focus)
 * @param baseline the baseline strategy (default: the first of the comparison's defaults)
 * @param alternative the alternative (default: the second of the comparison's defaults)
 * @param from branch year (default: as a comparison's)
 * @param target which answer makes a point a case: {@code better} (the alternative practically better than the
 *     baseline: ΔRSI above the ROPE; default), {@code worse} (below −ROPE), {@code equivalent} (inside), or
 *     {@code not-worse} (above −ROPE)
 * @param parameters the parameters to vary (default: every parameter with a range), structural assumptions among
 *     them ({@code intensity:DISPUTE}, {@code strategy:STATE}; {@code intensity:*} and {@code strategy:*} for all)
 * @param posterior a posterior sample: its parameters vary over their marginal 90 % intervals (as sensitivity's)
 */
public record DiscoverRequest(
        ScenarioChoice scenario,
        Long seed,
        Integer points,
        Integer runsPerPoint,
        String actor,
        String baseline,
        String alternative,
        Integer from,
        String target,
        List<String> parameters,
        String posterior)
        implements StudyRequest {
    /** The answers a point can be marked by. */
    public static final List<String> TARGETS = List.of("better", "worse", "equivalent", "not-worse");

    public DiscoverRequest {
        scenario = scenario == null ? ScenarioChoice.defaults() : scenario;
        seed = StudyRequest.orDefault(seed, SEED_DEFAULT);
        points = StudyRequest.orDefault(points, 1000);
        runsPerPoint = StudyRequest.orDefault(runsPerPoint, 10);
        target = target == null ? "better" : target;
        parameters = parameters == null ? null : List.copyOf(parameters);
        Problems p = new Problems();
        p.range("points", points, 20, 100_000);
        p.range("runsPerPoint", runsPerPoint, 1, 100_000);
        if (!TARGETS.contains(target)) {
            p.add(
                    "target",
                    "'" + target + "' is not a target (expected one of " + String.join(", ", TARGETS) + ")",
                    Suggestions.didYouMean(target, TARGETS));
        }
        if (scenario.from() != null || scenario.to() != null) {
            p.add("from", "scenario discovery simulates the scenario's years; its 'from' is the branch year");
        }
        p.throwIfAny();
    }

    @Override
    public String kind() {
        return "discover";
    }

    DiscoverRequest resolve(Scenario s) {
        SensitivityRequest asSensitivity = new SensitivityRequest(
                        scenario, seed, null, null, null, runsPerPoint, actor, alternative, from, null, baseline)
                .resolve(s);
        Problems p = new Problems();
        List<String> names = new ArrayList<>();
        if (parameters == null) {
            s.parameters().values().stream()
                    .filter(x -> x.max() > x.min())
                    .map(Parameter::name)
                    .sorted()
                    .forEach(names::add);
        } else {
            for (int i = 0; i < parameters.size(); i++) {
                String n = parameters.get(i);
                List<String> every = Structural.every(s, n);
                if (!every.isEmpty()) { // intensity:* or strategy:*
                    every.stream().filter(x -> !names.contains(x)).forEach(names::add);
                    continue;
                }
                Parameter par = n == null ? null : s.variable(n).orElse(null);
                if (n == null) {
                    p.add("parameters[" + i + "]", "is empty (expected a parameter name)");
                } else if (par == null) {
                    p.add(
                            "parameters[" + i + "]",
                            "'" + n + "' is not a parameter or structural assumption of " + s.name()
                                    + " (intensity:DISPUTE, strategy:STATE, intensity:* or strategy:* for all)",
                            Suggestions.didYouMean(n, s.variableNames()));
                } else if (!(par.max() > par.min())) {
                    p.add("parameters[" + i + "]", "'" + n + "' has no range (fixed)");
                } else if (names.contains(n)) {
                    p.add("parameters[" + i + "]", "'" + n + "' is listed twice");
                } else {
                    names.add(n);
                }
            }
        }
        p.throwIfAny();
        return new DiscoverRequest(
                scenario,
                seed,
                points,
                runsPerPoint,
                asSensitivity.actor(),
                asSensitivity.baseline(),
                asSensitivity.alternative(),
                asSensitivity.from(),
                target,
                names,
                posterior);
    }
}
