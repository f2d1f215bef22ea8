package org.multivector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BargainCommandTest {
    private static final Path KTAB = Path.of("..", "core", "src", "test", "resources", "ktab");
    private static final Path EXAMPLES = Path.of("..", "examples", "bargaining");

    static RunCommandTest.Result run(String... args) {
        return RunCommandTest.run(args);
    }

    @Test
    void ktabCsv_printsHistoryAndForecast_positionsCsvIsByteIdenticalToKtabs(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("positions.csv");
        RunCommandTest.Result r = run(
                "bargain",
                KTAB.resolve("inputs/SOE-Pol-Comp.csv").toString(),
                "--out",
                dir.toString(),
                "--positions-csv",
                csv.toString(),
                "--name",
                "soe");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("27 turns (positions converged", "Positions on Policy", "t27", "Forecast", "Most likely");
        assertThat(Files.readAllBytes(csv))
                .isEqualTo(Files.readAllBytes(KTAB.resolve("outputs/SOE-Pol-Comp/positions.csv")));
        Path out = dir.resolve("soe");
        assertThat(out.resolve("positions.csv")).hasSameBinaryContentAs(csv);
        assertThat(Files.readString(out.resolve("report.html"))).contains("class=\"mv-chart\"", "Positions on Policy");
        assertThat(Files.readAllLines(out.resolve("history.csv")).get(0))
                .isEqualTo("turn,actor,dimension,position,ideal,win_probability,risk_attitude");
        Path db = dir.resolve("results.duckdb");
        assertThat(StudyCommandTest.count(db, "SELECT count(*) FROM bargain_positions"))
                .isEqualTo(28 * 13 * 2);
        assertThat(StudyCommandTest.count(db, "SELECT count(*) FROM bargain_outcomes WHERE turns = 27 AND converged"))
                .isEqualTo(2);
        assertThat(StudyCommandTest.count(db, "SELECT count(*) FROM studies WHERE kind = 'bargain'"))
                .isEqualTo(1);
    }

    @Test
    void modelOptionsAndSeedChangeTheRun(@TempDir Path dir) throws Exception {
        RunCommandTest.Result r = run(
                "bargain",
                KTAB.resolve("inputs/dummyData_3Dim.csv").toString(),
                "--out",
                dir.toString(),
                "--voting-rule",
                "Binary",
                "--name",
                "b",
                "--positions-csv",
                dir.resolve("b.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("VotingRule=Binary", "9 turns");
        // KTAB's reference run of the same parameter change (variants/d3-v09-VR-Binary.xml).
        assertThat(Files.readAllBytes(dir.resolve("b.csv")))
                .isEqualTo(Files.readAllBytes(KTAB.resolve("outputs/variant-d3-v09-VR-Binary/positions.csv")));
        RunCommandTest.Result s = run(
                "bargain",
                KTAB.resolve("inputs/smpExample-fixed.xml").toString(),
                "-q",
                "--out",
                dir.toString(),
                "--seed",
                "7",
                "--name",
                "s7",
                "--max-turns",
                "3");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(Files.readString(dir.resolve("s7/manifest.json"))).contains("\"seed\" : \"7\"", "Stochastic");
        assertThat(Files.readAllLines(dir.resolve("s7/positions.csv"))).hasSize(1 + 4 * 5 * 3);
    }

    @Test
    void euSmpAndDeviationNotes(@TempDir Path dir) throws Exception {
        RunCommandTest.Result r = run(
                "bargain",
                "--eu-smp",
                "15455440707583219804",
                "--out",
                dir.toString(),
                "--name",
                "eu",
                "--positions-csv",
                dir.resolve("eu.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("eu.csv")))
                .isEqualTo(Files.readAllBytes(KTAB.resolve("outputs/euSMP-seed15455440707583219804/positions.csv")));
        RunCommandTest.Result same = run(
                "bargain", KTAB.resolve("inputs/edge-same.csv").toString(), "--out", dir.toString(), "--name", "same");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).contains("2 turns (positions converged", "Note: even field from state 0");
        assertThat(Files.readString(dir.resolve("same/report.html"))).contains("Note: even field");
        assertThat(Files.readString(dir.resolve("same/manifest.json"))).contains("even field");
    }

    @Test
    void ensemble_identicalForAnyThreadCount_andSummarised(@TempDir Path dir) throws Exception {
        String file = EXAMPLES.resolve("syr-darya.yaml").toString();
        RunCommandTest.Result a = run(
                "bargain",
                file,
                "--runs",
                "40",
                "--perturb",
                "positions=5,salience=10%",
                "--threads",
                "1",
                "--out",
                dir.toString(),
                "--name",
                "t1");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("40 runs", "Forecast outcome per dimension", "regime", "KGZ");
        RunCommandTest.Result b = run(
                "bargain",
                file,
                "-q",
                "--runs",
                "40",
                "--perturb",
                "positions=5,salience=10%",
                "--threads",
                "2",
                "--out",
                dir.toString(),
                "--name",
                "t2");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(dir.resolve("t2/runs.csv")).hasSameBinaryContentAs(dir.resolve("t1/runs.csv"));
        List<String> rows = Files.readAllLines(dir.resolve("t1/runs.csv"));
        assertThat(rows).hasSize(41);
        assertThat(rows.stream().skip(1).distinct().count())
                .as("perturbed runs differ")
                .isGreaterThan(30);
        assertThat(Files.readString(dir.resolve("t1/report.html"))).contains("Forecast outcome per dimension");
        Path db = dir.resolve("results.duckdb");
        assertThat(StudyCommandTest.count(
                        db,
                        "SELECT count(DISTINCT run_index) FROM bargain_outcomes"
                                + " JOIN studies USING (study_id) WHERE kind = 'bargain' AND runs = 40"))
                .isEqualTo(40);
    }

    @Test
    void badInput_exit2_locatedMessage_nothingWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad, "S,d,3,1,\nActor,Description,Power,P1,S1,\nA,a,100,50,40,\nB,b,80,120,30,\nC,c,1,1,1,\n");
        Path out = dir.resolve("out");
        RunCommandTest.Result r = run("bargain", bad.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv:4:", "B.P1.position", "position 120.0 is outside [0, 100]");
        assertThat(out).doesNotExist();
        for (String[] args : new String[][] {
            {"bargain"},
            {"bargain", bad.toString(), "--voting-rule", "Maybe"},
            {"bargain", KTAB.resolve("inputs/edge-conv.csv").toString(), "--runs", "0"},
            {"bargain", KTAB.resolve("inputs/edge-conv.csv").toString(), "--perturb", "positions=5"},
            {"bargain", KTAB.resolve("inputs/edge-conv.csv").toString(), "--runs", "3", "--perturb", "power=1"},
            {"bargain", KTAB.resolve("inputs/edge-conv.csv").toString(), "--seed", "-1"},
            {"bargain", KTAB.resolve("inputs/edge-conv.csv").toString(), "--name", "../x"},
            {"bargain", dir.resolve("missing.yaml").toString()},
            {"bargain", KTAB.resolve("inputs/edge-conv.csv").toString(), "--ra"},
            {"bargain", KTAB.resolve("inputs/edge-conv.csv").toString(), "--engine", "spark"},
            {"bargain", KTAB.resolve("inputs/edge-conv.csv").toString(), "--threads", "0"},
            {"bargain", KTAB.resolve("inputs/edge-conv.csv").toString(), "--eu-smp", "1"}
        }) {
            RunCommandTest.Result e = run(append(args, "--out", out.toString()));
            assertThat(e.code()).as(String.join(" ", args) + ": " + e.err()).isEqualTo(2);
            assertThat(e.err()).doesNotContain("internal error", "Exception");
        }
        assertThat(out).doesNotExist();
    }

    private static String[] append(String[] a, String... more) {
        String[] r = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, r, a.length, more.length);
        return r;
    }

    /**
     * Issue 16, item 8: "bargain --runs cannot resume" — Ctrl-C printed a --resume command that failed with "Unknown
     * option". The printed command now runs: with no checkpoint it runs the whole ensemble, and a second --resume of
     * the finished study runs it again to the same rows (its resumption from a checkpoint is StudyServiceTest's).
     */
    @Test
    void bargainRunsCannotResume_thePrintedResumeCommandRuns(@TempDir Path dir) throws Exception {
        String[] args = {
            "bargain",
            EXAMPLES.resolve("eaeu.yaml").toString(),
            "--runs",
            "12",
            "--perturb",
            "positions=5",
            "--out",
            dir.toString(),
            "--name",
            "b",
            "-q",
            "--resume"
        };
        RunCommandTest.Result first = run(args);
        assertThat(first.code()).as(first.err()).isZero();
        byte[] rows = Files.readAllBytes(dir.resolve("b/runs.csv"));
        RunCommandTest.Result again = run(args);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("b/runs.csv"))).isEqualTo(rows);
    }

    /**
     * Issue 17: "validate rejects the project's own bargaining files with 58 errors instead of recognising their
     * kind". It recognises KTAB CSV and XML and issue YAML, and checks each as a bargaining input.
     */
    @Test
    void validate_recognisesBargainingInputs_andChecksThemAsSuch(@TempDir Path dir) throws Exception {
        for (Path f : List.of(
                EXAMPLES.resolve("eaeu.yaml"),
                KTAB.resolve("inputs/SOE-Pol-Comp.csv"),
                KTAB.resolve("inputs/smpExample-det.xml"))) {
            RunCommandTest.Result r = run("validate", f.toString());
            assertThat(r.code()).as(f + ": " + r.err()).isZero();
            assertThat(r.out()).contains(f + ": OK (bargaining issue ");
        }
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad, Files.readString(EXAMPLES.resolve("eaeu.yaml")).replaceFirst("seed: 2014", "seed: many"));
        RunCommandTest.Result r = run("validate", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:").doesNotContain("unknown field 'issue'");
        RunCommandTest.Result forced = run(
                "validate", "--kind", "scenario", EXAMPLES.resolve("eaeu.yaml").toString());
        assertThat(forced.code()).isEqualTo(2);
        assertThat(forced.err()).contains("unknown field 'issue'");
        assertThat(run("validate", "--kind", "poem", bad.toString()).err()).contains("--kind: 'poem' is not");
    }
}
