package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.multivector.engine.Variable;
import org.multivector.scenario.Overlay;
import org.multivector.scenario.ScenarioLoader;

class StudyServiceTest {
    /** The embedded scenarios, by name. */
    static final ScenarioCatalog BUILT_IN = new ScenarioCatalog() {
        @Override
        public Source scenario(String reference) {
            return new Source(reference, reference + ".yaml", ScenarioLoader.builtInBytes(reference));
        }

        @Override
        public Overlay overlay(String reference) {
            throw RequestException.of("overlays", "no overlays here");
        }

        @Override
        public Source issue(String reference) {
            throw RequestException.of("input", "no issues here");
        }
    };

    /** Keeps saved studies in memory. */
    static final class MemoryArchive implements StudyArchive {
        final Map<String, StudyRecord> saved = new LinkedHashMap<>();

        @Override
        public void reserve(String directory, String studyId) {
            StudyRecord r = saved.get(directory);
            if (r != null && !r.id().equals(studyId)) {
                throw RequestException.of("name", directory + " holds " + r.id());
            }
        }

        @Override
        public RawSink rawRuns(String directory, List<Variable> variables, int firstYear, boolean resume) {
            return (block, firstRun, runs, outputs, size) -> {};
        }

        @Override
        public String save(String directory, StudyRecord record, StudyResult result, Map<String, byte[]> files) {
            saved.put(directory, record);
            return "memory:" + directory;
        }
    }

    static StudyService service(MemoryArchive archive, CheckpointStore checkpoints) {
        return new StudyService(BUILT_IN, archive, checkpoints, ReportRenderer.NONE, "test");
    }

    static ScenarioChoice choice(Map<String, Double> set, Map<String, String> overrides) {
        return new ScenarioChoice(ScenarioLoader.DEFAULT_SCENARIO, List.of(), set, overrides, null, null);
    }

