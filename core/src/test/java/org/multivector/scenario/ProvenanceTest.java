package org.multivector.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every number of the embedded default scenario carries a source or an assumption (walks the raw tree). */
class ProvenanceTest {
    @Test
    void defaultScenario_everyNumber_hasSourceOrAssumption() {
        YamlDocument doc =
                YamlDocument.parse("central-asia.yaml", ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO));
        List<String> bare = new ArrayList<>();
        int[] numbers = {0};
        walk(doc.root(), "", false, bare, numbers);
        assertThat(numbers[0]).as("numbers in the default scenario").isGreaterThan(3000);
        assertThat(bare).as("numbers without provenance").isEmpty();
    }

    private static void walk(JsonNode n, String path, boolean covered, List<String> bare, int[] numbers) {
        if (n.isObject()) {
            boolean here = covered || notBlank(n.get("source")) || notBlank(n.get("assumption"));
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                walk(e.getValue(), path + "/" + e.getKey(), here, bare, numbers);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "/" + i, covered, bare, numbers);
            }
        } else if (n.isNumber() && !path.equals("/format")) { // the file format's version is not a quantity
            numbers[0]++;
            if (!covered) {
                bare.add(path);
            }
        }
    }

    private static boolean notBlank(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank();
    }
}
