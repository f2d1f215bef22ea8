package org.multivector.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Random edits of a valid file either load or fail with a ScenarioException: never a stack trace. */
class MutationPropertyTest {
    private static final String BASE;

    static {
        try {
            BASE = new String(ScenarioLoaderTest.resource("valid-small.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple3<Integer, Integer, String>> edits() {
        return Arbitraries.integers()
                .between(0, BASE.length() - 1)
                .flatMap(at -> Arbitraries.integers()
                        .between(0, 12)
                        .flatMap(cut -> Arbitraries.of(
                                        "",
                                        ":",
                                        "-",
                                        "[",
                                        "]",
                                        "{",
                                        "}",
                                        "'",
                                        "\"",
                                        "\n",
                                        "  ",
                                        "#",
                                        "&a",
                                        "*a",
                                        "!!str",
                                        "1e999",
                                        "-1",
                                        "2.5",
                                        "null",
                                        "KAZ",
                                        "RUS",
                                        "0x1F",
                                        "~",
                                        "|",
                                        ">",
                                        "\t",
                                        "\u0000",
                                        "\uFEFF",
                                        "9999999999999999999999")
                                .map(s -> Tuple.of(at, cut, s))));
    }

    @Property(tries = 400, seed = "20261123")
    void mutatedFile_neverThrowsAnythingButScenarioException(
            @ForAll("edits") Tuple.Tuple3<Integer, Integer, String> edit) {
        int at = edit.get1();
        int end = Math.min(BASE.length(), at + edit.get2());
        String text = BASE.substring(0, at) + edit.get3() + BASE.substring(end);
        try {
            assertThat(ScenarioLoader.parse("mutant.yaml", text.getBytes(StandardCharsets.UTF_8)))
                    .isNotNull();
        } catch (ScenarioException e) {
            assertThat(e.problems()).isNotEmpty();
            assertThat(e.getMessage())
                    .startsWith(
                            e.problems().size() == 1
                                    ? "1 problem"
                                    : e.problems().size() + " problems");
        }
    }
}
