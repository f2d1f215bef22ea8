package org.multivector.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with KTAB's {@code smpc}: on every shipped reference run, every position and ideal of
 * every state equals KTAB's stored double exactly, the number of turns is KTAB's, and every
 * winning probability and every turn's "Fractional change" equal KTAB's log to its printed 4 decimals. Reference files: {@code
 * src/test/resources/ktab/} (copied from the project's KTAB reference set, see its README).
 */
class KtabParityTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("dummyData_3Dim", "dummyData_3Dim.csv"),
                Arguments.of("fulllog-dummyData_3Dim", "dummyData_3Dim.csv"),
                Arguments.of("SOE-Pol-Comp", "SOE-Pol-Comp.csv"),
                Arguments.of("SOE-Policy", "SOE-Policy.csv"),
                Arguments.of("dummyData_6Dim", "dummyData_6Dim.csv"),
                Arguments.of("SOE-Competitive", "SOE-Competitive.csv"),
                Arguments.of("dummyData-a040", "dummyData-a040.csv"),
                Arguments.of("edge-conv", "edge-conv.csv"),
                Arguments.of("smpExample-det", "smpExample-det.xml"),
                Arguments.of("variant-d3-v01-PWComp", "variants/d3-v01-PWComp.xml"),
                Arguments.of("variant-d3-v02-InitRcvr", "variants/d3-v02-InitRcvr.xml"),
                Arguments.of("variant-d3-v03-S2PMax", "variants/d3-v03-S2PMax.xml"),
                Arguments.of("variant-d3-v04-S1P1", "variants/d3-v04-S1P1.xml"),
                Arguments.of("variant-d3-v05-MarkovUniform", "variants/d3-v05-MarkovUniform.xml"),
                Arguments.of("variant-d3-v06-MarkovIncentive", "variants/d3-v06-MarkovIncentive.xml"),
                Arguments.of("variant-d3-v07-Square", "variants/d3-v07-Square.xml"),
                Arguments.of("variant-d3-v08-BinaryVPM", "variants/d3-v08-BinaryVPM.xml"),
                Arguments.of("variant-d3-v09-VR-Binary", "variants/d3-v09-VR-Binary.xml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void positionsTurnsAndProbabilitiesEqualKtab(String reference, String input) {
        BargainingProblem problem = BargainingInputs.parse(input, resource("inputs/" + input));
        SmpHistory h = SmpModel.run(problem);
        assertSamePositions(h, reference);
        assertSameLog(h, reference);
    }

    /** Reference runs of which only the log was kept: turns and every winning probability. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("logOnlyCases")
    void logOnlyRunsEqualKtab(String reference, String input) {
        SmpHistory h = SmpModel.run(BargainingInputs.parse(input, resource("inputs/" + input)));
        assertSameLog(h, reference);
    }

    static Stream<Arguments> logOnlyCases() {
        return Stream.of(
                // full logging (every SQLite group) changes nothing in the dynamics
                Arguments.of("fulllog-SOE-Pol-Comp", "SOE-Pol-Comp.csv"),
                // the run KTAB completed before its --savehist post-processing failed
                Arguments.of("error-savehist", "dummyData_3Dim.csv"));
    }

    /** A bit-exact check of the PRNG, the --euSMP generator and its turn-0 quirk. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("euSmpSeeds")
    void euSmpRandomScenarioEqualsKtab(String seed) {
        BargainingProblem problem = EuSmp.generate(Long.parseUnsignedLong(seed), false);
        SmpHistory h = SmpModel.run(problem);
        assertSamePositions(h, "euSMP-seed" + seed);
        assertSameLog(h, "euSMP-seed" + seed);
    }

    static Stream<String> euSmpSeeds() {
        return Stream.of("15455440707583219804");
    }

    static void assertSamePositions(SmpHistory h, String reference) {
        List<String[]> rows = csv("outputs/" + reference + "/positions.csv");
        int states = Integer.parseInt(rows.get(rows.size() - 1)[0]) + 1;
        assertThat(h.positions()).as("states of %s", reference).hasSize(states);
        int n = h.problem().actorCount();
        int dims = h.problem().dimensionCount();
        assertThat(rows).hasSize(states * n * dims);
        for (String[] r : rows) {
            int t = Integer.parseInt(r[0]);
            int i = Integer.parseInt(r[1]);
            int d = Integer.parseInt(r[2]);
            double pos = h.positions().get(t)[i][d] * 100;
            double ideal = h.ideals().get(t)[i][d] * 100;
            assertThat(pos)
                    .as("%s turn %d actor %d dim %d position", reference, t, i, d)
                    .isEqualTo(Double.parseDouble(r[3]));
            assertThat(ideal)
                    .as("%s turn %d actor %d dim %d ideal", reference, t, i, d)
                    .isEqualTo(Double.parseDouble(r[4]));
        }
    }

    /** The "prob :" history (4 decimals) and the number of states KTAB's log reports. */
    static void assertSameLog(SmpHistory h, String reference) {
        String log = new String(resource("outputs/" + reference + "/log-summary.txt"), StandardCharsets.UTF_8);
        Map<String, String> probs = new HashMap<>();
        List<String> fractions = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("Fractional change compared to first step: ")) {
                fractions.add(line.substring(42).strip().split(" ")[0]);
            }
            if (line.startsWith("There were ")) {
                int states = Integer.parseInt(line.split(" ")[2]);
                assertThat(h.positions()).as("states").hasSize(states);
            }
            int k = line.indexOf(", prob :");
            if (k > 0) {
                probs.put(line.substring(0, k), line.substring(k + 8).strip());
            }
        }
        // KTAB's own regression script compares these lines and the "prob :" lines.
        assertThat(fractions).as("Fractional change lines").hasSize(h.change().size());
        for (int t = 0; t < fractions.size(); t++) {
            assertThat(String.format(Locale.ROOT, "%.4f", h.change().get(t)))
                    .as("fractional change after turn %d", t + 1)
                    .isEqualTo(fractions.get(t));
        }
        assertThat(probs).hasSize(h.problem().actorCount());
        for (int i = 0; i < h.problem().actorCount(); i++) {
            StringBuilder ours = new StringBuilder();
            for (double[] p : h.winProbability()) {
                ours.append(String.format(Locale.ROOT, " %.4f", p[i]));
            }
            assertThat(ours.toString().strip())
                    .as("winning probabilities of %s", h.problem().actors().get(i))
                    .isEqualTo(probs.get(h.problem().actors().get(i).strip()));
        }
    }

    static List<String[]> csv(String name) {
        String text = new String(resource(name), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int k = 1; k < lines.length; k++) {
            if (!lines[k].isBlank()) {
                rows.add(lines[k].split(","));
            }
        }
        return rows;
    }

    static byte[] resource(String name) {
        try (InputStream in = KtabParityTest.class.getResourceAsStream("/ktab/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource ktab/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
