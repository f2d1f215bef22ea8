package org.multivector.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.multivector.model.Parameter;
import org.multivector.model.ParameterKey;
import org.multivector.model.Scenario;
import org.multivector.model.Structural;
import org.multivector.scenario.Suggestions;
import org.multivector.validate.CmaEs;

/**
 * Fits parameters to the observed patterns of a training period on free runs: a point by CMA-ES, or a posterior
 * sample by ABC-SMC.
 *
 * @param scenario the configured scenario (years are the scenario's; the fit simulates its start..train end)
 * @param seed master seed of the runs and of the search
 * @param train training years (default 1992-2008)
 * @param parameters the parameters to fit (default: every parameter with a range that enters the dynamics)
 * @param runsPerPoint runs per parameter point, the same runs at every point, 1..100000 (default 16)
 * @param maxEvaluations CMA-ES evaluation budget, 1..10000000 (default 4000)
 * @param sigma initial step as a share of each range, in (0, 1] (default 0.2)
 * @param population CMA-ES population, 2..10000 (default 4 + 3 ln k)
 * @param method {@code cma-es} (a point fit, the default) or {@code abc-smc} (a weighted posterior sample)
 * @param particles ABC-SMC population size, 4..100000 (default 200)
 * @param generations ABC-SMC generations, 1..100 (default 5)
 * @param structural with {@code abc-smc}, also fit every structural assumption of the scenario
 *     ({@link org.multivector.model.Structural}: dispute intensities, the regional states' strategies) that a pattern
 *     responds to (default false); structural names can also be listed in {@code parameters}
 * @param chains with {@code abc-smc}, independent populations run one after the other and pooled, with the
 *     Gelman–Rubin R̂ of each parameter across them, 1..16 (default 1)
 */
