package org.multivector.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.study.BlockJob;
import org.multivector.study.CompareJob;
import org.multivector.study.ConfiguredScenario;
import org.multivector.study.EnsembleJob;
import org.multivector.study.StudyExecutor;
import org.multivector.study.StudyRunner;
import org.multivector.study.ThreadExecutor;

/** The Spark executor on local[2] gives the same bits as the thread executor. */
class SparkExecutorIT {
    static SparkExecutor spark;

    @BeforeAll
    static void start() {
        spark = new SparkExecutor("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    static ConfiguredScenario spec() {
        return ConfiguredScenario.of(
                ScenarioLoader.DEFAULT_SCENARIO,
                "central-asia.yaml",
                ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO));
    }

    static <P> byte[] result(BlockJob<P> job, StudyExecutor ex) throws Exception {
        return job.encode(StudyRunner.run(job, ex, "it", null, false, 0, StudyRunner.Progress.NONE));
    }

    @Test
    void ensembleOnSparkIsBitIdenticalToThreads() throws Exception {
        EnsembleJob job = new EnsembleJob(spec(), 1992, 13 * EnsembleJob.BLOCK_SIZE + 7);
        byte[] local = result(job, new ThreadExecutor(2));
        assertThat(result(job, spark)).isEqualTo(local);
        assertThat(spark.describe()).isEqualTo("spark(local[2])");
    }

    @Test
    void bargainingEnsembleOnSparkIsBitIdenticalToThreads() throws Exception {
        org.multivector.bargain.BargainingProblem p = org.multivector.bargain.BargainingInputs.load(
                java.nio.file.Path.of("..", "examples", "bargaining", "caspian.yaml"));
        org.multivector.study.BargainEnsembleJob job = new org.multivector.study.BargainEnsembleJob(
                p, org.multivector.bargain.Perturbation.parse("positions=5,salience=10%"), 1996, 37, 100);
        byte[] local = result(job, new ThreadExecutor(2));
        assertThat(result(job, spark)).isEqualTo(local);
    }

    /** A sweep compiles each point's scenario on the executor (strategy levels by label): still the same bits. */
    @Test
    void sweepOnSparkIsBitIdenticalToThreads() throws Exception {
        Object[][] design = {{-2.0, "multi-vector"}, {-2.0, "neutral"}, {-1.0, "multi-vector"}, {-1.0, "neutral"}};
        org.multivector.study.SweepJob job = new org.multivector.study.SweepJob(
                spec(),
                List.of("tension-base", "strategy:KAZ"),
                design,
                9,
                5,
                List.of("REGION.rsi", "KAZ.balance"),
                true,
                2024);
        assertThat(result(job, spark)).isEqualTo(result(job, new ThreadExecutor(2)));
    }

    @Test
    void compareOnSparkIsBitIdenticalToThreads() throws Exception {
        CompareJob job =
                new CompareJob(spec(), "KAZ", List.of("multi-vector", "bandwagon:RUS", "neutral"), 2024, 3, 450);
        assertThat(result(job, spark)).isEqualTo(result(job, new ThreadExecutor(1)));
    }

    /** Over a posterior each run compiles its particle's scenario on the executor: still the same bits. */
    @Test
    void compareOverAPosteriorOnSparkIsBitIdenticalToThreads() throws Exception {
        org.multivector.validate.Posterior post = org.multivector.validate.Posterior.parse(
                "central-asia.posterior.csv",
                org.multivector.validate.Posterior.builtInBytes("central-asia").orElseThrow(),
                spec().scenario());
        CompareJob job = new CompareJob(spec(), "KAZ", List.of("multi-vector", "neutral"), 2024, 3, 250, post);
        assertThat(result(job, spark)).isEqualTo(result(job, new ThreadExecutor(2)));
    }

    /** A whole ABC-SMC calibration through the study service: the same posterior on Spark as on threads. */
    @Test
    void abcSmcPosteriorOnSparkIsBitIdenticalToThreads() throws Exception {
        org.multivector.study.ScenarioCatalog builtIn = new org.multivector.study.ScenarioCatalog() {
            @Override
            public Source scenario(String reference) {
                return new Source(reference, reference + ".yaml", ScenarioLoader.builtInBytes(reference));
            }

            @Override
            public org.multivector.scenario.Overlay overlay(String reference) {
                throw new IllegalArgumentException(reference);
            }

            @Override
            public Source issue(String reference) {
                throw new IllegalArgumentException(reference);
            }
        };
        org.multivector.study.StudyArchive none = new org.multivector.study.StudyArchive() {
            @Override
            public void reserve(String directory, String studyId) {}

            @Override
            public org.multivector.study.RawSink rawRuns(
                    String directory, List<org.multivector.engine.Variable> variables, int firstYear, boolean resume) {
                return (block, firstRun, runs, outputs, size) -> {};
            }

            @Override
            public String save(
                    String directory,
                    org.multivector.study.StudyRecord record,
                    org.multivector.study.StudyResult result,
                    java.util.Map<String, byte[]> files) {
                return directory;
            }
        };
        org.multivector.study.StudyService service = new org.multivector.study.StudyService(
                builtIn,
                none,
                org.multivector.study.CheckpointStore.NONE,
                org.multivector.study.ReportRenderer.NONE,
                "it");
        org.multivector.study.CalibrateRequest abc = new org.multivector.study.CalibrateRequest(
                org.multivector.study.ScenarioChoice.of(ScenarioLoader.PRIOR_SCENARIO),
                5L,
                null,
                List.of("unrest-base", "tension-base"),
                2,
                null,
                null,
                null,
                "abc-smc",
                12,
                2);
        String onThreads = ((org.multivector.study.StudyResult.Fit)
                        service.run(abc, org.multivector.study.StudyService.Execution.on(new ThreadExecutor(2)))
                                .result())
                .posteriorCsv();
        String onSpark = ((org.multivector.study.StudyResult.Fit)
                        service.run(abc, org.multivector.study.StudyService.Execution.on(spark))
                                .result())
                .posteriorCsv();
        assertThat(onSpark).isEqualTo(onThreads).startsWith("particle,weight,distance,unrest-base,tension-base");
    }

    @Test
    void calibrationPointOnSparkIsBitIdenticalToThreads() throws Exception {
        ConfiguredScenario training = ConfiguredScenario.of(
                        ScenarioLoader.PRIOR_SCENARIO,
                        "central-asia.yaml",
                        ScenarioLoader.builtInBytes(ScenarioLoader.PRIOR_SCENARIO))
                .withYears(1991, 2008);
        int[] cells = {100, 2000, 5000};
        org.multivector.study.CalibrationJob job = new org.multivector.study.CalibrationJob(
                training, new String[] {"unrest-base", "tension-base"}, new double[] {-4, -2}, true, 7, 21, cells);
        byte[] local = result(job, new ThreadExecutor(2));
        org.multivector.study.CalibrationJob again = new org.multivector.study.CalibrationJob(
                training, new String[] {"unrest-base", "tension-base"}, new double[] {-4, -2}, true, 7, 21, cells);
        assertThat(result(again, spark)).isEqualTo(local);
    }
}
