package org.multivector.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.multivector.model.Parameter;
import org.multivector.model.Provenance;
import org.multivector.model.Scenario;

/**
 * A parameter overlay: new values for some of a scenario's parameters, each with its provenance —
 * typically written by {@code multivector calibrate} ({@code source: "calibration <id> ..."}).
 *
 * <pre>
 * overlay: central-asia            # the scenario name it applies to
 * calibration: {id: ..., ...}      # optional, free-form record of how the values were obtained
 * parameters:
 *   tension-base: {value: -1.9, source: "calibration cal-1a2b3c4d (...)"}
 * </pre>
 *
 * Every value must lie inside the base scenario's range for that parameter; the range is kept.
 */
public final class Overlay {
    /** One parameter's new value and provenance. */
    public record Value(double value, Provenance provenance) {}

    private final String file;
    private final String scenario;
    private final Map<String, Value> parameters;
    private final YamlDocument doc;

    private Overlay(String file, String scenario, Map<String, Value> parameters, YamlDocument doc) {
        this.file = file;
        this.scenario = scenario;
        this.parameters = parameters;
        this.doc = doc;
    }

    public String file() {
        return file;
    }

    /** The scenario name the overlay is for. */
    public String scenario() {
        return scenario;
    }

    public Map<String, Value> parameters() {
        return java.util.Collections.unmodifiableMap(parameters);
    }

    /** Reads an overlay file; problems are reported like a scenario's (file:line:column, field, expected). */
    public static Overlay load(Path path) {
        return parse(
                path.toString(),
                InputFile.read(
                        path,
                        YamlDocument.MAX_BYTES_DEFAULT,
                        "an overlay YAML file",
                        "no such overlay file (expected a YAML file written by calibrate)"));
    }

    public static Overlay parse(String file, byte[] bytes) {
        YamlDocument doc = YamlDocument.parse(file, bytes);
        ProblemCollector problems = new ProblemCollector(doc);
        JsonNode root = doc.root();
        if (!root.isObject()) {
            problems.at("", "expected a mapping with 'overlay' and 'parameters'");
            problems.throwIfAny();
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("overlay") && !k.equals("parameters") && !k.equals("calibration")) {
                problems.atKey(
                        "/" + YamlDocument.escape(k),
                        "unknown field (expected overlay, calibration or parameters)",
                        Suggestions.didYouMean(k, java.util.List.of("overlay", "calibration", "parameters")));
            }
        }
        JsonNode name = root.get("overlay");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            problems.at(
                    name == null ? "" : "/overlay", "expected 'overlay: <scenario name>' (the scenario it applies to)");
        }
        JsonNode ps = root.get("parameters");
        Map<String, Value> values = new LinkedHashMap<>();
        if (ps == null || !ps.isObject() || ps.isEmpty()) {
            problems.at(ps == null ? "" : "/parameters", "expected 'parameters:' mapping names to {value, source}");
        } else {
            for (Map.Entry<String, JsonNode> e : ps.properties()) {
                String ptr = "/parameters/" + YamlDocument.escape(e.getKey());
                JsonNode p = e.getValue();
                if (!p.isObject()) {
                    problems.at(ptr, "expected {value: NUMBER, source: TEXT} (or assumption: TEXT)");
                    continue;
                }
                JsonNode v = p.get("value");
                if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
                    problems.at(v == null ? ptr : ptr + "/value", "expected a finite number as value");
                    continue;
                }
                JsonNode src = p.get("source");
                JsonNode asm = p.get("assumption");
                boolean hasSrc = src != null && src.isTextual() && !src.asText().isBlank();
                boolean hasAsm = asm != null && asm.isTextual() && !asm.asText().isBlank();
                if (hasSrc == hasAsm) {
                    problems.at(ptr, "expected exactly one of source or assumption (where the value comes from)");
                    continue;
                }
                values.put(
                        e.getKey(),
                        new Value(
                                v.asDouble(),
                                hasSrc ? Provenance.source(src.asText()) : Provenance.assumption(asm.asText())));
            }
        }
        problems.throwIfAny();
        return new Overlay(file, name.asText(), values, doc);
    }

    /** The scenario with the overlay's values; every name must be a parameter of it and every value inside its range. */
    public Scenario applyTo(Scenario s) {
        ProblemCollector problems = new ProblemCollector(doc);
        if (!scenario.equals(s.name())) {
            problems.at(
                    "/overlay", "overlay is for scenario '" + scenario + "' but the scenario is '" + s.name() + "'");
        }
        Scenario out = s;
        for (Map.Entry<String, Value> e : parameters.entrySet()) {
            String ptr = "/parameters/" + YamlDocument.escape(e.getKey());
            Parameter p = s.parameters().get(e.getKey());
            if (p == null) {
                problems.atKey(
                        ptr,
                        "unknown parameter (expected one of the scenario's parameters)",
                        Suggestions.didYouMean(e.getKey(), s.parameters().keySet()));
                continue;
            }
            double v = e.getValue().value();
            if (v < p.min() || v > p.max()) {
                problems.at(
                        ptr + "/value", "value " + v + " is outside the parameter's range " + p.min() + ".." + p.max());
                continue;
            }
            out = out.withParameter(new Parameter(
                    p.name(), v, p.min(), p.max(), p.meaning(), e.getValue().provenance()));
        }
        problems.throwIfAny();
        return out;
    }
}
