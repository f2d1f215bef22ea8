package org.multivector.study;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.multivector.engine.CompiledScenario;
import org.multivector.model.Actor;
import org.multivector.model.Parameter;
import org.multivector.model.Provenance;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.scenario.Overlay;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.scenario.Suggestions;

/**
 * A scenario as a study runs it: the YAML of a base scenario plus a configuration — simulated years, per-state
 * strategies, parameter values (from overlays and single settings), and optionally "as known at the end of a
 * year" (backtests). This is the one form a configured scenario takes: studies record it, executors ship it to
 * their workers (it is serializable and carries the YAML, so a cluster needs nothing else), and workers rebuild
 * the same {@link Scenario} from it.
 *
 * <p><b>Identity.</b> The configuration is held canonically — strategies and parameters in sorted maps, the
 * last value of a parameter winning — so {@link #id()} depends on what the configuration is, not on the order
 * in which it was built: the same scenario with the same edits has the same id however it was reached. An
 * unedited scenario's id is its content hash ({@link Scenario#hash()}). The scenario {@link #scenario()} returns
 * carries {@link #id()} as its hash, so every output of its runs records the configuration that made it.
 *
 * <p><b>Caches.</b> The parsed and compiled scenario are cached in this object (transient fields), never in
 * static state: a long-lived server holds them only while it holds the study, and a deserialised copy on a
 * cluster worker builds its own once.
 */
public final class ConfiguredScenario implements Serializable {
    private static final long serialVersionUID = 2L;

    /** A parameter value set by the configuration, with where it comes from. */
    public record Setting(double value, Provenance provenance) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String source;
    private final String file;
    private final byte[] yaml;
    private final String baseHash;
    private final int baseStart; // the base scenario's years, to tell an edit from the default
    private final int baseEnd;
    private final int from; // 0: the scenario's first year
    private final int to; // 0: the scenario's last year
    private final int knownAt; // 0: everything known
    private final TreeMap<String, String> strategies;
    private final TreeMap<String, Setting> parameters;
    private final String id;
    private transient volatile Scenario scenario;
    private transient volatile CompiledScenario compiled;
    /** The unconfigured scenario as parsed (immutable), shared by the configurations made from this one. */
    private transient volatile Scenario parsed;

    private ConfiguredScenario(
            String source,
            String file,
            byte[] yaml,
            String baseHash,
            int[] baseYears,
            int from,
            int to,
            int knownAt,
            Map<String, String> strategies,
            Map<String, Setting> parameters) {
        this.source = source;
        this.file = file;
        this.yaml = yaml;
        this.baseHash = baseHash;
        this.baseStart = baseYears[0];
        this.baseEnd = baseYears[1];
        this.from = from;
        this.to = to;
        this.knownAt = knownAt;
        this.strategies = new TreeMap<>(strategies);
        this.parameters = new TreeMap<>(parameters);
        this.id = identity();
    }

    /**
     * The unedited scenario in {@code yaml}.
     *
     * @param source how the user named it (a built-in name or a file), recorded in manifests
     * @param file the name used in problem locations
     * @throws org.multivector.scenario.ScenarioException when the YAML is not a valid scenario
     */
    public static ConfiguredScenario of(String source, String file, byte[] yaml) {
        byte[] copy = yaml.clone();
        Scenario base = ScenarioLoader.parse(file, copy);
        ConfiguredScenario c = new ConfiguredScenario(
                source,
                file,
                copy,
                base.hash(),
                new int[] {base.time().start(), base.time().end()},
                0,
                0,
                0,
                Map.of(),
                Map.of());
        c.scenario = base;
        c.parsed = base;
        return c;
    }

    /** The scenario a request's choice names, resolved through {@code catalog} and configured as it says. */
    public static ConfiguredScenario resolve(ScenarioCatalog catalog, ScenarioChoice choice) {
        ScenarioCatalog.Source src = catalog.scenario(choice.scenario());
        List<Overlay> overlays = new java.util.ArrayList<>();
        for (String o : choice.overlays()) {
            overlays.add(catalog.overlay(o));
        }
        return of(src.reference(), src.file(), src.bytes())
                .configure(overlays, choice.set(), choice.overrides(), choice.from(), choice.to());
    }

