package org.multivector.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a scenario tree against {@code scenario.schema.json} (JSON Schema 2020-12, networknt
 * validator) and turns each violation into a located {@link Problem} with a message written for
 * people rather than the validator's own wording.
 */
final class SchemaCheck {
    private static final String RESOURCE = "scenario.schema.json";
    private static final JsonNode SCHEMA_TREE = readSchema();
    private static final JsonSchema SCHEMA =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA_TREE);

    private SchemaCheck() {}

    /** The schema document, for docs and tools. */
    static JsonNode schema() {
        return SCHEMA_TREE;
    }

    static void check(YamlDocument doc, ProblemCollector problems) {
        Set<ValidationMessage> messages = SCHEMA.validate(doc.root());
        int i = 0;
        for (ValidationMessage m : messages) {
            // a "did you mean" costs an edit distance per candidate: only for problems a reader will see
            report(m, problems, i++ < ScenarioException.MAX_LISTED);
        }
    }

    private static void report(ValidationMessage m, ProblemCollector problems, boolean hints) {
        String pointer = pointer(m.getInstanceLocation());
        JsonNode instance = m.getInstanceNode();
        JsonNode schemaNode = m.getSchemaNode();
        String type = m.getType();
        switch (type) {
            case "required" -> problems.at(pointer, "missing required field '" + m.getProperty() + "'");
            case "additionalProperties" -> {
                String child = pointer + "/" + YamlDocument.escape(m.getProperty());
                List<String> allowed = allowedProperties(m);
                problems.atKey(
                        child,
                        "unknown field '" + m.getProperty() + "'"
                                + (allowed.isEmpty() ? "" : " (expected one of " + String.join(", ", allowed) + ")"),
                        hints ? Suggestions.didYouMean(m.getProperty(), allowed) : null);
            }
            case "type" ->
                problems.at(pointer, "expected " + describeType(schemaNode) + ", found " + describe(instance));
            case "enum" ->
                problems.at(
                        pointer,
                        describe(instance) + " is not one of " + enumValues(schemaNode),
                        hints && instance != null && instance.isTextual()
                                ? Suggestions.didYouMean(instance.asText(), enumList(schemaNode))
                                : null);
            case "pattern" ->
                problems.at(pointer, describe(instance) + " is not " + patternMeaning(schemaNode.asText()));
            case "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum" ->
                problems.at(
                        pointer,
                        describe(instance) + " is " + (type.endsWith("inimum") ? "below" : "above") + " the "
                                + (type.startsWith("exclusive") ? "exclusive " : "")
                                + (type.endsWith("inimum") ? "minimum " : "maximum ")
                                + schemaNode.asText());
            default -> problems.at(pointer, m.getError() == null ? m.getMessage() : stripPath(m.getError()));
        }
    }

    private static String stripPath(String error) {
        return error.startsWith("$") && error.contains(": ") ? error.substring(error.indexOf(": ") + 2) : error;
    }

    private static String pointer(JsonNodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object e = path.getElement(i);
            b.append('/').append(YamlDocument.escape(String.valueOf(e)));
        }
        return b.toString();
    }

    private static List<String> allowedProperties(ValidationMessage m) {
        String fragment = m.getSchemaLocation().getFragment().toString();
        // fragment ends in /additionalProperties; its parent schema lists the allowed properties
        JsonNode node = SCHEMA_TREE;
        String[] parts = fragment.split("/");
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            node = node.isArray() ? node.path(Integer.parseInt(parts[i])) : node.path(parts[i]);
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.path("properties").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String patternMeaning(String pattern) {
        return switch (pattern) {
            case "^[A-Z][A-Z0-9]{1,7}$" -> "an actor code (expected 2-8 upper-case letters or digits, such as KAZ)";
            case "^[a-z0-9][a-z0-9-]{0,63}$" -> "an id (expected lower-case letters, digits and '-', such as trade)";
            case "^(19|2[01])[0-9]{2}$" -> "a year (expected 1900..2199)";
            default -> "in the expected form (" + pattern + ")";
        };
    }

    private static String describeType(JsonNode schemaNode) {
        String t = schemaNode.isArray() ? schemaNode.toString() : schemaNode.asText();
        return switch (t) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "string" -> "text";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            default -> t;
        };
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "an empty value";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            String s = n.asText();
            return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
        }
        return n.asText();
    }

    private static List<String> enumList(JsonNode schemaNode) {
        List<String> values = new ArrayList<>();
        schemaNode.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String enumValues(JsonNode schemaNode) {
        return String.join(", ", enumList(schemaNode));
    }

    private static JsonNode readSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
