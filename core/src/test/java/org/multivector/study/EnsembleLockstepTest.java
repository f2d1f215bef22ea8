package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.engine.Engine;
import org.multivector.engine.Lockstep;
import org.multivector.validate.Posterior;

/**
 * Ensembles and comparisons run their runs in locksteps; their summaries are the summaries of the same runs made one at
 * a time.
 */
class EnsembleLockstepTest {
    /**
     * At the scenario's values (full locksteps and a partial last one), over six particles of the shipped posterior
     * (locksteps of each particle's runs, cut where the particle changes) and over all of it with so few runs that every
     * particle runs alone (40 runs over 800 particles): the encoded summary equals the one of {@link Engine#run} run by
     * run.
     */
    @Test
    void anEnsemblesSummary_isThatOfItsRunsOneAtATime() throws Exception {
        ConfiguredScenario spec = StudyTest.defaultSpec();
        Posterior many = StudyTest.shippedPosterior();
        Posterior few = sixParticles(spec);
        Object[][] cases = {{null, EnsembleJob.BLOCK_SIZE + 37L}, {few, 120L}, {many, 40L}};
        for (Object[] k : cases) {
            Posterior p = (Posterior) k[0];
            long runs = (Long) k[1];
            EnsembleJob job = new EnsembleJob(spec, 11, runs, p);
            SeriesStats total = job.newPartial();
            for (long b = 0; b < job.blocks(); b++) {
                SeriesStats part = job.newPartial();
                job.run(b, part);
                job.merge(total, part);
            }
            ParticleEngines one = new ParticleEngines(spec, p, 11, runs);
            if (p == few) {
                assertThat(one.sameParticle(0, runs, Lockstep.LANES))
                        .as("a lockstep forms")
                        .isGreaterThanOrEqualTo(8);
            }
            SeriesStats expected = job.newPartial();
            double[] out = new double[one.outputSize()];
            for (long r = 0; r < runs; r++) {
                one.forRun(r).run(11, r, out);
                expected.add(out);
            }
            assertThat(job.encode(total))
                    .as((p == null ? "at the scenario's values, " : "over the posterior, ") + runs + " runs")
                    .isEqualTo(job.encode(expected));
        }
    }

    /**
     * A comparison's histories and branches in locksteps: at the scenario's values (locksteps and the runs left over at
     * the end of a block, which run one at a time), over six particles (120 runs) and over all 800: its encoded statistics,
     * outcomes and bands, equal those of the same job with every run made one at a time.
     */
    @Test
    void aComparisonsStatistics_areThoseOfItsRunsOneAtATime() throws Exception {
        ConfiguredScenario spec = StudyTest.defaultSpec();
        Object[][] cases = {
            {null, CompareJob.BLOCK_SIZE + 37L}, {sixParticles(spec), 120L}, {StudyTest.shippedPosterior(), 40L}
        };
        java.util.List<String> strategies = java.util.List.of("multi-vector", "bandwagon:RUS", "neutral");
        for (Object[] k : cases) {
            Posterior p = (Posterior) k[0];
            long runs = (Long) k[1];
            byte[][] encoded = new byte[2][];
            for (int lanes : new int[] {Lockstep.LANES, 1}) {
                CompareJob job = new CompareJob(spec, "KAZ", strategies, 2024, 11, runs, p);
                job.maxLanes = lanes;
                CompareStats total = job.newPartial();
                for (long b = 0; b < job.blocks(); b++) {
                    CompareStats part = job.newPartial();
                    job.run(b, part);
                    job.merge(total, part);
                }
                assertThat(total.runs()).isEqualTo(runs);
                encoded[lanes == 1 ? 1 : 0] = job.encode(total);
            }
            assertThat(encoded[0])
                    .as((p == null ? "at the scenario's values, " : "over the posterior, ") + runs + " runs")
                    .isEqualTo(encoded[1]);
        }
    }

    /** The shipped posterior's first six particles: twenty runs each in 120 runs, so locksteps form. */
    private static Posterior sixParticles(ConfiguredScenario spec) throws Exception {
        String[] lines =
                new String(Posterior.builtInBytes("central-asia").orElseThrow(), StandardCharsets.UTF_8).split("\n", 8);
        return Posterior.parse(
                "six.posterior.csv",
                String.join("\n", java.util.Arrays.copyOf(lines, 7)).getBytes(StandardCharsets.UTF_8),
                spec.scenario());
    }
}
