package org.multivector.study;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.multivector.engine.CompiledScenario;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.scenario.ScenarioLoader;

/**
 * A scenario as a study ships it to workers: the YAML bytes as loaded (already validated by the
 * caller) plus overrides — simulated years, strategies, parameter values. Workers parse and compile
 * it once per JVM (cached by content), so a cluster needs nothing but this object.
 */
public final class ScenarioSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, CompiledScenario> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Scenario> SCENARIOS = new ConcurrentHashMap<>();

    private final String file;
    private final byte[] yaml;
    private final String digest;
    private final int from;
    private final int to;
    private final LinkedHashMap<String, String> strategies;
    private final LinkedHashMap<String, Double> parameters;
    private final int knownAt; // 0: none; else Scenario.knownAt(knownAt) is applied first
    private transient CompiledScenario compiled;

    public ScenarioSpec(
            String file,
            byte[] yaml,
            int from,
            int to,
            Map<String, String> strategies,
            Map<String, Double> parameters) {
        this.file = file;
        this.yaml = yaml.clone();
        this.digest = sha256(yaml);
        this.from = from;
        this.to = to;
        this.strategies = new LinkedHashMap<>(strategies);
        this.parameters = new LinkedHashMap<>(parameters);
        this.knownAt = 0;
    }

    private ScenarioSpec(ScenarioSpec o, Map<String, Double> parameters, int knownAt) {
        this.file = o.file;
        this.yaml = o.yaml;
        this.digest = o.digest;
        this.from = o.from;
        this.to = o.to;
        this.strategies = new LinkedHashMap<>(o.strategies);
        this.parameters = new LinkedHashMap<>(parameters);
        this.knownAt = knownAt;
    }

    /** The same scenario as known at the end of {@code cut} (backtests; see {@code Scenario.knownAt}). */
    public ScenarioSpec knownAt(int cut) {
        return new ScenarioSpec(this, parameters, cut);
    }

    /** The same scenario with one more parameter override. */
    public ScenarioSpec withParameter(String name, double value) {
        Map<String, Double> p = new LinkedHashMap<>(parameters);
        p.put(name, value);
        return new ScenarioSpec(this, p, knownAt);
    }

    /** The scenario with the overrides applied (parsed afresh). */
    public Scenario scenario() {
        Scenario s = ScenarioLoader.parse(file, yaml);
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
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            s = s.withParameter(e.getKey(), e.getValue());
        }
        return s;
    }

    /**
     * {@link #scenario()}, parsed once per JVM and shared (scenarios are immutable). For jobs that derive
     * many variants from one spec, e.g. calibration points.
     */
    public Scenario cachedScenario() {
        return SCENARIOS.computeIfAbsent(key(), k -> scenario());
    }

    /** The compiled scenario, shared by every thread of this JVM. */
    public CompiledScenario compiled() {
        CompiledScenario c = compiled;
        if (c == null) {
            c = CACHE.computeIfAbsent(key(), k -> CompiledScenario.of(scenario()));
            compiled = c;
        }
        return c;
    }

    private String key() {
        return digest + "#k" + knownAt + "#" + from + "-" + to + "#" + strategies + "#" + parameters;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> strategies() {
        return new LinkedHashMap<>(strategies);
    }

    public Map<String, Double> parameters() {
        return new LinkedHashMap<>(parameters);
    }
}