public record CalibrateRequest(
        ScenarioChoice scenario,
        Long seed,
        YearRange train,
        List<String> parameters,
        Integer runsPerPoint,
        Integer maxEvaluations,
        Double sigma,
        Integer population,
        String method,
        Integer particles,
        Integer generations,
        Boolean structural,
        Integer chains)
        implements StudyRequest {
    public static final String CMA_ES = "cma-es";
    public static final String ABC_SMC = "abc-smc";

    /** A CMA-ES fit. */
    public CalibrateRequest(
            ScenarioChoice scenario,
            Long seed,
            YearRange train,
            List<String> parameters,
            Integer runsPerPoint,
            Integer maxEvaluations,
            Double sigma,
            Integer population) {
        this(
                scenario,
                seed,
                train,
                parameters,
                runsPerPoint,
                maxEvaluations,
                sigma,
                population,
                null,
                null,
                null,
                null,
                null);
    }

    /** A fit of parameters only. */
    public CalibrateRequest(
            ScenarioChoice scenario,
            Long seed,
            YearRange train,
            List<String> parameters,
            Integer runsPerPoint,
            Integer maxEvaluations,
            Double sigma,
            Integer population,
            String method,
            Integer particles,
            Integer generations) {
        this(
                scenario,
                seed,
                train,
                parameters,
                runsPerPoint,
                maxEvaluations,
                sigma,
                population,
                method,
                particles,
                generations,
                null,
                null);
    }

    public CalibrateRequest {
        scenario = scenario == null ? ScenarioChoice.defaults() : scenario;
        seed = StudyRequest.orDefault(seed, SEED_DEFAULT);
        train = train == null ? new YearRange(1992, 2008) : train;
        parameters = parameters == null ? null : List.copyOf(parameters);
        runsPerPoint = StudyRequest.orDefault(runsPerPoint, 16);
        maxEvaluations = StudyRequest.orDefault(maxEvaluations, 4000);
        sigma = sigma == null ? 0.2 : sigma;
        method = method == null ? CMA_ES : method;
        particles = StudyRequest.orDefault(particles, 200);
        generations = StudyRequest.orDefault(generations, 5);
        structural = structural != null && structural;
        chains = StudyRequest.orDefault(chains, 1);
        Problems p = new Problems();
        if (!method.equals(CMA_ES) && !method.equals(ABC_SMC)) {
            p.add("method", "'" + method + "' is not a method (expected " + CMA_ES + " or " + ABC_SMC + ")");
        }
        p.range("particles", particles, 4, 100_000);
        p.range("generations", generations, 1, 100);
        p.range("chains", chains, 1, 16);
        if (chains > 1 && !method.equals(ABC_SMC)) {
            p.add("chains", "independent populations are an " + ABC_SMC + " option (a CMA-ES fit is one search)");
        }
        p.range("runsPerPoint", runsPerPoint, 1, 100_000);
        p.range("maxEvaluations", maxEvaluations, 1, 10_000_000);
        if (!(sigma > 0 && sigma <= 1)) {
            p.add("sigma", sigma + " is outside (0, 1] (a share of each parameter's range)");
        }
        if (population != null) {
            p.range("population", population, 2, 10_000);
        }
        boolean namesStructural = parameters != null && parameters.stream().anyMatch(Structural::named);
        if ((structural || namesStructural) && !method.equals(ABC_SMC)) {
            p.add(
                    structural ? "structural" : "parameters",
                    "structural assumptions are fitted only by " + ABC_SMC + " (a posterior over their categories and"
                            + " values); a point fit would pick one strategy on the noise of its runs");
        }
        if (scenario.editsYearsOrStrategies()) {
            p.add("overrides", "a calibration fits the scenario as it is: no strategy overrides or years");
        }
        p.throwIfAny();
    }

    @Override
    public String kind() {
        return "calibrate";
    }

    /**
     * The parameters to fit, in order: the named ones (parameters or structural assumptions), or every fittable one
     * sorted by name; then, with {@code structural}, every structural assumption not named yet.
     */
    static List<Parameter> fitted(Scenario s, List<String> names, boolean structural) {
        List<Parameter> out = fitted(s, names);
        if (structural) {
            Structural.of(s).values().stream().filter(x -> !out.contains(x)).forEach(out::add);
        }
        return out;
    }

    private static List<Parameter> fitted(Scenario s, List<String> names) {
        List<Parameter> out = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            for (Parameter p : s.parameters().values()) {
                boolean fittable = ParameterKey.fromId(p.name())
                        .map(ParameterKey::fittable)
                        .orElse(true);
                if (p.max() > p.min() && fittable) {
                    out.add(p);
                }
            }
            out.sort(Comparator.comparing(Parameter::name));
            return out;
        }
        Problems problems = new Problems();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            Parameter p = s.variable(n).orElse(null);
            if (p == null) {
                problems.add(
                        "parameters[" + i + "]",
                        "'" + n + "' is not a parameter or structural assumption of " + s.name(),
                        Suggestions.didYouMean(n, s.variableNames()));
            } else if (!(p.max() > p.min())) {
                problems.add("parameters[" + i + "]", "'" + n + "' has no range to fit in");
            } else if (out.contains(p)) {
                problems.add("parameters[" + i + "]", "'" + n + "' is listed twice");
            } else {
                out.add(p);
            }
        }
        problems.throwIfAny();
        return out;
    }

    CalibrateRequest resolve(Scenario s) {
        Problems p = new Problems();
        if (train.from() <= s.time().start() || train.to() > s.time().end()) {
            p.add(
                    "train",
                    train + " must lie after " + s.time().start()
                            + " (the free run starts in the first year) and end by "
                            + s.time().end());
        }
        List<String> names = null;
        try {
            names = fitted(s, parameters, false).stream().map(Parameter::name).toList();
        } catch (RequestException e) {
            p.addAll(e);
        }
        p.throwIfAny();
        int pop = population != null ? population : CmaEs.defaultPopulation(names.size());
        // parameters stay null for the default set: the study then leaves out what no pattern informs, while a
        // list the user named is fitted as named or refused
        return new CalibrateRequest(
                scenario,
                seed,
                train,
                parameters == null || parameters.isEmpty() ? null : names,
                runsPerPoint,
                maxEvaluations,
                sigma,
                pop,
                method,
                particles,
                generations,
                structural,
                chains);
    }
}