    /**
     * The scenario configured by a request: overlays in order (later ones win), then single parameter settings,
     * strategy overrides and simulated years. Every bad value is reported at once, under the request field that
     * holds it ({@code set.NAME}, {@code overrides.STATE}, {@code from}, {@code to}); an overlay's own problems are
     * reported with its file and line.
     */
    public ConfiguredScenario configure(
            List<Overlay> overlays,
            Map<String, Double> set,
            Map<String, String> overrides,
            Integer newFrom,
            Integer newTo) {
        Scenario base = scenario();
        Problems problems = new Problems();
        Map<String, Setting> params = new TreeMap<>(parameters);
        for (Overlay o : overlays) {
            Scenario checked = o.applyTo(base); // file:line problems, thrown as a ScenarioException
            o.parameters().keySet().forEach(k -> {
                Parameter p = checked.parameter(k);
                params.put(k, new Setting(p.value(), p.provenance()));
            });
        }
        set.forEach((name, value) -> {
            Parameter p = base.parameters().get(name);
            if (p == null) {
                problems.add(
                        "set." + name,
                        "unknown parameter (expected one of the scenario's parameters)",
                        Suggestions.didYouMean(name, base.parameters().keySet()));
            } else if (value == null || !Double.isFinite(value) || value < p.min() || value > p.max()) {
                problems.add("set." + name, value + " is outside the parameter's range " + p.min() + ".." + p.max());
            } else {
                params.put(name, new Setting(value, Provenance.assumption("set by the study request")));
            }
        });
        Map<String, String> strat = new TreeMap<>(strategies);
        List<String> states = base.regionalStates().stream().map(Actor::id).toList();
        overrides.forEach((state, text) -> {
            if (!states.contains(state)) {
                problems.add(
                        "overrides." + state,
                        "'" + state + "' is not a regional state of " + base.name() + " (expected one of "
                                + String.join(", ", states) + ")",
                        Suggestions.didYouMean(state, states));
                return;
            }
            try {
                strat.put(state, strategy(base, text).text());
            } catch (RequestException e) {
                problems.add("overrides." + state, e.problems().get(0).message());
            }
        });
        int f = newFrom != null ? newFrom : (from != 0 ? from : baseStart);
        int l = newTo != null ? newTo : (to != 0 ? to : baseEnd);
        String years = " is outside the scenario's years " + baseStart + ".." + baseEnd;
        if (newFrom != null && (f < baseStart || f > baseEnd)) {
            problems.add("from", f + years);
        }
        if (newTo != null && (l < baseStart || l > baseEnd)) {
            problems.add("to", l + years);
        }
        if (problems.isEmpty() && f > l) {
            problems.add("from", f + " is after the last simulated year " + l + " (expected from <= to)");
        }
        problems.throwIfAny();
        boolean sameYears = f == baseStart && l == baseEnd;
        return inherit(new ConfiguredScenario(
                source,
                file,
                yaml,
                baseHash,
                baseYears(),
                sameYears ? 0 : f,
                sameYears ? 0 : l,
                knownAt,
                strat,
                params));
    }

    /**
     * A strategy that is valid in {@code s}: a known rule and, where it names one, an existing pole that is not
     * the residual partner; else a {@link RequestException} on field {@code strategy}.
     */
    public static StrategySpec strategy(Scenario s, String text) {
        StrategySpec spec;
        try {
            spec = StrategySpec.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw RequestException.of("strategy", e.getMessage());
        }
        java.util.Optional<String> unknown = s.unknownPole(spec);
        if (unknown.isPresent()) {
            List<String> poles = s.strategyPoles();
            throw new RequestException(List.of(new RequestException.FieldProblem(
                    "strategy",
                    "'" + text + "' names unknown pole '" + unknown.get() + "' (expected one of "
                            + String.join(", ", poles) + ")",
                    Suggestions.didYouMean(unknown.get(), poles))));
        }
        if (spec instanceof StrategySpec.Schedule sc) {
            for (StrategySpec.Phase ph : sc.phases()) {
                if (ph.from() != Integer.MIN_VALUE && !s.time().contains(ph.from())) {
                    throw RequestException.of(
                            "strategy",
                            "'" + text + "': a phase starts in " + ph.from() + ", outside the scenario's years "
                                    + s.time().start() + ".." + s.time().end());
                }
            }
        }
        return spec;
    }

