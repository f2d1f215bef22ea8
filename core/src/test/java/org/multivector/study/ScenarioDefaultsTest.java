package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.scenario.DefaultParameters;
import org.multivector.scenario.Overlay;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.ScenarioLoader;

/** A scenario's focus, default comparison and the default parameter set (docs/SCENARIO.md). */
class ScenarioDefaultsTest {
    static final String YAML =
            new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);

    /** The default scenario edited: another focus, a declared comparison, and no parameters at all. */
    static String edited() {
        int from = YAML.indexOf("\nparameters:\n");
        return YAML.substring(0, from + 1)
                        .replace(
                                "focus: \"KAZ\"",
                                "focus: \"UZB\"\ncomparison: [\"neutral\", \"bandwagon:CHN\","
                                        + " \"bandwagon:RUS; multi-vector from 2028\"]")
                + "parameters: {}\n";
    }

    static StudyService service(String yaml) {
        ScenarioCatalog catalog = new ScenarioCatalog() {
            @Override
            public Source scenario(String reference) {
                return new Source(reference, "edited.yaml", yaml.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public Overlay overlay(String reference) {
                throw RequestException.of("overlays", "none");
            }

            @Override
            public Source issue(String reference) {
                throw RequestException.of("input", "none");
            }
        };
        return new StudyService(
                catalog, new StudyServiceTest.MemoryArchive(), CheckpointStore.NONE, ReportRenderer.NONE, "test");
    }

    @Test
    void aScenarioWithoutParameters_getsTheDefaultSet_andItsManifestSaysSo() {
        String yaml = edited();
        assertThat(yaml).contains("focus: \"UZB\"").doesNotContain("tension-base:");
        Scenario s = ScenarioLoader.parse("edited.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(s.parameters()).hasSize(DefaultParameters.all().size());
        assertThat(s.parameters().values()).allMatch(Parameter::fromDefaults);
        assertThat(s.parameter("tension-base").value()).isEqualTo(-1.5);
        StudyService.Prepared p = service(yaml).prepare(new RunRequest(null, 1L));
        @SuppressWarnings("unchecked")
        List<String> defaulted = (List<String>) p.manifest().get("defaultParameters");
        assertThat(defaulted).hasSize(DefaultParameters.all().size()).contains("tension-base", "rsi-hazard-scale");
        // the shipped default gives every parameter itself
        StudyService.Prepared shipped = StudyServiceTest.service(
                        new StudyServiceTest.MemoryArchive(), CheckpointStore.NONE)
                .prepare(new RunRequest(null, 1L));
        assertThat((List<?>) shipped.manifest().get("defaultParameters")).isEmpty();
    }

    @Test
    void compareAndSensitivity_takeTheirActorAndStrategiesFromTheScenario() {
        StudyService svc = service(edited());
        CompareRequest c = (CompareRequest) svc.prepare(new CompareRequest(null, null, 10L, null, null, null))
                .request();
        assertThat(c.actor()).isEqualTo("UZB");
        assertThat(c.strategies()).containsExactly("neutral", "bandwagon:CHN", "bandwagon:RUS; multi-vector from 2028");
        SensitivityRequest r = (SensitivityRequest)
                svc.prepare(new SensitivityRequest(null, null, null, null, null, null, null, null, null))
                        .request();
        assertThat(r.actor()).isEqualTo("UZB");
        assertThat(r.alternative()).isEqualTo("bandwagon:CHN");
        // without a declared comparison: multi-vector, bandwagon with each pole, neutral
        CompareRequest d =
                (CompareRequest) StudyServiceTest.service(new StudyServiceTest.MemoryArchive(), CheckpointStore.NONE)
                        .prepare(new CompareRequest(null, null, 10L, null, null, null))
                        .request();
        assertThat(d.actor()).isEqualTo("KAZ");
        assertThat(d.strategies())
                .containsExactly("multi-vector", "bandwagon:RUS", "bandwagon:CHN", "bandwagon:WEST", "neutral");
    }

    @Test
    void aFocusOutsideTheRegion_orAComparisonWithAnUnknownPole_isRefused() {
        String bad = YAML.replace("focus: \"KAZ\"", "focus: \"RUS\"\ncomparison: [\"neutral\", \"bandwagon:IRN\"]");
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("focus: 'RUS' is not a regional state (expected one of KAZ, UZB, KGZ, TJK, TKM)")
                .hasMessageContaining("comparison[1]: strategy 'bandwagon:IRN' names unknown pole 'IRN' (expected"
                        + " one of RUS, CHN, WEST)");
    }

    @Test
    void theDefaultSetsReasons_nameNoRegion() {
        java.util.regex.Pattern region = java.util.regex.Pattern.compile(
                "Kazakh|Kyrgyz|Tajik|Turkmen|Uzbek|Afghan|Central Asia|CSTO|Fergana|Caspian|Russia|China|\\bKAZ\\b");
        for (Map.Entry<String, Parameter> e : DefaultParameters.all().entrySet()) {
            String reason = e.getValue().provenance().assumption();
            assertThat(region.matcher(reason).find())
                    .as(e.getKey() + ": " + reason)
                    .isFalse();
            assertThat(reason).startsWith(Parameter.DEFAULT_SET);
        }
    }
}
