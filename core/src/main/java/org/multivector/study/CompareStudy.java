package org.multivector.study;

import java.util.Arrays;
import java.util.Map;
import org.multivector.engine.CompiledScenario;

/** {@code compare}: counterfactual strategies for one state with common random numbers ({@link CompareJob}). */
final class CompareStudy {
    private CompareStudy() {}

    static StudyService.Outcome run(StudyService.Prepared p, CompareRequest r, StudyService.Context ctx)
            throws Exception {
        ConfiguredScenario cs = p.scenario();
        CompareJob job = new CompareJob(cs, r.actor(), r.strategies(), r.from(), r.seed(), r.runs());
        CompareStats stats = ctx.run(job, p.id());
        CompiledScenario c = cs.compiled();
        return new StudyService.Outcome(
                new StudyResult.Comparison(
                        cs.scenario(),
                        r.actor(),
                        r.from(),
                        r.strategies(),
                        job.metricNames(),
                        Arrays.stream(job.better()).boxed().toList(),
                        c.variables(),
                        job.bandVariables(),
                        c.firstYear(),
                        stats),
                r.seed(),
                r.runs(),
                ctx.executor().describe(),
                Map.of("blockSize", CompareJob.BLOCK_SIZE));
    }
}