    /** The same configuration simulating {@code newFrom..newTo} (already checked by the caller). */
    public ConfiguredScenario withYears(int newFrom, int newTo) {
        boolean same = newFrom == baseStart && newTo == baseEnd;
        return inherit(new ConfiguredScenario(
                source,
                file,
                yaml,
                baseHash,
                baseYears(),
                same ? 0 : newFrom,
                same ? 0 : newTo,
                knownAt,
                strategies,
                parameters));
    }

    private int[] baseYears() {
        return new int[] {baseStart, baseEnd};
    }

    /** The same configuration as known at the end of {@code cut} (backtests; see {@link Scenario#knownAt}). */
    public ConfiguredScenario knownAt(int cut) {
        return inherit(new ConfiguredScenario(
                source, file, yaml, baseHash, baseYears(), from, to, cut, strategies, parameters));
    }

    /**
     * The same configuration with one more parameter value, unchecked (a range too narrow is widened): for
     * experiments that set values programmatically; requests go through {@link #configure}.
     */
    public ConfiguredScenario withParameter(String name, double value) {
        Map<String, Setting> p = new TreeMap<>(parameters);
        p.put(name, new Setting(value, Provenance.assumption("set by the experiment")));
        return inherit(
                new ConfiguredScenario(source, file, yaml, baseHash, baseYears(), from, to, knownAt, strategies, p));
    }

    /** The configured scenario (parsed once per object). */
    public Scenario scenario() {
        Scenario s = scenario;
        if (s == null) {
            synchronized (this) {
                if (scenario == null) {
                    scenario = build();
                }
                s = scenario;
            }
        }
        return s;
    }

    /** The compiled scenario, built once per object and shared by every thread that uses this object. */
    public CompiledScenario compiled() {
        CompiledScenario c = compiled;
        if (c == null) {
            synchronized (this) {
                if (compiled == null) {
                    compiled = CompiledScenario.of(scenario());
                }
                c = compiled;
            }
        }
        return c;
    }

    /** {@code c}, made from this configuration, shares this one's parsed YAML (a configuration never re-parses it). */
    private ConfiguredScenario inherit(ConfiguredScenario c) {
        c.parsed = parsed;
        return c;
    }

    private Scenario build() {
        Scenario base = parsed;
        Scenario s = base != null ? base : ScenarioLoader.parse(file, yaml);
        if (base == null) {
            parsed = s;
        }
        if (knownAt != 0) {
            s = s.knownAt(knownAt);
        }
        if (from != 0 || to != 0) {
            s = s.withYears(
                    from != 0 ? from : s.time().start(), to != 0 ? to : s.time().end());
        }
        for (Map.Entry<String, String> e : strategies.entrySet()) {
            s = s.withStrategy(e.getKey(), StrategySpec.parse(e.getValue()));
        }
        for (Map.Entry<String, Setting> e : parameters.entrySet()) {
            Parameter p = s.parameter(e.getKey()).withValue(e.getValue().value());
            s = s.withParameter(new Parameter(
                    p.name(),
                    p.value(),
                    p.min(),
                    p.max(),
                    p.meaning(),
                    e.getValue().provenance()));
        }
        return s.withHash(id);
    }

    private String identity() {
        if (from == 0 && to == 0 && knownAt == 0 && strategies.isEmpty() && parameters.isEmpty()) {
            return baseHash;
        }
        StringBuilder b = new StringBuilder("configured-scenario/1\n").append(baseHash);
        b.append("\nknownAt=").append(knownAt);
        b.append("\nyears=").append(from).append('-').append(to);
        strategies.forEach(
                (k, v) -> b.append("\nstrategy ").append(k).append('=').append(v));
        parameters.forEach(
                (k, v) -> b.append("\nparameter ").append(k).append('=').append(v.value()));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The configuration's identity: a 16-hex-digit hash of the base scenario's content and the canonical
     * configuration; equal to the base scenario's hash when nothing is configured.
     */
    public String id() {
        return id;
    }

    /** How the user named the base scenario (built-in name or file). */
    public String source() {
        return source;
    }

    /** The base scenario's content hash. */
    public String baseHash() {
        return baseHash;
    }

    /** Strategy overrides per state, canonical text, sorted by state. */
    public SortedMap<String, String> strategies() {
        return new TreeMap<>(strategies);
    }

    /** Parameter values set by the configuration, sorted by name. */
    public SortedMap<String, Setting> parameters() {
        return new TreeMap<>(parameters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfiguredScenario c && c.id.equals(id) && c.source.equals(source);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return source + "@" + id;
    }
}
