package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.ScenarioLoader;

/** The engine reads what a dimension declares, never its id (docs/SCENARIO.md, "Dimensions"). */
class DeclaredDimensionsTest {
    static final Map<String, String> RENAMES = Map.of(
            "trade", "commerce",
            "investment", "capital",
            "energy", "pipelines",
            "security", "military",
            "diplomacy", "voting");

    static String renamed(String yaml) {
        String out = yaml;
        for (var e : RENAMES.entrySet()) {
            out = out.replace("id: \"" + e.getKey() + "\"", "id: \"" + e.getValue() + "\"");
            out = out.replace("dimension: \"" + e.getKey() + "\"", "dimension: \"" + e.getValue() + "\"");
            Matcher m = Pattern.compile("([{,] ?)" + e.getKey() + ":").matcher(out);
            out = m.replaceAll("$1" + e.getValue() + ":");
        }
        return out;
    }

    @Test
    void renamingEveryDimension_givesBitIdenticalRuns() {
        String yaml = new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);
        String other = renamed(yaml);
        assertThat(other).doesNotContain("dimension: \"security\"").doesNotContain(" security:");
        Scenario a = ScenarioLoader.parse("central-asia.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        Scenario b = ScenarioLoader.parse("renamed.yaml", other.getBytes(StandardCharsets.UTF_8));
        assertThat(b.dimensions().stream().map(d -> d.id()).toList())
                .containsExactly("commerce", "capital", "pipelines", "military", "voting");
        Engine ea = new Engine(CompiledScenario.of(a));
        Engine eb = new Engine(CompiledScenario.of(b));
        for (long run = 0; run < 5; run++) {
            double[] x = ea.run(1992, run).values();
            double[] y = eb.run(1992, run).values();
            assertThat(bits(y)).as("run " + run).isEqualTo(bits(x));
        }
    }

    @Test
    void formatOne_infersTheFiveOriginalIds_andRefusesAnyOtherUndeclaredId() {
        String yaml = new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);
        // today's files: no format key and no declarations load with the meaning the ids used to carry
        int from = yaml.indexOf("\ndimensions:\n");
        int to = yaml.indexOf("\npoles:\n");
        String legacy = yaml.substring(0, from).replace("format: 2\n", "")
                + yaml.substring(from, to).replaceAll("(?m)^    (domain|coercible|interdependence|unit): .*\n", "")
                + yaml.substring(to);
        Scenario a = ScenarioLoader.parse("legacy.yaml", legacy.getBytes(StandardCharsets.UTF_8));
        Scenario declared = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
        for (int d = 0; d < a.dimensions().size(); d++) {
            var x = a.dimensions().get(d);
            var y = declared.dimensions().get(d);
            assertThat(x.domain()).as(x.id()).isEqualTo(y.domain());
            assertThat(x.coercible()).as(x.id()).isEqualTo(y.coercible());
            assertThat(x.interdependence()).as(x.id()).isEqualTo(y.interdependence());
        }
        // renaming without declaring must not silently change the results
        String undeclared = legacy.replace("id: \"security\"", "id: \"military\"")
                .replace("dimension: \"security\"", "dimension: \"military\"")
                .replace(" security:", " military:");
        assertThatThrownBy(() -> ScenarioLoader.parse("undeclared.yaml", undeclared.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(
                        "dimensions[3]: dimension 'military' declares no domain (expected domain: economic, security or"
                                + " political, and coercible: and interdependence: where true; format 1 infers them"
                                + " only for the ids trade, investment, energy, security and diplomacy)");
        // format 2 infers nothing
        String format2 = legacy.replace("scenario: \"central-asia\"\n", "scenario: \"central-asia\"\nformat: 2\n");
        assertThatThrownBy(() -> ScenarioLoader.parse("format2.yaml", format2.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("5 problems")
                .hasMessageContaining("dimensions[0]: dimension 'trade' declares no domain");
    }

    @Test
    void twoInterdependenceDimensions_areRefused() {
        String yaml = new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);
        String two = yaml.replace(
                "    domain: \"economic\"\n    unit: \"share of the foreign investment stock\"",
                "    domain: \"economic\"\n    interdependence: true\n    unit: \"share of the foreign investment stock\"");
        assertThat(two).isNotEqualTo(yaml);
        assertThatThrownBy(() -> ScenarioLoader.parse("two.yaml", two.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(
                        "dimensions: dimensions trade, investment all declare interdependence: true (expected at most"
                                + " one: the trade shares behind sensitivity and Barbieri's measures)");
    }

    static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
