package org.multivector.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.multivector.model.Scenario;

/**
 * Loads scenarios from files or from the embedded resources, checking them in three layers: the
 * bytes (size, encoding, YAML well-formedness, hostile constructs), the JSON Schema, and the
 * meaning (references, ranges, provenance). Every problem is reported at once in a
 * {@link ScenarioException}; nothing partial is ever returned. Thread-safe.
 */
public final class ScenarioLoader {
    /** The embedded default scenario. */
    public static final String DEFAULT_SCENARIO = "central-asia";

    private static final String RESOURCE_DIR = "/org/multivector/scenario/builtin/";
    /** The default scenario with its curated parameter values before calibration (what calibrate starts from). */
    public static final String PRIOR_SCENARIO = "central-asia-prior";

    /** The second shipped region: mainland Southeast Asia between China and the United States. */
    public static final String SOUTHEAST_ASIA = "mainland-southeast-asia";

    private static final List<String> BUILT_IN = List.of(DEFAULT_SCENARIO, PRIOR_SCENARIO, SOUTHEAST_ASIA);

    private ScenarioLoader() {}

    /** Names of the embedded scenarios. */
    public static List<String> builtInNames() {
        return BUILT_IN;
    }

    /** Loads an embedded scenario by name. */
    public static Scenario builtIn(String name) {
        return parse(name + ".yaml", builtInBytes(name));
    }

    /** The raw YAML of an embedded scenario. */
    public static byte[] builtInBytes(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new ScenarioException(List.of(new Problem(
                    name,
                    0,
                    0,
                    "",
                    "unknown built-in scenario '" + name + "' (expected one of " + String.join(", ", BUILT_IN) + ")",
                    Suggestions.didYouMean(name, BUILT_IN))));
        }
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(RESOURCE_DIR + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("embedded scenario " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read embedded scenario " + name, e);
        }
    }

    /** Loads and checks a scenario file; a name without a path separator may also name a built-in scenario. */
    public static Scenario load(Path path) {
        String file = path.toString();
        if (!Files.exists(path) && BUILT_IN.contains(file)) {
            return builtIn(file);
        }
        return parse(file, read(path));
    }

    /**
     * The bytes of a scenario file, checked as a file: it exists, is a regular readable file and is not larger than
     * {@link YamlDocument#MAX_BYTES_DEFAULT}; otherwise a problem naming the file.
     */
    public static byte[] read(Path path) {
        return InputFile.read(
                path,
                YamlDocument.MAX_BYTES_DEFAULT,
                "a scenario YAML file",
                "no such file (expected a scenario YAML file or one of " + String.join(", ", BUILT_IN) + ")");
    }

    /** Parses and checks scenario text; {@code file} is the name used in problem locations. */
    public static Scenario parse(String file, byte[] bytes) {
        YamlDocument doc = YamlDocument.parse(file, bytes);
        ProblemCollector problems = new ProblemCollector(doc);
        if (!doc.root().isObject()) {
            problems.at("", "expected a mapping at the top of the file, found " + SchemaCheck.describe(doc.root()));
            problems.throwIfAny();
        }
        SchemaCheck.check(doc, problems);
        problems.throwIfAny();
        return new ScenarioBinder(doc, problems).bind(hash(doc.root()));
    }

    /** The JSON Schema the scenario format is checked against. */
    public static JsonNode schema() {
        return SchemaCheck.schema();
    }

    /** SHA-256 of the scenario's canonical JSON form (keys sorted), so formatting does not change it. */
    static String hash(JsonNode root) {
        try {
            ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            Object canonical = mapper.treeToValue(root, Object.class);
            byte[] json = mapper.writeValueAsBytes(canonical);
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(json))
                    .substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash scenario", e);
        }
    }
}