    @Test
    void configuredScenario_sameEditsInAnotherOrder_sameIdAndSameScenario() {
        Map<String, Double> set1 = new LinkedHashMap<>();
        set1.put("tension-base", -1.5);
        set1.put("incident-base", -4.0);
        Map<String, Double> set2 = new LinkedHashMap<>();
        set2.put("incident-base", -4.0);
        set2.put("tension-base", -1.5);
        Map<String, String> o1 = new LinkedHashMap<>();
        o1.put("KAZ", "bandwagon:RUS");
        o1.put("UZB", "neutral");
        Map<String, String> o2 = new LinkedHashMap<>();
        o2.put("UZB", "neutral");
        o2.put("KAZ", "bandwagon:RUS");
        ConfiguredScenario base = ConfiguredScenario.of(
                "central-asia", "central-asia.yaml", ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO));
        ConfiguredScenario a = base.configure(List.of(), set1, o1, null, null);
        ConfiguredScenario b = base.configure(List.of(), set2, o2, null, null);
        // step by step, in yet another order
        ConfiguredScenario c = base.configure(
                        List.of(), Map.of("incident-base", -4.0), Map.of("UZB", "neutral"), null, null)
                .configure(List.of(), Map.of("tension-base", -1.5), Map.of("KAZ", "bandwagon:RUS"), null, null);
        assertThat(a.id()).isEqualTo(b.id()).isEqualTo(c.id()).isNotEqualTo(base.id());
        assertThat(a.scenario().hash()).isEqualTo(a.id());
        assertThat(a.scenario().parameters()).isEqualTo(c.scenario().parameters());
        assertThat(a.scenario().strategies()).isEqualTo(c.scenario().strategies());
        assertThat(base.id())
                .isEqualTo(base.scenario().hash())
                .isEqualTo(ScenarioLoader.builtIn("central-asia").hash());
    }

    @Test
    void prepare_sameRequestWithEditsInAnotherOrder_sameStudyId() {
        StudyService s = service(new MemoryArchive(), CheckpointStore.NONE);
        String a = s.prepare(new EnsembleRequest(
                        choice(Map.of("tension-base", -1.5, "incident-base", -4.0), Map.of()), 5L, 10L, false))
                .id();
        String b = s.prepare(new EnsembleRequest(
                        choice(new java.util.TreeMap<>(Map.of("tension-base", -1.5, "incident-base", -4.0)), Map.of()),
                        5L,
                        10L,
                        null))
                .id();
        assertThat(a).isEqualTo(b).startsWith("ensemble-central-asia-");
        assertThat(s.prepare(new EnsembleRequest(choice(Map.of(), Map.of()), 5L, 11L, false))
                        .id())
                .isNotEqualTo(a);
        // defaults resolved before naming: an explicit default is the same study
        assertThat(s.prepare(new CompareRequest(null, null, 20L, null, null, null))
                        .id())
                .isEqualTo(s.prepare(new CompareRequest(
                                null,
                                StudyRequest.SEED_DEFAULT,
                                20L,
                                "KAZ",
                                List.of("multi-vector", "bandwagon:RUS", "bandwagon:CHN", "bandwagon:WEST", "neutral"),
                                2024))
                        .id());
    }

    @Test
    void prepare_badFields_everyProblemByFieldName() {
        StudyService s = service(new MemoryArchive(), CheckpointStore.NONE);
        assertThatThrownBy(() -> s.prepare(new CompareRequest(
                        choice(Map.of("tension-bsae", 1.0), Map.of("MARS", "neutral")), null, 10L, null, null, null)))
                .isInstanceOfSatisfying(
                        RequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(RequestException.FieldProblem::field)
                                .containsExactlyInAnyOrder("set.tension-bsae", "overrides.MARS"));
        assertThatThrownBy(() -> s.prepare(
                        new CompareRequest(null, null, 10L, "RUS", List.of("multi-vector", "bandwagon:MARS"), 1800)))
                .isInstanceOfSatisfying(
                        RequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(RequestException.FieldProblem::field)
                                .containsExactlyInAnyOrder("actor", "strategies[1]", "from"));
        assertThatThrownBy(() -> new EnsembleRequest(null, null, 0L, null))
                .isInstanceOfSatisfying(
                        RequestException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("runs"));
    }

    /**
     * The decomposition's runs: by default the comparison's (up to the default cap); fewer is a comparison of that many
     * runs on the same seed, whose ΔRSI is the one split; more than the comparison, or set without a decomposition, is
     * refused by name.
     */
    @Test
    void decomposeRuns_defaultsToTheRuns_fewerSplitsTheSmallerComparison_badValuesAreRefused() throws Exception {
        StudyService s = service(new MemoryArchive(), CheckpointStore.NONE);
        List<String> two = List.of("multi-vector", "neutral");
        assertThat(new CompareRequest(null, null, 40L, null, two, null).decomposeRuns())
                .isEqualTo(40L);
        assertThat(new CompareRequest(null, null, 50_000L, null, two, null).decomposeRuns())
                .isEqualTo(CompareRequest.DECOMPOSE_RUNS_DEFAULT);
        assertThat(new CompareRequest(null, null, 40L, null, two, null, false).decomposeRuns())
                .isNull();
        assertThatThrownBy(() -> new CompareRequest(null, null, 40L, null, two, null, true, null, 41L))
                .isInstanceOfSatisfying(
                        RequestException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("decomposeRuns");
                            assertThat(f.message()).contains("41 is outside 1..40");
                        }));
        assertThatThrownBy(() -> new CompareRequest(null, null, 40L, null, two, null, true, null, 0L))
                .isInstanceOfSatisfying(
                        RequestException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("decomposeRuns"));
        assertThatThrownBy(() -> new CompareRequest(null, null, 40L, null, two, null, false, null, 10L))
                .isInstanceOfSatisfying(
                        RequestException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(f -> assertThat(f.message()).contains("without a decomposition")));
        // a different decomposition is a different study
        assertThat(s.prepare(new CompareRequest(null, 3L, 40L, null, two, null, true, null, 15L))
                        .id())
                .isNotEqualTo(s.prepare(new CompareRequest(null, 3L, 40L, null, two, null))
                        .id());

        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            StudyResult.Comparison full = (StudyResult.Comparison) s.run(
                            new CompareRequest(null, 3L, 40L, null, two, null, true, null, 15L),
                            StudyService.Execution.on(ex))
                    .result();
            StudyResult.Comparison small = (StudyResult.Comparison)
                    s.run(new CompareRequest(null, 3L, 15L, null, two, null, false), StudyService.Execution.on(ex))
                            .result();
            StudyResult.Decomposition d = full.decomposition();
            assertThat(d.runs()).isEqualTo(15L);
            assertThat(full.stats().runs()).isEqualTo(40L);
            // the ΔRSI split is the 15-run comparison's, bit for bit, not the 40-run one's
            assertThat(d.total(1)).isEqualTo(small.stats().meanDiff(1, 0));
            assertThat(d.total(1)).isNotEqualTo(full.stats().meanDiff(1, 0));
            double sum = d.interaction(1);
            for (int c = 0; c < d.channels().size(); c++) {
                sum += d.carried()[1][c];
            }
            assertThat(sum).isCloseTo(d.total(1), org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void bargainRunsCannotResume_aStoppedBargainingEnsembleResumesToTheSameRows() throws Exception {
        MemoryArchive archive = new MemoryArchive();
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        StudyService s = service(archive, checkpoints);
        BargainRequest r = new BargainRequest(null, "4242", false, null, null, null, 40, "positions=10");
        int[] blocks = {0};
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            assertThatThrownBy(() -> s.run(r, new StudyService.Execution(ex, null, () -> ++blocks[0] > 3, false, "b")))
                    .isInstanceOf(StudyRunner.Stopped.class)
                    .hasMessageContaining("of 40 runs");
            assertThat(checkpoints.slot("b").read(1 << 30)).isPresent();
            long[] resumedAt = {-1};
            StudyService.Completed resumed = s.run(
                    r,
                    new StudyService.Execution(
                            ex,
                            (done, total) -> resumedAt[0] = resumedAt[0] < 0 ? done : resumedAt[0],
                            null,
                            true,
                            "b"));
            assertThat(resumedAt[0])
                    .as("runs already done when resumed")
                    .isPositive()
                    .isLessThan(40);
            assertThat(checkpoints.isEmpty()).isTrue();
            StudyService.Completed whole = s.run(r, new StudyService.Execution(ex, null, null, false, "w"));
            assertThat(((StudyResult.BargainEnsemble) resumed.result()).rows())
                    .isDeepEqualTo(((StudyResult.BargainEnsemble) whole.result()).rows());
        }
    }

    /** The checkpoint interval: 0 saves after every block but the last, an hour not within a short study. */
    @Test
    void checkpointEvery_zeroSavesAfterEveryBlock_anHourNotInAShortStudy_andOutOfRangeIsRefused() throws Exception {
        EnsembleRequest r = new EnsembleRequest(null, 3L, 751L, false); // four blocks: three of 250, one of 1
        MemoryCheckpoints often = new MemoryCheckpoints();
        MemoryCheckpoints seldom = new MemoryCheckpoints();
        StudyService.Completed a;
        StudyService.Completed b;
        try (ThreadExecutor ex = new ThreadExecutor(1)) {
            a = service(new MemoryArchive(), often).checkpointEvery(0).run(r, StudyService.Execution.on(ex));
            b = service(new MemoryArchive(), seldom).checkpointEvery(3_600_000L).run(r, StudyService.Execution.on(ex));
        }
        // after each of the first three blocks, then the whole result, kept until the study is saved
        assertThat(often.writes.get(a.record().id())).isEqualTo(4);
        assertThat(seldom.writes.get(b.record().id())).isNull();
        assertThat(often.isEmpty()).as("removed when done").isTrue();
        assertThat(a.record().id()).isEqualTo(b.record().id());
        StudyService s = service(new MemoryArchive(), CheckpointStore.NONE);
        assertThatThrownBy(() -> s.checkpointEvery(-1)).hasMessageContaining("-1 ms is outside 0..3600000");
        assertThatThrownBy(() -> s.checkpointEvery(3_600_001L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void run_stoppedThenResumedWithOtherRuns_refusedNamingTheField() throws Exception {
        MemoryArchive archive = new MemoryArchive();
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        StudyService s = service(archive, checkpoints);
        EnsembleRequest first = new EnsembleRequest(null, 3L, 2000L, false);
        int[] blocks = {0};
        try (ThreadExecutor ex = new ThreadExecutor(1)) {
            assertThatThrownBy(() ->
                            s.run(first, new StudyService.Execution(ex, null, () -> ++blocks[0] > 2, false, "study")))
                    .isInstanceOf(StudyRunner.Stopped.class);
            assertThat(checkpoints.slot("study").read(1 << 30)).isPresent();
            assertThatThrownBy(() -> s.run(
                            new EnsembleRequest(null, 3L, 10L, false),
                            new StudyService.Execution(ex, null, null, true, "study")))
                    .isInstanceOfSatisfying(
                            RequestException.class,
                            e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                                assertThat(p.field()).isEqualTo("runs");
                                assertThat(p.message()).contains("2000", "10");
                            }));
            StudyService.Completed done = s.run(first, new StudyService.Execution(ex, null, null, true, "study"));
            assertThat(done.record().runs()).isEqualTo(2000);
            assertThat(checkpoints.isEmpty()).isTrue();
            assertThat(archive.saved).containsKey("study");
            // another study never replaces it
            assertThatThrownBy(() -> s.run(
                            new EnsembleRequest(null, 4L, 10L, false),
                            new StudyService.Execution(ex, null, null, false, "study")))
                    .isInstanceOf(RequestException.class)
                    .hasMessageContaining("name: study holds " + done.record().id());
        }
    }

    /**
     * Structural assumptions enter a posterior: a fit of a dispute's intensity and a neighbour's strategy beside a
     * parameter writes the strategy as labels, and the sample drives a comparison, whose history then runs each
     * particle's strategy for the neighbour. A point fit of them is refused, as is an override of a posterior strategy.
     */
    @Test
    void abcSmc_fitsStructuralAssumptions_andTheirPosteriorDrivesAComparison() throws Exception {
        CalibrateRequest fit = new CalibrateRequest(
                ScenarioChoice.of(ScenarioLoader.PRIOR_SCENARIO),
                5L,
                null,
                List.of("tension-base", "intensity:kgz-tjk-border", "strategy:UZB"),
                2,
                null,
                null,
                null,
                "abc-smc",
                12,
                2,
                null,
                2);
        StudyResult.Fit f;
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            f = (StudyResult.Fit) service(new MemoryArchive(), CheckpointStore.NONE)
                    .run(fit, StudyService.Execution.on(ex))
                    .result();
        }
        assertThat(f.overlayYaml()).contains("tension-base:").doesNotContain("strategy:UZB:");
        assertThat(f.text()).contains("Structural assumptions by category", "strategy:UZB");
        byte[] csv = f.posteriorCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var post = org.multivector.validate.Posterior.parse(
                "fit.csv", csv, ScenarioLoader.builtIn(ScenarioLoader.PRIOR_SCENARIO));
        int uzb = post.names().indexOf("strategy:UZB");
        assertThat(post.categories(uzb)).isNotEmpty();
        assertThat(org.multivector.model.Structural.categories(
                        ScenarioLoader.builtIn(ScenarioLoader.PRIOR_SCENARIO), "strategy:UZB"))
                .containsAll(post.categories(uzb));

        ScenarioCatalog withFit = new ScenarioCatalog() {
            @Override
            public Source scenario(String reference) {
                return BUILT_IN.scenario(reference);
            }

            @Override
            public Source posterior(String reference) {
                return new Source(reference, "fit.csv", csv);
            }

            @Override
            public Overlay overlay(String reference) {
                return BUILT_IN.overlay(reference);
            }

            @Override
            public Source issue(String reference) {
                return BUILT_IN.issue(reference);
            }
        };
        StudyService s = new StudyService(withFit, new MemoryArchive(), CheckpointStore.NONE, ReportRenderer.NONE, "t");
        CompareRequest over = new CompareRequest(
                ScenarioChoice.of(ScenarioLoader.PRIOR_SCENARIO),
                3L,
                40L,
                null,
                List.of("multi-vector", "neutral"),
                null,
                false,
                "fit");
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            StudyService.Completed c = s.run(over, StudyService.Execution.on(ex));
            assertThat(((StudyResult.Comparison) c.result()).posterior()).contains("fit.csv");
        }
        CompareRequest overridden = new CompareRequest(
                new ScenarioChoice(
                        ScenarioLoader.PRIOR_SCENARIO, List.of(), Map.of(), Map.of("UZB", "neutral"), null, null),
                3L,
                40L,
                null,
                List.of("multi-vector", "neutral"),
                null,
                false,
                "fit");
        assertThatThrownBy(() -> s.prepare(overridden))
                .isInstanceOf(RequestException.class)
                .hasMessageContaining("overrides.UZB")
                .hasMessageContaining("strategy:UZB");
        // discovery over the posterior varies its structural columns too; a strategy's limits read as categories
        DiscoverRequest disc = new DiscoverRequest(
                ScenarioChoice.of(ScenarioLoader.PRIOR_SCENARIO),
                3L,
                20,
                1,
                null,
                null,
                "neutral",
                null,
                "not-worse",
                List.of("tension-base"),
                "fit");
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            StudyResult.Discovery d = (StudyResult.Discovery)
                    s.run(disc, StudyService.Execution.on(ex)).result();
            assertThat(d.parameters()).containsExactly("tension-base", "intensity:kgz-tjk-border", "strategy:UZB");
            assertThat(d.range(2, 0, 5))
                    .isEqualTo("{multi-vector, neutral, bandwagon:RUS, bandwagon:CHN, bandwagon:WEST}");
            assertThat(d.range(2, 1.0, 2.7)).isEqualTo("{neutral, bandwagon:RUS}");
            assertThat(d.range(0, -2, -1)).isEqualTo("[-2.000, -1.000]");
        }
        assertThatThrownBy(() -> new CalibrateRequest(
                        null, 1L, null, List.of("strategy:UZB"), 2, 10, null, null, "cma-es", null, null, null, null))
                .isInstanceOf(RequestException.class)
                .hasMessageContaining("structural assumptions are fitted only by abc-smc");
    }

    /** An ABC-SMC calibration stopped part-way resumes from its evaluation log to the same posterior, bit for bit. */
    @Test
    void abcSmc_stoppedThenResumed_givesTheSamePosterior() throws Exception {
        CalibrateRequest abc = new CalibrateRequest(
                ScenarioChoice.of(ScenarioLoader.PRIOR_SCENARIO),
                5L,
                null,
                List.of("unrest-base", "tension-base"),
                2,
                null,
                null,
                null,
                "abc-smc",
                12,
                3);
        String whole;
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            whole = ((StudyResult.Fit) service(new MemoryArchive(), new MemoryCheckpoints())
                            .run(abc, StudyService.Execution.on(ex))
                            .result())
                    .posteriorCsv();
        }
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        StudyService s = service(new MemoryArchive(), checkpoints);
        int[] polls = {0};
        try (ThreadExecutor ex = new ThreadExecutor(1)) {
            assertThatThrownBy(() ->
                            s.run(abc, new StudyService.Execution(ex, null, () -> ++polls[0] > 25, false, "c")))
                    .isInstanceOf(StudyRunner.Stopped.class);
            assertThat(checkpoints.slot("c").read(1 << 30)).isPresent();
            StudyResult.Fit resumed =
                    (StudyResult.Fit) s.run(abc, new StudyService.Execution(ex, null, null, true, "c"))
                            .result();
            assertThat(resumed.posteriorCsv()).isEqualTo(whole);
        }
        assertThat(whole.lines().count()).isEqualTo(13);
    }

    @Test
    void run_resumedWithAnotherParameterValue_refusedNamingTheSetting() throws Exception {
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        StudyService s = service(new MemoryArchive(), checkpoints);
        int[] blocks = {0};
        try (ThreadExecutor ex = new ThreadExecutor(1)) {
            assertThatThrownBy(() -> s.run(
                            new EnsembleRequest(choice(Map.of("tension-base", -1.5), Map.of()), 3L, 2000L, false),
                            new StudyService.Execution(ex, null, () -> ++blocks[0] > 2, false, "d")))
                    .isInstanceOf(StudyRunner.Stopped.class);
            assertThatThrownBy(() -> s.run(
                            new EnsembleRequest(choice(Map.of("tension-base", -1.4), Map.of()), 3L, 2000L, false),
                            new StudyService.Execution(ex, null, null, true, "d")))
                    .isInstanceOfSatisfying(
                            RequestException.class,
                            e -> assertThat(e.problems())
                                    .extracting(RequestException.FieldProblem::field)
                                    .containsExactly("set.tension-base"));
        }
    }

    @Test
    void manifest_recordsVersionHashParametersAndTheRequest() {
        StudyService.Prepared p = service(new MemoryArchive(), CheckpointStore.NONE)
                .prepare(new RunRequest(choice(Map.of("tension-base", -1.5), Map.of()), 9L));
        assertThat(p.id()).startsWith("run-central-asia-");
        assertThat(p.scenario().scenario().parameter("tension-base").value()).isEqualTo(-1.5);
        assertThat(p.canonicalRequest())
                .contains("\"seed\":9", "\"kind\":\"run\"", p.scenario().id());
        assertThat(BuildInfo.version()).isNotBlank().doesNotStartWith("$");
    }

    /** Core never names an adapter's spelling of a field: no command-line flag in any message. */
    @Test
    void coreMessages_nameNoCommandLineFlag() throws IOException {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = literal.matcher(line);
                    while (m.find()) {
                        if (m.group(1).matches(".*(^|[\\s'(])--[a-zA-Z].*")) {
                            offenders.add(f + ":" + (i + 1) + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
