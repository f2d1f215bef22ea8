package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.engine.Engine;
import org.multivector.validate.Posterior;

/** An ensemble runs its runs in locksteps; its summary is the summary of the same runs made one at a time. */
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
        // the shipped posterior's first six particles: about fifty runs each in 300 runs, so locksteps form
        String[] lines =
                new String(Posterior.builtInBytes("central-asia").orElseThrow(), StandardCharsets.UTF_8).split("\n", 8);
        Posterior few = Posterior.parse(
                "six.posterior.csv",
                String.join("\n", java.util.Arrays.copyOf(lines, 7)).getBytes(StandardCharsets.UTF_8),
                spec.scenario());
        Object[][] cases = {{null, EnsembleJob.BLOCK_SIZE + 37L}, {few, 300L}, {many, 40L}};
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
}
