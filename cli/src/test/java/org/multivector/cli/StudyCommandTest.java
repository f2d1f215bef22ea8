package org.multivector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {
    static RunCommandTest.Result run(String... args) {
        return RunCommandTest.run(args);
    }

    static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void ensemble_writesSummaryReportAndDatabase_identicalForAnyThreadCount(@TempDir Path dir) throws Exception {
        RunCommandTest.Result r =
                run("ensemble", "--runs", "600", "--threads", "1", "--out", dir.toString(), "--name", "t1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ensemble of 600 runs", "RSI", "Unrest frequency");
        assertThat(run("ensemble", "-q", "--runs", "600", "--threads", "3", "--out", dir.toString(), "--name", "t3")
                        .code())
                .isZero();
        assertThat(Files.readAllBytes(dir.resolve("t3/summary.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("t1/summary.csv")));
        List<String> csv = Files.readAllLines(dir.resolve("t1/summary.csv"));
        assertThat(csv.get(0))
                .isEqualTo("study_id,scenario_hash,year,actor,variable,n,mean,sd,min,p05,p25,p50,p75,p95,max");
        assertThat(Files.readString(dir.resolve("t1/report.html"))).contains("class=\"mv-chart\"", "5–95 %", "RSI");
        Path db = dir.resolve("results.duckdb");
        assertThat(count(db, "SELECT count(*) FROM studies WHERE kind = 'ensemble'"))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM series")).isEqualTo(csv.size() - 1);
        assertThat(count(db, "SELECT count(*) FROM incidents WHERE variable = 'unrest' AND year = 2030"))
                .isEqualTo(5);
        assertThat(count(db, "SELECT count(*) FROM series WHERE variable = 'rsi' AND p05 <= p50 AND p50 <= p95"))
                .isEqualTo(40);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("t1", "t3", "results.duckdb");
    }

    @Test
    void ensemble_keepRuns_writesEveryRunAsParquet(@TempDir Path dir) throws Exception {
        RunCommandTest.Result r =
                run("ensemble", "-q", "--runs", "100", "--keep-runs", "--out", dir.toString(), "--name", "raw");
        assertThat(r.code()).as(r.err()).isZero();
        Path db = dir.resolve("results.duckdb");
        String files = "read_parquet('" + dir.resolve("raw/runs").toAbsolutePath() + "/*.parquet')";
        assertThat(count(db, "SELECT count(DISTINCT run_index) FROM " + files)).isEqualTo(100);
        long perRun = count(db, "SELECT count(*) FROM " + files + " WHERE run_index = 0"); // years x variables
        assertThat(count(db, "SELECT count(*) FROM " + files)).isEqualTo(100 * perRun);
        // raw runs keep every variable; the summary only the standard set
        assertThat(count(db, "SELECT count(*) FROM series")).isPositive().isLessThan(perRun / 2);
        // Run 0 of the ensemble is the single run with the same seed and run index 0.
        assertThat(run("run", "-q", "--out", dir.toString(), "--name", "single").code())
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM run_values")).isEqualTo(perRun);
        assertThat(count(
                        db,
                        "SELECT count(*) FROM " + files + " f JOIN run_values v USING (year, actor, variable)"
                                + " WHERE f.run_index = 0 AND v.value IS NOT DISTINCT FROM f.value"))
                .isEqualTo(perRun);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("raw", "single", "results.duckdb");
    }

    @Test
    void compare_default_answersTheQuestionAndRecordsTheComparison(@TempDir Path dir) throws Exception {
        RunCommandTest.Result r = run("compare", "--runs", "150", "--out", dir.toString(), "--name", "c");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "multi-vector",
                        "bandwagon:RUS",
                        "neutral",
                        "Answer (region of practical equivalence",
                        "95% CI");
        assertThat(Files.readString(dir.resolve("c/report.html")))
                .contains(
                        "Paired differences",
                        "95 % CI",
                        "class=\"mv-chart\"",
                        "no practical difference",
                        "Shaded: the region of practical equivalence");
        // the answer is in the summary too, one verdict per alternative
        String summary = Files.readString(dir.resolve("c/summary.json"));
        assertThat(summary).contains("\"answer\"", "\"rope\"", "\"verdicts\"", "\"bandwagon:RUS\"");
        Path db = dir.resolve("results.duckdb");
        assertThat(count(db, "SELECT count(DISTINCT strategy) FROM comparisons"))
                .isEqualTo(5);
        assertThat(count(db, "SELECT count(*) FROM comparisons WHERE strategy = baseline AND diff <> 0"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM comparisons WHERE p_better < 0 OR p_better > 1"))
                .isZero();
        // the decomposition: every channel and the interaction for each of the 4 alternatives, summing to the ΔRSI
        int channels = org.multivector.study.Channels.ALL.size();
        assertThat(r.out()).contains("What carries each ΔRSI", "mediation", "interaction (rest)");
        assertThat(Files.readString(dir.resolve("c/report.html"))).contains("What carries each ΔRSI");
        assertThat(count(db, "SELECT count(*) FROM decomposition")).isEqualTo(4L * (channels + 1));
        // over the comparison's own runs (fewer than the default cap), which the output and the table both say
        assertThat(r.out()).contains("over 150 runs");
        assertThat(count(db, "SELECT count(*) FROM decomposition WHERE runs IS DISTINCT FROM 150"))
                .isZero();
        assertThat(count(
                        db,
                        "SELECT count(*) FROM (SELECT strategy, abs(sum(carried) - max(delta_rsi)) AS gap"
                                + " FROM decomposition GROUP BY strategy) WHERE gap > 1e-9"))
                .isZero();
        assertThat(
                        count(
                                db,
                                "SELECT count(*) FROM decomposition d JOIN comparisons c ON c.study_id = d.study_id AND"
                                        + " c.strategy = d.strategy AND c.metric = 'rsi' WHERE abs(c.diff - d.delta_rsi) > 1e-12"))
                .isZero();

        RunCommandTest.Result e = run("export", "--results", dir.toString(), "--format", "parquet");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(count(
                        db,
                        "SELECT count(*) FROM read_parquet('"
                                + dir.resolve("export/comparisons.parquet").toAbsolutePath() + "')"))
                .isEqualTo(count(db, "SELECT count(*) FROM comparisons"));
    }

    @Test
    void sensitivity_morrisAndSobol_rankParametersAndAreThreadIndependent(@TempDir Path dir) throws Exception {
        RunCommandTest.Result r = run(
                "sensitivity",
                "--trajectories",
                "2",
                "--runs-per-point",
                "2",
                "--threads",
                "1",
                "--out",
                dir.toString(),
                "--name",
                "m1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "rsi — ten most influential parameters",
                        "mu*",
                        "balance — ten most influential parameters",
                        "delta-rsi — ten most influential parameters",
                        "branched in 2024 from each run's history as compare does",
                        "Warning: 2 trajectories");
        assertThat(run(
                                "sensitivity",
                                "-q",
                                "--trajectories",
                                "2",
                                "--runs-per-point",
                                "2",
                                "--threads",
                                "2",
                                "--out",
                                dir.toString(),
                                "--name",
                                "m2")
                        .code())
                .isZero();
        List<String> a = Files.readAllLines(dir.resolve("m1/sensitivity.csv"));
        assertThat(Files.readAllLines(dir.resolve("m2/sensitivity.csv"))).isEqualTo(a);
        Path db = dir.resolve("results.duckdb");
        long params = count(db, "SELECT count(DISTINCT parameter) FROM sensitivity");
        assertThat(params).isGreaterThan(40);
        assertThat(count(db, "SELECT count(*) FROM sensitivity")).isEqualTo(3 * params);
        // The balance of Kazakhstan depends on its own autonomy weight more than on the RSI weights.
        assertThat(count(
                        db,
                        "SELECT count(*) FROM sensitivity WHERE output = 'balance' AND parameter = 'autonomy-weight'"
                                + " AND mu_star > (SELECT max(mu_star) FROM sensitivity WHERE output = 'balance'"
                                + " AND parameter LIKE 'rsi-%')"))
                .isEqualTo(1);
        RunCommandTest.Result sobol = run(
                "sensitivity",
                "-q",
                "--method",
                "sobol",
                "--samples",
                "8",
                "--runs-per-point",
                "1",
                "--out",
                dir.toString(),
                "--name",
                "s");
        assertThat(sobol.code()).as(sobol.err()).isZero();
        assertThat(count(db, "SELECT count(*) FROM sensitivity WHERE method = 'sobol' AND st_lo <= st_hi"))
                .isEqualTo(3 * params);
        // N = 8 is far too small: the study says so instead of printing indices without comment
        com.fasterxml.jackson.databind.JsonNode warnings = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("s/summary.json").toFile())
                .path("warnings");
        assertThat(warnings.toString()).contains("raise the samples");
    }

    /**
     * Scenario discovery: PRIM's box and trajectory and the tree, in files, DuckDB and the terminal, the same on any
     * thread count.
     */
    @Test
    void discover_findsABoxAndATree_andIsThreadIndependent(@TempDir Path dir) throws Exception {
        List<String> args = List.of(
                "discover",
                "--points",
                "80",
                "--runs-per-point",
                "2",
                "--target",
                "not-worse",
                "--parameters",
                "bandwagon-weight,incident-base,rsi-weight-polarisation",
                "--out",
                dir.toString());
        List<String> one = new ArrayList<>(args);
        one.addAll(List.of("--name", "d1", "--threads", "1"));
        RunCommandTest.Result r = run(one.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("At the scenario's values: ΔRSI", "PRIM box", "Classification tree");
        List<String> two = new ArrayList<>(args);
        two.addAll(List.of("--name", "d2", "--threads", "2", "-q"));
        assertThat(run(two.toArray(String[]::new)).code()).isZero();
        for (String f : List.of("discover.csv", "prim.csv", "tree.txt")) {
            assertThat(Files.readString(dir.resolve("d2/" + f)))
                    .as(f)
                    .isEqualTo(Files.readString(dir.resolve("d1/" + f)));
        }
        List<String> points = Files.readAllLines(dir.resolve("d1/discover.csv"));
        assertThat(points).hasSize(81);
        assertThat(points.get(0))
                .isEqualTo(
                        "study_id,point,bandwagon-weight,incident-base,rsi-weight-polarisation,rsi,delta_rsi,is_case");
        Path db = dir.resolve("results.duckdb");
        // both runs are one study (the thread count is not part of its id): its rows once
        assertThat(count(db, "SELECT count(*) FROM discovery_trajectory WHERE chosen"))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM discovery_trajectory WHERE step = 0 AND support = 1"))
                .isEqualTo(1);
        assertThat(points.stream().filter(l -> l.endsWith(",true")).count()).isPositive();
    }

    @Test
    void backtest_rollsItsOriginsAndScoresEveryPatternByHorizonAgainstPerUnitBaselines(@TempDir Path dir)
            throws Exception {
        RunCommandTest.Result r = run(
                "backtest",
                "--runs",
                "20",
                "--origins",
                "2006-2008",
                "--horizon",
                "3",
                "--out",
                dir.toString(),
                "--name",
                "b");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "rolling backtest: origins 2006-2008",
                        "horizons 1-3",
                        "ties.trade — MAE",
                        "ties.diplomacy — MAE",
                        "conflict — Brier",
                        "mid — Brier",
                        "last value",
                        "unit climatology",
                        "pooled climatology",
                        "Over all horizons:",
                        "Episodes: the modelled risk in the episode's year, the scenario cut the year before",
                        "osh-2010-dyad",
                        "episodes in the top quartile of modelled risk the year before");
        assertThat(Files.readString(dir.resolve("b/manifest.json"))).contains("\"horizon\" : 3", "\"scores\"");
        Path db = dir.resolve("results.duckdb");
        assertThat(count(db, "SELECT count(*) FROM studies WHERE kind = 'backtest'"))
                .isEqualTo(1);
        // UCDP has a value for every state-year: 3 origins x 3 horizons x 5 states, 15 at each horizon
        assertThat(count(db, "SELECT max(n) FROM scores WHERE pattern = 'conflict (all horizons)'"))
                .isEqualTo(45);
        assertThat(count(db, "SELECT max(n) FROM scores WHERE pattern = 'conflict (horizon 2)'"))
                .isEqualTo(15);
        // smoothed baselines: no log score is infinite (none is stored as null)
        // yearly counts are scored by CRPS for the model and each baseline, never below 0
        assertThat(count(
                        db,
                        "SELECT count(DISTINCT forecast) FROM scores WHERE pattern = 'conflict count (all horizons)'"
                                + " AND metric = 'crps' AND value >= 0"))
                .isEqualTo(5);
        assertThat(count(db, "SELECT count(*) FROM scores WHERE metric = 'log' AND (value IS NULL OR isinf(value))"))
                .isZero();
    }

    @Test
    void backtest_scoresAUsersEpisodeFile_oneRankPerEpisodeInTheDatabase(@TempDir Path dir) throws Exception {
        Path episodes = dir.resolve("mine.csv");
        Files.writeString(
                episodes,
                "episode,kind,unit,partner,year,source\n"
                        + "tajik-2015,unrest,TJK,,2015,\"central-asia/events.csv: insurgent episode 2015\"\n");
        RunCommandTest.Result r = run(
                "backtest",
                "--runs",
                "10",
                "--origins",
                "2008-2008",
                "--horizon",
                "1",
                "--episodes",
                episodes.toString(),
                "--out",
                dir.toString(),
                "--name",
                "e");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("tajik-2015", "of 5").doesNotContain("osh-2010");
        Path db = dir.resolve("results.duckdb");
        assertThat(count(
                        db,
                        "SELECT count(*) FROM scores WHERE pattern = 'episode tajik-2015' AND metric = 'rank'"
                                + " AND value BETWEEN 1 AND 5 AND n = 5"))
                .isEqualTo(1);
        RunCommandTest.Result none = run(
                "backtest",
                "--runs",
                "10",
                "--origins",
                "2008-2008",
                "--horizon",
                "1",
                "--episodes",
                "none",
                "--out",
                dir.toString(),
                "--name",
                "n");
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).contains("rolling backtest").doesNotContain("Episodes:");
    }

    @Test
    void calibrate_readsTheObservedPatternsBesideTheScenario_andSaysWhatNothingInforms(@TempDir Path dir)
            throws Exception {
        Path scenario = dir.resolve("region.yaml");
        Files.write(scenario, org.multivector.scenario.ScenarioLoader.builtInBytes("central-asia-prior"));
        Path observed = dir.resolve("region.observed.csv");
        StringBuilder csv = new StringBuilder("pattern,actor,partner,year,value,source\n");
        for (int y = 1992; y <= 2008; y++) {
            csv.append("conflict,TJK,,")
                    .append(y)
                    .append(',')
                    .append(y <= 1997 ? 2 : 0)
                    .append(",test\n");
        }
        Files.writeString(observed, csv);
        Path out = dir.resolve("out");
        // a parameter of a rule no state follows (balance-against) moves nothing observed: refused, by name
        RunCommandTest.Result refused = run(
                "calibrate",
                "--scenario",
                scenario.toString(),
                "--parameters",
                "balance-floor,unrest-base",
                "--max-evaluations",
                "6",
                "--runs-per-point",
                "1",
                "--out",
                out.toString());
        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("no observed pattern responds to balance-floor over its range");
        assertThat(out).doesNotExist();
        RunCommandTest.Result r = run(
                "calibrate",
                "--scenario",
                scenario.toString(),
                "--parameters",
                "unrest-base,unrest-fragility",
                "--max-evaluations",
                "6",
                "--runs-per-point",
                "1",
                "--out",
                out.toString(),
                "--name",
                "c");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("conflict", "No MID patterns beside the scenario");
        String manifest = Files.readString(out.resolve("c/manifest.json"));
        assertThat(manifest).contains("\"observed\" : \"");
        // a broken file beside the scenario stops the study before anything is written
        Files.writeString(observed, "pattern,actor,partner,year,value,source\nconflict,TJK,,1993,7,test\n");
        RunCommandTest.Result bad = run(
                "calibrate",
                "--scenario",
                scenario.toString(),
                "--out",
                dir.resolve("out2").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(observed + ":2:1: value: '7' is not a value of conflict (expected 0, 1 or 2)");
        assertThat(dir.resolve("out2")).doesNotExist();
    }

    @Test
    void calibrate_writesAnOverlayThatReproducesItsFit(@TempDir Path dir) throws Exception {
        String[] args = {
            "calibrate",
            "--scenario",
            "central-asia-prior",
            "--parameters",
            "unrest-base,incident-base,tension-base",
            "--max-evaluations",
            "24",
            "--runs-per-point",
            "3",
            "--out",
            dir.toString(),
            "--name",
            "c"
        };
        RunCommandTest.Result r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ties.trade", "ties.diplomacy", "conflict", "mid", "unrest-base");
        Path overlay = dir.resolve("c/overlay.yaml");
        org.multivector.scenario.Overlay o = org.multivector.scenario.Overlay.load(overlay);
        assertThat(o.parameters()).containsOnlyKeys("unrest-base", "incident-base", "tension-base");
        assertThat(o.parameters().get("tension-base").provenance().source())
                .startsWith("calibration calibrate-central-asia-prior-");
        // The overlay applies to the scenario it came from, and re-evaluating its values gives the reported loss.
        org.multivector.model.Scenario fitted = o.applyTo(org.multivector.scenario.ScenarioLoader.builtIn(
                org.multivector.scenario.ScenarioLoader.PRIOR_SCENARIO));
        com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("c/manifest.json").toFile());
        assertThat(m.path("fitted").path("tension-base").asDouble())
                .isEqualTo(fitted.parameter("tension-base").value());
        assertThat(m.path("fittedLoss").asDouble())
                .isLessThanOrEqualTo(m.path("startLoss").asDouble());
        assertThat(count(dir.resolve("results.duckdb"), "SELECT count(*) FROM calibration"))
                .isEqualTo(3);
        assertThat(count(dir.resolve("results.duckdb"), "SELECT count(*) FROM calibration_trace"))
                .isEqualTo(m.path("evaluations").asLong());
        // Same settings on another thread count: the same fit, bit for bit.
        String[] again = args.clone();
        again[again.length - 1] = "c1";
        String[] one = java.util.Arrays.copyOf(again, again.length + 2);
        one[again.length] = "--threads";
        one[again.length + 1] = "1";
        assertThat(run(one).code()).isZero();
        String body = Files.readString(overlay);
        String body1 = Files.readString(dir.resolve("c1/overlay.yaml"));
        assertThat(body1.substring(body1.indexOf("overlay:"))).isEqualTo(body.substring(body.indexOf("overlay:")));
        // run with the overlay uses its values.
        RunCommandTest.Result withOverlay = run(
                "run",
                "--scenario",
                "central-asia-prior",
                "--overlay",
                overlay.toString(),
                "--out",
                dir.resolve("r").toString());
        assertThat(withOverlay.code()).as(withOverlay.err()).isZero();
        assertThat(Files.readString(dir.resolve("r")
                        .resolve(Files.list(dir.resolve("r"))
                                .filter(Files::isDirectory)
                                .findFirst()
                                .orElseThrow()
                                .getFileName())
                        .resolve("manifest.json")))
                .contains("calibration calibrate-central-asia-prior-", overlay.toString());
    }

    @Test
    void calibrateByAbcSmc_writesAWeightedPosterior_identicalOnAnyThreadCount(@TempDir Path dir) throws Exception {
        String[] args = {
            "calibrate",
            "--scenario",
            "central-asia-prior",
            "--method",
            "abc-smc",
            "--parameters",
            "unrest-base,tension-base",
            "--particles",
            "12",
            "--generations",
            "3",
            "--runs-per-point",
            "2",
            "--out",
            dir.toString(),
            "--name",
            "a"
        };
        RunCommandTest.Result r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Posterior (ABC-SMC)", "tolerance", "ESS", "unrest-base");
        List<String> rows = Files.readAllLines(dir.resolve("a/posterior.csv"));
        assertThat(rows.get(0)).isEqualTo("particle,weight,distance,unrest-base,tension-base");
        assertThat(rows).hasSize(13);
        double weights = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            weights += Double.parseDouble(f[1]);
            assertThat(Double.parseDouble(f[3])).isBetween(-6.0, -2.0); // unrest-base's range
        }
        assertThat(weights).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("a/manifest.json").toFile());
        com.fasterxml.jackson.databind.JsonNode interval = m.path("posterior").path("tension-base");
        assertThat(interval.get(0).asDouble())
                .isLessThanOrEqualTo(interval.get(1).asDouble());
        assertThat(interval.get(1).asDouble())
                .isLessThanOrEqualTo(interval.get(2).asDouble());
        assertThat(m.path("fitted").path("tension-base").asDouble())
                .isEqualTo(
                        interval.get(1).asDouble(),
                        org.assertj.core.data.Offset.offset(
                                1e-5 * Math.abs(interval.get(1).asDouble())));
        // one thread: the same posterior, bit for bit
        String[] one = java.util.Arrays.copyOf(args, args.length + 2);
        one[args.length - 1] = "a1";
        one[args.length] = "--threads";
        one[args.length + 1] = "1";
        assertThat(run(one).code()).isZero();
        assertThat(Files.readString(dir.resolve("a1/posterior.csv")))
                .isEqualTo(Files.readString(dir.resolve("a/posterior.csv")));
    }

    /**
     * Over a posterior: the comparison's answer gives predictive intervals and probabilities, the manifest names the
     * posterior, a file works as the embedded name does, and a bad file is refused with its line and column.
     */
    @Test
    void compareOverAPosterior_answersWithProbabilities_andABadPosteriorFileIsRefused(@TempDir Path dir)
            throws Exception {
        Path post = dir.resolve("post.csv");
        Files.write(
                post,
                org.multivector.validate.Posterior.builtInBytes("central-asia").orElseThrow());
        RunCommandTest.Result r = run(
                "compare",
                "--posterior",
                post.toString(),
                "--strategies",
                "multi-vector,neutral",
                "--runs",
                "40",
                "--no-decompose",
                "--out",
                dir.toString(),
                "--name",
                "c");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("90 % posterior predictive interval", "P(practically better)", "drew its parameters");
        com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("c/manifest.json").toFile());
        long rows = new String(
                                org.multivector.validate.Posterior.builtInBytes("central-asia")
                                        .orElseThrow(),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .count()
                - 1;
        assertThat(m.path("posterior").path("particles").asLong()).isEqualTo(rows);
        assertThat(m.path("request").path("posteriorFile").asText()).hasSize(16);
        com.fasterxml.jackson.databind.JsonNode a = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("c/summary.json").toFile())
                .path("answer")
                .path("deltaRsi")
                .path("neutral");
        double p = a.path("pPracticallyBetter").asDouble()
                + a.path("pEquivalent").asDouble()
                + a.path("pPracticallyWorse").asDouble();
        assertThat(p).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.path("lo").asDouble()).isLessThanOrEqualTo(a.path("hi").asDouble());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "particle,weight,incident-base\n0,1,-3\n1,1,4\n");
        RunCommandTest.Result refused =
                run("ensemble", "--posterior", bad.toString(), "--runs", "5", "--out", dir.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains(bad + ":3:3: incident-base: '4' is outside incident-base's range");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("post.csv", "c", "bad.csv", "results.duckdb");
    }

    @Test
    void badStudyOptions_exitTwoAndWriteNothing(@TempDir Path dir) {
        String out = dir.toString();
        for (String[] args : List.of(
                new String[] {"ensemble", "--runs", "0", "--out", out},
                new String[] {"ensemble", "--threads", "0", "--out", out},
                new String[] {"ensemble", "--engine", "spark", "--runs", "5", "--out", out},
                new String[] {"ensemble", "--engine", "gpu", "--runs", "5", "--out", out},
                new String[] {"ensemble", "--keep-runs", "--engine", "spark", "--runs", "5", "--out", out},
                new String[] {"ensemble", "--name", "../evil", "--out", out},
                new String[] {"ensemble", "--variables", "shares.*", "--runs", "5", "--out", out},
                new String[] {"ensemble", "--variables", "rsi,,balance", "--runs", "5", "--out", out},
                new String[] {"compare", "--actor", "RUS", "--runs", "5", "--out", out},
                new String[] {"compare", "--strategies", "multi-vector,bandwagon:MARS", "--runs", "5", "--out", out},
                new String[] {"compare", "--from", "1800", "--runs", "5", "--out", out},
                new String[] {"export", "--results", out},
                new String[] {"sensitivity", "--method", "fast", "--out", out},
                new String[] {"sensitivity", "--actor", "CHN", "--out", out},
                new String[] {"backtest", "--train", "1992", "--out", out},
                new String[] {"backtest", "--train", "1992-2008", "--test", "2010-2024", "--out", out},
                new String[] {"backtest", "--overlay", out + "/missing-overlay.yaml", "--out", out},
                new String[] {"backtest", "--origins", "2030-2035", "--out", out},
                new String[] {"backtest", "--episodes", out + "/missing-episodes.csv", "--out", out},
                new String[] {"backtest", "--horizon", "0", "--out", out},
                new String[] {"backtest", "--train", "1992-2008", "--test", "2009-2014", "--horizon", "3", "--out", out
                },
                new String[] {"calibrate", "--parameters", "tension-bsae", "--out", out},
                new String[] {"calibrate", "--parameters", "rsi-weight-hazard,rsi-weight-hazard", "--out", out},
                new String[] {"calibrate", "--runs", "5", "--out", out},
                new String[] {"calibrate", "--train", "1985-2008", "--out", out},
                new String[] {"calibrate", "--sigma", "2", "--max-evaluations", "3", "--out", out},
                new String[] {"calibrate", "--runs-per-point", "0", "--out", out},
                new String[] {"calibrate", "--method", "mcmc", "--out", out},
                new String[] {"calibrate", "--method", "abc-smc", "--particles", "2", "--out", out},
                new String[] {"calibrate", "--method", "abc-smc", "--generations", "0", "--out", out},
                new String[] {"ensemble", "--posterior", out + "/missing-posterior.csv", "--runs", "5", "--out", out},
                new String[] {"ensemble", "--posterior", "mainland-southeast-asia", "--runs", "5", "--out", out},
                new String[] {
                    "compare", "--posterior", "central-asia", "--set", "incident-base=-3", "--runs", "5", "--out", out
                },
                new String[] {"compare", "--runs", "20", "--decompose-runs", "21", "--out", out},
                new String[] {"compare", "--runs", "20", "--no-decompose", "--decompose-runs", "5", "--out", out},
                new String[] {"sensitivity", "--posterior", out, "--out", out},
                new String[] {"discover", "--target", "best", "--out", out},
                new String[] {"discover", "--points", "5", "--out", out},
                new String[] {"discover", "--parameters", "incident-bsae", "--out", out},
                new String[] {"discover", "--alternative", "multi-vector", "--out", out})) {
            RunCommandTest.Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).doesNotContain("Exception", "\tat ");
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void ensembleKilledMidway_resumesToTheSameAggregates(@TempDir Path dir) throws Exception {
        String runs = "3000";
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                // a checkpoint after every block (of 250 runs), so the child is killed early in its twelve blocks
                "-D" + StudyCommand.CHECKPOINT_PROPERTY + "=0",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "ensemble",
                "--runs",
                runs,
                "--threads",
                "1",
                "--out",
                dir.toString(),
                "--name",
                "k"));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        Path checkpoint = dir.resolve(".k.checkpoint");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(checkpoint) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(p.isAlive()).as("child finished before it could be killed").isTrue();
        p.destroyForcibly().waitFor(); // SIGKILL
        Files.delete(dir.resolve("child.log"));
        assertThat(dir.resolve("k")).doesNotExist();
        // Resuming with another option is refused, naming the option; the checkpoint stays.
        RunCommandTest.Result other = run(
                "ensemble", "-q", "--runs", "10", "--threads", "2", "--out", dir.toString(), "--name", "k", "--resume");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).startsWith("multivector: --runs: ").contains(runs, "10");
        assertThat(checkpoint).exists();
        RunCommandTest.Result resumed = run(
                "ensemble", "-q", "--runs", runs, "--threads", "2", "--out", dir.toString(), "--name", "k", "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(checkpoint).doesNotExist();
        assertThat(dir.resolve(".k.request.checkpoint")).doesNotExist();
        RunCommandTest.Result whole =
                run("ensemble", "-q", "--runs", runs, "--threads", "2", "--out", dir.toString(), "--name", "u");
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("k/summary.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("u/summary.csv")));
        assertThat(count(dir.resolve("results.duckdb"), "SELECT count(*) FROM studies"))
                .isEqualTo(1);
    }

    @Test
    void checkpointsTrustedBlindly_aDamagedOrSpecialCheckpointExitsTwoNamingIt(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve(".k.checkpoint");
        Files.write(checkpoint, new byte[] {'M', 'V', 'S', '2', 0, 2, 'x', 'y', 0, 0});
        RunCommandTest.Result damaged =
                run("ensemble", "-q", "--runs", "300", "--out", dir.toString(), "--name", "k", "--resume");
        assertThat(damaged.code()).isEqualTo(2);
        assertThat(damaged.err())
                .startsWith("multivector: " + checkpoint + ": the checkpoint is damaged or truncated")
                .contains("start afresh")
                .doesNotContain("Exception", "\tat ");
        assertThat(checkpoint).as("kept for the user to look at").exists();
        Files.delete(checkpoint);
        assertThat(new ProcessBuilder("mkfifo", checkpoint.toString()).start().waitFor())
                .isZero();
        RunCommandTest.Result fifo =
                run("ensemble", "-q", "--runs", "300", "--out", dir.toString(), "--name", "k", "--resume");
        assertThat(fifo.code()).isEqualTo(2);
        assertThat(fifo.err()).contains(checkpoint + ": not a regular file");
        assertThat(dir.resolve("k")).doesNotExist();
    }
}
