package org.multivector.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.multivector.model.Scenario;

class ScenarioLoaderTest {
    static final String[] INVALID = {
        "alias-bomb",
        "bad-encoding",
        "bad-strategy",
        "binary",
        "border-dates",
        "border-dispute-without-border",
        "both-provenances",
        "deeply-nested",
        "diplomacy-effects",
        "diplomacy-effort-range",
        "duplicate-actor-id",
        "duplicate-key",
        "empty-file",
        "end-before-start",
        "institution-effectiveness",
        "malformed-yaml",
        "membership-before-founding",
        "membership-status",
        "missing-required-field",
        "missing-strategy",
        "negative-intensity",
        "negotiation",
        "not-a-mapping",
        "number-without-provenance",
        "parameter-outside-range",
        "pole-relation-overlap",
        "relation-between-poles",
        "relation-party-unknown",
        "share-above-one",
        "shares-missing",
        "shares-sum-above-one",
        "strategy-schedule",
        "strategy-unknown-pole",
        "tie-year-out-of-range",
        "type-tag",
        "unknown-actor-in-tie",
        "unknown-effect-target",
        "unknown-field",
        "unknown-parameter",
        "unknown-pole-in-tie",
        "wrong-type"
    };

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ScenarioLoaderTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static Stream<String> invalid() {
        return Stream.of(INVALID);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void load_invalidFixture_reportsExactlyTheExpectedProblems(String name) throws IOException {
        String file = "invalid/" + name + ".yaml";
        String expected = new String(resource("invalid/" + name + ".expected"), StandardCharsets.UTF_8).strip();
        assertThatThrownBy(() -> ScenarioLoader.parse(file, resource(file)))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e ->
                        assertThat(e.getMessage().strip().replace("\r\n", "\n")).isEqualTo(expected));
    }

    @Test
    void load_validSmallScenario_bindsEverything() throws IOException {
        Scenario s = ScenarioLoader.parse("valid-small.yaml", resource("valid-small.yaml"));
        assertThat(s.regionalStates()).extracting(a -> a.id()).containsExactly("AAA", "BBB");
        assertThat(s.ties()).hasSize(1);
        assertThat(s.disputes().get(0).resolved()).hasValue(2008);
        assertThat(s.strategies().get("BBB").text()).isEqualTo("bandwagon:RUS");
    }

    @Test
    void builtIn_defaultScenario_loadsWithEveryPartPresent() {
        Scenario s = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
        assertThat(s.regionalStates()).extracting(a -> a.id()).containsExactly("KAZ", "UZB", "KGZ", "TJK", "TKM");
        assertThat(s.poles()).extracting(p -> p.id()).containsExactly("RUS", "CHN", "WEST", "OTHER");
        assertThat(s.actor("AFG")).isPresent();
        assertThat(s.institutions()).extracting(i -> i.id()).contains("CSTO", "SCO", "EAEU", "PFP", "OSCE", "CIS");
        assertThat(s.events()).hasSizeGreaterThan(15);
        assertThat(s.disputes()).extracting(d -> d.kind().name()).contains("BORDER", "WATER", "ETHNIC", "STATUS");
        assertThat(s.time().start()).isEqualTo(1991);
        assertThat(s.time().end()).isEqualTo(2030);
    }

    /**
     * Issue 16, item 5: {@code $} in a Java regex also matches before a final newline, so {@code "2000\n"} passed as a
     * year and {@code "AAA\n"} as an id. Patterns are anchored at the very end ({@code \z}): both are refused with
     * their line, never a stack trace.
     */
    @Test
    void aTrailingNewlineInAYearKeyOrAnId_isRefused_withItsLine() throws IOException {
        String text = new String(resource("valid-small.yaml"), StandardCharsets.UTF_8);
        String year = text.replace("{2000: 100, 2010: 200}", "{\"2000\\n\": 100, 2010: 200}");
        assertThat(year).isNotEqualTo(text);
        assertThatThrownBy(() -> ScenarioLoader.parse("y.yaml", year.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("y.yaml:19:");
        String id = text.replace("{id: AAA, kind: regional", "{id: \"AAA\\n\", kind: regional");
        assertThat(id).isNotEqualTo(text);
        assertThatThrownBy(() -> ScenarioLoader.parse("i.yaml", id.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("i.yaml:17:");
    }

    @Test
    void hash_ignoresFormatting() throws IOException {
        String text = new String(resource("valid-small.yaml"), StandardCharsets.UTF_8);
        String reformatted =
                "# a comment\n" + text.replace("title: A small valid scenario", "title:    'A small valid scenario'");
        assertThat(ScenarioLoader.parse("b", reformatted.getBytes(StandardCharsets.UTF_8))
                        .hash())
                .isEqualTo(
                        ScenarioLoader.parse("a", resource("valid-small.yaml")).hash());
    }

    @Test
    void load_directory_isRefusedWithAClearMessage(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioLoader.load(dir))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void load_missingFile_namesTheBuiltInAlternatives(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("no such file")
                .hasMessageContaining("central-asia");
    }

    @Test
    void load_hugeFile_isRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        byte[] line = "k: vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\n"
                .getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < (YamlDocument.MAX_BYTES_DEFAULT / line.length) + 10; i++) {
                out.write(line);
            }
        }
        assertThatThrownBy(() -> ScenarioLoader.load(big))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("larger than the limit");
    }

    /** What validate recognises a file by: its top-level keys, read without building the document. */
    @Test
    void topLevelKeys_areTheRootMappingsKeysOnly_andNoneForWhatIsNoMapping() {
        java.util.function.Function<String, java.util.Set<String>> keys =
                t -> YamlDocument.topLevelKeys(t.getBytes(StandardCharsets.UTF_8));
        assertThat(keys.apply("overlay: central-asia\nparameters:\n  scenario: {value: 1}\n  issue: [1, {a: 2}]\n"))
                .containsExactly("overlay", "parameters");
        assertThat(keys.apply("{issue: x, actors: [{name: a, scenario: b}], dims: {overlay: 1}}"))
                .containsExactly("issue", "actors", "dims");
        assertThat(keys.apply("? [complex]\n: 1\nscenario: s\n")).containsExactly("scenario");
        assertThat(keys.apply("a: 1\n---\noverlay: x\n"))
                .as("the first document only")
                .containsExactly("a");
        assertThat(keys.apply(new String(
                        ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8)))
                .startsWith("scenario")
                .doesNotContain("issue", "overlay");
        assertThat(keys.apply("- a\n- b\n")).isEmpty();
        assertThat(keys.apply("just text")).isEmpty();
        assertThat(keys.apply("a: [1, 2\nb: 3")).as("malformed").isEmpty();
        assertThat(keys.apply("")).isEmpty();
        assertThat(YamlDocument.topLevelKeys(new byte[] {(byte) 0xC3, 0x28}))
                .as("not UTF-8")
                .isEmpty();
        assertThat(keys.apply("x: [" + "1,".repeat(YamlDocument.MAX_NODES_DEFAULT) + "1]\nissue: y\n"))
                .as("beyond the node budget")
                .isEmpty();
    }
}
