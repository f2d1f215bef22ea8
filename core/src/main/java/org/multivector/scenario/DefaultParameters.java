package org.multivector.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.multivector.model.Parameter;
import org.multivector.model.ParameterKey;
import org.multivector.model.Provenance;

/**
 * The documented default parameter set ({@code default-parameters.yaml} beside the schema): value, range and a
 * region-neutral reason for every {@link ParameterKey}. A scenario may omit any parameter and gets this one; its
 * provenance then starts with {@link Parameter#DEFAULT_SET}, so manifests and reports can say which values came
 * from here.
 */
public final class DefaultParameters {
    private static final String RESOURCE = "/org/multivector/scenario/default-parameters.yaml";
    private static final Map<String, Parameter> SET = load();

    private DefaultParameters() {}

    /** The default of parameter {@code name} (a {@link ParameterKey} id). */
    public static Parameter get(String name) {
        Parameter p = SET.get(name);
        if (p == null) {
            throw new IllegalStateException("the default parameter set has no " + name);
        }
        return p;
    }

    /** Every default, by name, in {@link ParameterKey} order. */
    public static Map<String, Parameter> all() {
        return SET;
    }

    private static Map<String, Parameter> load() {
        try (InputStream in = DefaultParameters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            YamlDocument doc = YamlDocument.parse("default-parameters.yaml", in.readAllBytes());
            JsonNode ps = doc.root().path("parameters");
            Map<String, Parameter> out = new LinkedHashMap<>();
            for (ParameterKey k : ParameterKey.values()) {
                JsonNode n = ps.get(k.id());
                if (n == null) {
                    throw new IllegalStateException(RESOURCE + " has no " + k.id());
                }
                out.put(
                        k.id(),
                        new Parameter(
                                k.id(),
                                n.path("value").asDouble(),
                                n.path("min").asDouble(),
                                n.path("max").asDouble(),
                                k.meaning(),
                                Provenance.assumption(Parameter.DEFAULT_SET
                                        + n.path("assumption").asText())));
            }
            for (Iterator<String> it = ps.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (ParameterKey.fromId(name).isEmpty()) {
                    throw new IllegalStateException(RESOURCE + " names unknown parameter " + name);
                }
            }
            return java.util.Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
