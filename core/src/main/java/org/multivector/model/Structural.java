package org.multivector.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The structural assumptions of a scenario that a calibration, a posterior, a sensitivity analysis or a scenario
 * discovery can vary like parameters: the starting intensity of each dispute ({@code intensity:ID}, 0..1) and the
 * strategy of each regional state ({@code strategy:STATE}, categorical). Each is seen as a {@link Parameter} so the
 * machinery of ranges, unit cubes and posterior files applies unchanged; a categorical one has the range
 * {@code 0..k} over its {@code k} categories, and a value v stands for category {@code min(k − 1, ⌊v⌋)} — the usual
 * embedding of a discrete variable in a continuous ABC or design space (each category gets an equal share of the
 * uniform prior). Its categories are the scenario's own strategy for the state (first), then {@code multi-vector},
 * {@code neutral} and {@code bandwagon:P} for every pole that is not the residual one.
 *
 * <p>Why these: the uncertainty issue names pole behaviour (the {@code offer-*} parameters already carry it), the
 * neighbours' strategies and the dispute intensities as the structural assumptions that matter; the last two are
 * judgements written into the scenario (each an {@code assumption} with its reason), so letting the observed patterns
 * weigh them is the way to keep the model from assuming its conclusion (Oberkampf et al. 2002 on epistemic
 * uncertainty; Kwakkel 2017 on treating structural alternatives as uncertain factors in exploratory modelling).
 */
public final class Structural {
    private Structural() {}

    /** Prefix of a dispute's starting intensity. */
    public static final String INTENSITY = "intensity:";

    /** Prefix of a regional state's strategy. */
    public static final String STRATEGY = "strategy:";

    /** True when {@code name} has the form of a structural assumption (it may still not exist). */
    public static boolean named(String name) {
        return name != null && (name.startsWith(INTENSITY) || name.startsWith(STRATEGY));
    }

    /** Every structural assumption of {@code s} by name, sorted, each seen as a parameter. */
    public static Map<String, Parameter> of(Scenario s) {
        Map<String, Parameter> out = new TreeMap<>();
        for (Dispute d : s.disputes()) {
            out.put(INTENSITY + d.id(), intensity(d));
        }
        for (Actor a : s.regionalStates()) {
            out.put(STRATEGY + a.id(), strategy(s, a.id()));
        }
        return out;
    }

    private static Parameter strategy(Scenario s, String state) {
        List<String> cats = categories(s, STRATEGY + state);
        return new Parameter(
                STRATEGY + state,
                0.5,
                0,
                cats.size(),
                "the strategy of " + state + " (categorical, " + cats.size() + " categories: value v is category ⌊v⌋"
                        + " of " + String.join(", ", cats) + ")",
                Provenance.assumption("the scenario's strategy for " + state + ": " + cats.get(0)));
    }

    private static Parameter intensity(Dispute d) {
        return new Parameter(
                INTENSITY + d.id(),
                d.intensity().value(),
                0,
                1,
                "the starting intensity of dispute " + d.id() + " (" + d.a() + "–" + d.b() + "; events may change it)",
                d.intensity().provenance());
    }

    /**
     * The names {@code pattern} stands for when it is {@code intensity:*} (every dispute's intensity) or
     * {@code strategy:*} (every regional state's strategy); empty for any other text.
     */
    public static List<String> every(Scenario s, String pattern) {
        if (!(INTENSITY + "*").equals(pattern) && !(STRATEGY + "*").equals(pattern)) {
            return List.of();
        }
        String prefix = pattern.substring(0, pattern.length() - 1);
        return of(s).keySet().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** The structural assumption {@code name} of {@code s}, if it has one. */
    public static Optional<Parameter> find(Scenario s, String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith(INTENSITY)) {
            String id = name.substring(INTENSITY.length());
            return s.disputes().stream()
                    .filter(d -> d.id().equals(id))
                    .findFirst()
                    .map(Structural::intensity);
        }
        if (!categories(s, name).isEmpty()) {
            return Optional.of(strategy(s, name.substring(STRATEGY.length())));
        }
        return Optional.empty();
    }

    /**
     * The categories of a categorical assumption ({@code strategy:STATE}), in the order of their values; empty for a
     * continuous one.
     */
    public static List<String> categories(Scenario s, String name) {
        if (name == null || !name.startsWith(STRATEGY)) {
            return List.of();
        }
        String state = name.substring(STRATEGY.length());
        if (s.regionalStates().stream().noneMatch(a -> a.id().equals(state))) {
            return List.of();
        }
        // a state without a declared strategy follows the multi-vector rule (CompiledScenario)
        StrategySpec own = s.strategies().getOrDefault(state, new StrategySpec.MultiVector());
        LinkedHashSet<String> cats = new LinkedHashSet<>();
        cats.add(own.text());
        cats.add("multi-vector");
        cats.add("neutral");
        for (Pole p : s.poles()) {
            if (!p.residual()) {
                cats.add("bandwagon:" + p.id());
            }
        }
        return new ArrayList<>(cats);
    }

    /** The category a value of a categorical assumption with {@code k} categories stands for. */
    public static int category(double v, int k) {
        return (int) Math.max(0, Math.min(k - 1, Math.floor(v)));
    }

    /** {@code s} with the strategy assumption {@code name} ({@code strategy:STATE}) set to the strategy {@code label}. */
    public static Scenario withCategory(Scenario s, String name, String label) {
        if (categories(s, name).isEmpty()) {
            throw new IllegalArgumentException("unknown categorical assumption " + name);
        }
        return s.withStrategy(name.substring(STRATEGY.length()), StrategySpec.parse(label));
    }

    /** {@code s} with the structural assumption {@code name} set to {@code value} (a dispute's intensity or a strategy). */
    static Scenario apply(Scenario s, String name, double value) {
        if (name.startsWith(INTENSITY)) {
            String id = name.substring(INTENSITY.length());
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + ": " + value + " outside 0..1");
            }
            return s.withDisputeIntensity(id, value);
        }
        List<String> cats = categories(s, name);
        if (cats.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        String state = name.substring(STRATEGY.length());
        return s.withStrategy(state, StrategySpec.parse(cats.get(category(value, cats.size()))));
    }
}
