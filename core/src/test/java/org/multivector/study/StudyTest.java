package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multivector.scenario.ScenarioLoader;

class StudyTest {
    static ConfiguredScenario defaultSpec() {
        return ConfiguredScenario.of(
                ScenarioLoader.DEFAULT_SCENARIO,
                "central-asia.yaml",
                ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO));
    }

    static byte[] ensemble(int threads, long runs) throws Exception {
        EnsembleJob job = new EnsembleJob(defaultSpec(), 7, runs);
        try (ThreadExecutor ex = new ThreadExecutor(threads)) {
            SeriesStats s = StudyRunner.run(job, ex, "t", null, false, 0, StudyRunner.Progress.NONE);
            assertThat(s.runs()).isEqualTo(runs);
            return job.encode(s);
        }
    }

    @Test
    void ensembleIsBitIdenticalForAnyThreadCount() throws Exception {
        long runs = 4 * EnsembleJob.BLOCK_SIZE + 17;
        byte[] one = ensemble(1, runs);
        assertThat(ensemble(2, runs)).isEqualTo(one);
        assertThat(ensemble(7, runs)).isEqualTo(one);
        assertThat(ensemble(2, EnsembleJob.BLOCK_SIZE + 17)).isNotEqualTo(one);
    }

    static org.multivector.validate.Posterior shippedPosterior() {
        return org.multivector.validate.Posterior.parse(
                "central-asia.posterior.csv",
                org.multivector.validate.Posterior.builtInBytes("central-asia").orElseThrow(),
                defaultSpec().scenario());
    }

    static SeriesStats ensembleOver(org.multivector.validate.Posterior post, int threads, long runs) throws Exception {
        EnsembleJob job = new EnsembleJob(defaultSpec(), 7, runs, post);
        try (ThreadExecutor ex = new ThreadExecutor(threads)) {
            return StudyRunner.run(job, ex, "t", null, false, 0, StudyRunner.Progress.NONE);
        }
    }

    /**
     * Over a posterior each run takes its particle's parameters: the same bits on any thread count, and bands wider
     * than the runs' randomness alone gives at the scenario's values.
     */
    @Test
    void ensembleOverAPosterior_isBitIdenticalForAnyThreadCount_andItsBandsHoldParameterUncertainty() throws Exception {
        org.multivector.validate.Posterior post = shippedPosterior();
        long runs = EnsembleJob.BLOCK_SIZE + 50;
        EnsembleJob job = new EnsembleJob(defaultSpec(), 7, runs, post);
        SeriesStats one = ensembleOver(post, 1, runs);
        assertThat(job.encode(ensembleOver(post, 3, runs))).isEqualTo(job.encode(one));
        SeriesStats point = ensembleOver(null, 2, runs);
        var vars = defaultSpec().compiled().variables();
        int rsi = vars.indexOf(new org.multivector.engine.Variable(org.multivector.engine.Variable.REGION, "rsi"));
        int last = one.years() - 1;
        double widthPost = one.quantile(last, rsi, 0.95) - one.quantile(last, rsi, 0.05);
        double widthPoint = point.quantile(last, rsi, 0.95) - point.quantile(last, rsi, 0.05);
        assertThat(widthPost).isGreaterThan(widthPoint);
    }

    @Test
    void partialsMergeToTheSameBitsInAnyOrder() throws Exception {
        EnsembleJob job = new EnsembleJob(defaultSpec(), 21, 5 * EnsembleJob.BLOCK_SIZE);
        List<SeriesStats> parts = new java.util.ArrayList<>();
        for (long b = 0; b < job.blocks(); b++) {
            SeriesStats p = job.newPartial();
            job.run(b, p);
            parts.add(p);
        }
        SeriesStats forward = job.newPartial();
        parts.forEach(forward::merge);
        SeriesStats tree = job.newPartial();
        SeriesStats left = job.newPartial();
        left.merge(parts.get(3));
        left.merge(parts.get(1));
        SeriesStats right = job.newPartial();
        right.merge(parts.get(4));
        right.merge(parts.get(0));
        right.merge(parts.get(2));
        tree.merge(right);
        tree.merge(left);
        assertThat(job.encode(tree)).isEqualTo(job.encode(forward));
    }

    @Test
    void summaryMatchesDirectComputation() throws Exception {
        EnsembleJob job = new EnsembleJob(defaultSpec(), 3, 300);
        SeriesStats s;
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            s = StudyRunner.run(job, ex, "t", null, false, 0, StudyRunner.Progress.NONE);
        }
        var c = defaultSpec().compiled();
        var engine = new org.multivector.engine.Engine(c);
        int col = c.variables().indexOf(new org.multivector.engine.Variable("REGION", "rsi"));
        int y = c.years() - 1;
        double[] v = new double[300];
        for (int r = 0; r < 300; r++) {
            v[r] = engine.run(3, r).value(c.firstYear() + y, "REGION", "rsi");
        }
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double sd = Math.sqrt(
                java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / 299);
        java.util.Arrays.sort(v);
        // Exact sums quantise each value to 2^-24 of the range (100 for the RSI).
        double quantum = 100 * Math.scalb(1.0, -24);
        assertThat(s.mean(y, col)).isCloseTo(mean, org.assertj.core.data.Offset.offset(quantum));
        assertThat(s.sd(y, col)).isCloseTo(sd, org.assertj.core.data.Offset.offset(2 * quantum));
        double binWidth = 100.0 / SeriesStats.BINS;
        // Quantile within one bin of the exact order statistic.
        assertThat(s.quantile(y, col, 0.5)).isCloseTo(v[149], org.assertj.core.data.Offset.offset(binWidth + 0.5));
        assertThat(s.quantile(y, col, 0.05)).isBetween(v[0], v[299]);
        assertThat(s.min(y, col)).isEqualTo(v[0]);
        assertThat(s.max(y, col)).isEqualTo(v[299]);
    }

    @Test
    void interruptedStudyResumesToTheSameResult(@TempDir Path dir) throws Exception {
        long runs = 6 * EnsembleJob.BLOCK_SIZE;
        EnsembleJob job = new EnsembleJob(defaultSpec(), 11, runs);
        CheckpointStore.Slot cp = new MemoryCheckpoints().slot("study");
        StudyExecutor failing = new StudyExecutor() {
            @Override
            public <P> void execute(BlockJob<P> j, long from, Sink<P> sink) throws Exception {
                new ThreadExecutor(2).execute(j, from, (b, e, p) -> {
                    if (b == 3) {
                        throw new InterruptedException("stopped");
                    }
                    sink.accept(b, e, p);
                });
            }

            @Override
            public String describe() {
                return "failing";
            }
        };
        assertThatThrownBy(() -> StudyRunner.run(job, failing, "fp", cp, false, 0, StudyRunner.Progress.NONE))
                .isInstanceOf(InterruptedException.class);
        assertThat(cp.read(1 << 30)).isPresent();
        long[] started = {-1};
        SeriesStats resumed = StudyRunner.run(job, new ThreadExecutor(2), "fp", cp, true, 0, (done, total) -> {
            if (started[0] < 0) {
                started[0] = done;
            }
        });
        assertThat(started[0]).isEqualTo(3L * EnsembleJob.BLOCK_SIZE);
        assertThat(job.encode(resumed)).isEqualTo(ensembleBytes(job));
        assertThatThrownBy(() ->
                        StudyRunner.run(job, new ThreadExecutor(1), "other", cp, true, 0, StudyRunner.Progress.NONE))
                .hasMessageContaining("another study");
    }

    private static byte[] ensembleBytes(EnsembleJob job) throws Exception {
        try (ThreadExecutor ex = new ThreadExecutor(1)) {
            return job.encode(StudyRunner.run(job, ex, "x", null, false, 0, StudyRunner.Progress.NONE));
        }
    }

    static CompareStats compare(ConfiguredScenario spec, List<String> strategies, long runs) throws Exception {
        CompareJob job = new CompareJob(spec, "KAZ", strategies, 2024, 5, runs);
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            return StudyRunner.run(job, ex, "c", null, false, 0, StudyRunner.Progress.NONE);
        }
    }

    @Test
    void aStrategyComparedWithItselfDiffersByExactlyZero() throws Exception {
        CompareStats s = compare(defaultSpec(), List.of("multi-vector", "multi-vector", "bandwagon:RUS"), 120);
        for (int m = 0; m < s.metrics; m++) {
            assertThat(s.meanDiff(1, m)).isZero();
            assertThat(s.pBetter(1, m)).isEqualTo(0.5);
        }
        // Bandwagoning on Russia lowers Kazakhstan's own balance on average and in most runs (not in every run: where
        // the shocks make one pole's offers dominate, a multi-vector state follows them further than 60 %).
        int kazBalance = 3; // metric order: rsi, incidents.expected, incident.p, KAZ balance, ...
        assertThat(s.meanDiff(2, kazBalance)).isNegative();
        assertThat(s.pBetter(2, kazBalance)).isLessThan(0.3);
    }

    @Test
    void compareIsBitIdenticalForAnyThreadCount() throws Exception {
        CompareJob job = new CompareJob(defaultSpec(), "KAZ", List.of("multi-vector", "neutral"), 2020, 9, 250);
        byte[] a;
        try (ThreadExecutor ex = new ThreadExecutor(1)) {
            a = job.encode(StudyRunner.run(job, ex, "c", null, false, 0, StudyRunner.Progress.NONE));
        }
        try (ThreadExecutor ex = new ThreadExecutor(7)) {
            assertThat(job.encode(StudyRunner.run(job, ex, "c", null, false, 0, StudyRunner.Progress.NONE)))
                    .isEqualTo(a);
        }
    }
}
