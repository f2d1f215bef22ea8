package org.multivector.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "cost of big files under the 16 MiB cap": a 6 MB file with a 10^6-element {@code missing:} list was
 * accepted after 24 s at about 1 GiB, 2.1 M nodes were refused only after 23–28 s at 1.1 GiB, 100k unknown keys
 * took 21–30 s. Each file here is loaded in a child JVM whose heap is capped at 512 MiB: it must be refused with a
 * located problem (exit 2), never run out of memory (exit 1). The time limit asserted is generous (the figures for
 * docs/VALIDATION.md come from the benchmark-free measurement in the note); what would fail it is the old
 * superlinear cost, not a slow machine.
 */
class HostileFileCostTest {
    private static final String DEFAULT =
            new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);

    private record Outcome(int code, String firstProblem, double seconds) {}

    private static Outcome load(String kind, Path file) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoadInput.class.getName(),
                        kind,
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Outcome(p.exitValue(), out, (System.nanoTime() - t0) / 1e9);
    }

    private static void assertRefusedInBoundedCost(Outcome o, String expected) {
        assertThat(o.code()).as(o.firstProblem()).isEqualTo(2);
        assertThat(o.firstProblem()).contains(expected);
        assertThat(o.seconds()).as("seconds").isLessThan(20);
    }

    @Test
    void costOfBigFiles_aMillionElementMissingList_isRefusedAtTheNodeBudget(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("missing.yaml");
        String list = "missing: [" + "1991, ".repeat(999_999) + "1991]";
        Files.writeString(f, DEFAULT.replaceFirst("missing: \\[1991, 1992, 1993, 2010, 2011]", list));
        assertThat(Files.size(f)).isGreaterThan(6_000_000);
        assertRefusedInBoundedCost(load("scenario", f), "more than 400000 values in one file");
        // under the budget, a missing list is still bounded (at most one entry per year) and has no repeats
        Path g = dir.resolve("repeats.yaml");
        Files.writeString(
                g, DEFAULT.replaceFirst("missing: \\[1991, 1992, 1993, 2010, 2011]", "missing: [1991, 1991]"));
        assertRefusedInBoundedCost(load("scenario", g), "year 1991 is listed twice");
    }

    @Test
    void costOfBigFiles_twoMillionNodes_areRefusedWhileScanning(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("nodes.yaml");
        Files.writeString(f, DEFAULT + "\nextra: [" + "1,".repeat(2_100_000) + "1]\n");
        assertRefusedInBoundedCost(load("scenario", f), "more than 400000 values in one file");
        Path o = dir.resolve("nodes-overlay.yaml");
        Files.writeString(o, "overlay: central-asia\nparameters: [" + "1,".repeat(2_100_000) + "1]\n");
        assertRefusedInBoundedCost(load("overlay", o), "more than 400000 values in one file");
        Path b = dir.resolve("nodes.bargain.yaml");
        Files.writeString(b, "issue: x\nactors: [" + "1,".repeat(1_900_000) + "1]\n"); // under the 4 MiB cap
        assertRefusedInBoundedCost(load("bargain", b), "more than 400000 values in one file");
    }

    @Test
    void costOfBigFiles_aHundredNinetyThousandUnknownKeys_justUnderTheBudget(@TempDir Path dir) throws Exception {
        StringBuilder keys = new StringBuilder(DEFAULT).append('\n');
        for (int i = 0; i < 190_000; i++) {
            keys.append(String.format("u%06d: 1%n", i));
        }
        Path f = dir.resolve("keys.yaml");
        Files.writeString(f, keys);
        assertRefusedInBoundedCost(load("scenario", f), "unknown field 'u000000'");
        // and a list of 385,000 numbers under an unknown key: the whole tree is built, then refused
        Path g = dir.resolve("list.yaml");
        Files.writeString(g, DEFAULT + "\nextra: [" + "1,".repeat(385_000) + "1]\n");
        assertRefusedInBoundedCost(load("scenario", g), "unknown field 'extra'");
    }

    @Test
    void problemMessages_listTwoHundredAndCountTheRest() {
        StringBuilder keys = new StringBuilder(DEFAULT).append('\n');
        for (int i = 0; i < 250; i++) {
            keys.append(String.format("u%03d: 1%n", i));
        }
        try {
            ScenarioLoader.parse("keys.yaml", keys.toString().getBytes(StandardCharsets.UTF_8));
            throw new AssertionError("loaded");
        } catch (ScenarioException e) {
            assertThat(e.problems()).hasSize(250);
            assertThat(e.getMessage().lines()).hasSize(1 + ScenarioException.MAX_LISTED + 1);
            assertThat(e.getMessage()).startsWith("250 problems").endsWith("… and 50 more problems");
        }
    }
}
