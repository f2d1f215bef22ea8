package org.multivector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code multivector init} writes a draft that the other commands run, and refuses bad input writing nothing. */
class InitCommandTest {
    static final String DATA = Path.of("..", "data").toString();

    @Test
    void init_writesTheScenarioAndItsPatterns_whichRunAndCalibrate(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mekong.yaml");
        RunCommandTest.Result r = RunCommandTest.run(
                "init",
                "--states",
                "VNM,LAO,KHM,THA,MMR",
                "--poles",
                "CHN,USA",
                "--from",
                "1991",
                "--to",
                "2030",
                "--out",
                out.toString(),
                "--data",
                DATA);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + out, "TODO", "disputes:");
        assertThat(out).exists();
        assertThat(dir.resolve("mekong.observed.csv")).exists();
        RunCommandTest.Result run = RunCommandTest.run(
                "run",
                "--scenario",
                out.toString(),
                "--out",
                dir.resolve("runs").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("VNM", "RSI", "2030");
        RunCommandTest.Result again = RunCommandTest.run(
                "init",
                "--states",
                "VNM,LAO",
                "--poles",
                "CHN,USA",
                "--from",
                "1991",
                "--to",
                "2030",
                "--out",
                out.toString(),
                "--data",
                DATA);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists (expected a new file, or --force to replace it)");
    }

    @Test
    void theShippedSecondRegion_runsEveryStudyKindWithItsDefaults(@TempDir Path dir) {
        String out = dir.toString();
        for (String[] args : new String[][] {
            {"run", "--scenario", "mainland-southeast-asia", "--out", out},
            {"ensemble", "--scenario", "mainland-southeast-asia", "--runs", "40", "--out", out},
            {"compare", "--scenario", "mainland-southeast-asia", "--runs", "20", "--out", out},
            {
                "calibrate",
                "--scenario",
                "mainland-southeast-asia",
                "--max-evaluations",
                "6",
                "--runs-per-point",
                "1",
                "--out",
                out
            },
            {"backtest", "--scenario", "mainland-southeast-asia", "--runs", "10", "--out", out}
        }) {
            RunCommandTest.Result r = RunCommandTest.run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        }
        RunCommandTest.Result c =
                RunCommandTest.run("compare", "--scenario", "mainland-southeast-asia", "--runs", "20", "--out", out);
        assertThat(c.out()).contains("VNM", "bandwagon:CHN", "bandwagon:USA", "neutral");
    }

    @Test
    void init_badInput_exitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.yaml");
        for (String[] args : List.of(
                init("VNN,LAO", "CHN,USA", "1991", "2030", out.toString(), DATA),
                init("VNM", "CHN", "1991", "2030", out.toString(), DATA),
                with(init("VNM", "CHN,USA", "1991", "2030", out.toString(), DATA), "--others", "AFX"),
                init("VNM", "CHN,USA", "2030", "1991", out.toString(), DATA),
                init("VNM", "CHN,USA", "1991", "2030", dir.resolve("x.txt").toString(), DATA),
                init(
                        "VNM",
                        "CHN,USA",
                        "1991",
                        "2030",
                        out.toString(),
                        dir.resolve("nothing").toString()),
                init(
                        "VNM",
                        "CHN,USA",
                        "1991",
                        "2030",
                        out.toString(),
                        garbage(dir).toString()))) {
            RunCommandTest.Result r = RunCommandTest.run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("Exception", "\tat ");
        }
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsOnly("garbage");
        }
    }

    static String[] with(String[] args, String... more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }

    static String[] init(String states, String poles, String from, String to, String out, String data) {
        return new String[] {
            "init", "--states", states, "--poles", poles, "--from", from, "--to", to, "--out", out, "--data", data
        };
    }

    /** A data folder with every file init reads, each one garbage (the ideal points a header and a bad row). */
    static Path garbage(Path dir) throws Exception {
        Path g = dir.resolve("garbage");
        for (String f : new String[] {
            "global/cow_dyadic_trade_4.0_ndy.csv.gz",
            "global/atop_v5.1_ddy.csv.gz",
            "global/cow_igo_state_year_formatv3.csv.gz",
            "global/cow_igo_v3_ndy_shared_counts.csv.gz",
            "cow_igo/igo_v3_organizations.csv",
            "global/cow_mid_dirdisps_5.0.csv.gz",
            "cow_contiguity/contdir_v3.2.csv",
            "cow_nmc/NMC-70-abridged_via_peacesciencer.csv",
            "worldbank/gdp_current_usd.csv",
            "worldbank/population_total.csv",
            "unga/IdealpointsJuly2025.csv",
            "ucdp_acd/UcdpPrioConflict_v25_1.csv",
            "eu-members.csv"
        }) {
            Path p = g.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(
                    p,
                    f.startsWith("unga")
                            ? "ccode,iso3c,countryname,year,idealpointall\n816,VNM,Vietnam,1991,1\n710,CHN,China,1991,x\n"
                                    + "2,USA,United States,1991,1\n"
                            : "not a dataset\n");
        }
        return g;
    }
}
