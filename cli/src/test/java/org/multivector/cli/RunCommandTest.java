package org.multivector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multivector.builder.CentralAsiaCompiler;
import org.multivector.scenario.ScenarioLoader;

class RunCommandTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void run_defaultScenario_printsTableAndWritesTidyCsvManifestAndReport(@TempDir Path dir) throws Exception {
        Result r = run("run", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("KAZ", "RSI", "2030");
        // The directory is named by the study id: kind, scenario and a hash of the request.
        List<String> names =
                Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList();
        assertThat(names).hasSize(2).contains("results.duckdb");
        assertThat(names.get(1)).matches("run-central-asia-[0-9a-f]{12}");
        Path run = dir.resolve(names.get(1));
        List<String> csv = Files.readAllLines(run.resolve("results.csv"));
        assertThat(csv.get(0)).isEqualTo("run_id,seed,scenario_hash,year,actor,variable,value");
        assertThat(csv).anyMatch(l -> l.contains(",2008,KAZ,share.trade.RUS,"));
        assertThat(Files.readString(run.resolve("manifest.json"))).contains("\"seed\" : 1992", "scenarioHash");
        assertThat(Files.readString(run.resolve("report.html")))
                .contains("class=\"mv-chart\"", "Regional Stability Index", "last observed 2023")
                .doesNotContain("<script src", "<link ");
        assertThat(Files.readString(run.resolve("manifest.json"))).contains("\"studyId\" : \"" + names.get(1) + "\"");
    }

    @Test
    void run_sameSeedTwice_writesIdenticalResults(@TempDir Path dir) throws Exception {
        assertThat(run("run", "-q", "--out", dir.toString(), "--name", "a").code())
                .isZero();
        assertThat(run("run", "-q", "--out", dir.toString(), "--name", "b").code())
                .isZero();
        assertThat(Files.readAllBytes(dir.resolve("a/results.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/results.csv")));
    }

    @Test
    void run_badStrategy_exitsTwoAndWritesNothing(@TempDir Path dir) {
        Result r = run("run", "--out", dir.toString(), "--strategy", "KAZ=bandwagon:USA", "--strategy", "XYZ=neutral");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown pole 'USA'", "'XYZ' is not a regional state");
        assertThat(dir.toFile().list()).isEmpty();
    }

    /**
     * Issue 16, item 12 (terminal injection): an error echoes what a user or a file typed, never its escape or
     * operating-system-command sequences or line breaks; a trailing newline in an id (item 5) is refused.
     */
    @Test
    void terminalInjection_escapeSequencesInAStrategyOrAFile_areEchoedEscaped(@TempDir Path dir) throws Exception {
        Result r = run("run", "--strategy", "KAZ=bandwagon:\u001b]0;owned\u0007", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("\\u001b]0").doesNotContain("\u001b", "\u0007");
        Result osc = run("run", "--strategy", "KAZ=\u001b]0;owned\u0007\u001b[2J", "--out", dir.toString());
        assertThat(osc.code()).isEqualTo(2);
        assertThat(osc.err()).doesNotContain("\u001b", "\u0007");
        Path file = dir.resolve("evil.yaml");
        java.nio.file.Files.writeString(file, "\"evil\\e[31m\\n\": 1\n");
        Result v = run("validate", file.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err()).contains("evil\\u001b[31m\\n").doesNotContain("\u001b");
        // one line per problem: a newline in a key does not break the list
        assertThat(v.err().strip().lines().skip(1)).allMatch(l -> l.startsWith(file.toString()) || l.startsWith("  "));
    }

    @Test
    void run_yearsOutsideScenario_exitTwo(@TempDir Path dir) {
        Result r = run("run", "--out", dir.toString(), "--from", "1980");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--from: 1980 is outside the scenario's years 1991..2030");
    }

    @Test
    void describe_2008_printsInstitutionsSharesDisputesAndMetrics() {
        Result r = run("describe", "--year", "2008");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("CSTO", "SCO", "kgz-tjk-border", "RSI", "missing");
    }

    @Test
    void validate_invalidFile_exitsTwoWithLocatedMessage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.yaml");
        Files.writeString(f, "scenario: x\ntime: {start: 2000}\n");
        Result r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("x.yaml:2:7: time: missing required field 'end'");
    }

    @Test
    void embeddedScenario_isUpToDateWithTheDataFolder() {
        String compiled = CentralAsiaCompiler.compile(Path.of("..", "data"));
        String shipped = new String(
                ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(compiled).as("re-run ./multivector compile-scenario").isEqualTo(shipped);
        String prior = new String(
                ScenarioLoader.builtInBytes(ScenarioLoader.PRIOR_SCENARIO), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(CentralAsiaCompiler.compilePrior(Path.of("..", "data")))
                .as("re-run ./multivector compile-scenario")
                .isEqualTo(prior);
    }

    @Test
    void serve_badOptions_exit2() {
        for (String[] args : new String[][] {
            {"serve", "--port", "70000"}, {"serve", "--workers", "0"}, {"serve", "--job-timeout", "0"}
        }) {
            Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("multivector: --");
        }
    }
}
