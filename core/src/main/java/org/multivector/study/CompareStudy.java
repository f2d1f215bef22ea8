package org.multivector.study;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.multivector.engine.CompiledScenario;

/** {@code compare}: counterfactual strategies for one state with common random numbers ({@link CompareJob}). */
final class CompareStudy {
    private CompareStudy() {}

    static StudyService.Outcome run(StudyService.Prepared p, CompareRequest r, StudyService.Context ctx)
            throws Exception {
        ConfiguredScenario cs = p.scenario();
        CompareJob job = new CompareJob(cs, r.actor(), r.strategies(), r.from(), r.seed(), r.runs(), p.posterior());
        // the decomposition re-runs the comparison once per channel: progress counts those runs too
        int parts = r.decompose() ? 1 + Channels.of(cs).size() : 1;
        CompareStats stats = ctx.run(job, p.id(), ctx.part(0, parts));
        CompiledScenario c = cs.compiled();
        StudyResult.Decomposition decomposition =
                r.decompose() ? decompose(r, cs, p.posterior(), stats, ctx, p.id()) : null;
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
                        stats,
                        decomposition,
                        p.posterior() == null ? null : p.posterior().describe()),
                r.seed(),
                r.runs(),
                ctx.executor().describe(),
                Map.of("blockSize", CompareJob.BLOCK_SIZE));
    }

    /** Re-runs the comparison with each channel off, on the same random numbers ({@link Channels}). */
    private static StudyResult.Decomposition decompose(
            CompareRequest r,
            ConfiguredScenario cs,
            org.multivector.validate.Posterior posterior,
            CompareStats stats,
            StudyService.Context ctx,
            String id)
            throws Exception {
        List<Channels.Channel> channels = Channels.of(cs);
        int n = r.strategies().size();
        double[] total = new double[n];
        double[][] carried = new double[n][channels.size()];
        for (int s = 0; s < n; s++) {
            total[s] = stats.meanDiff(s, 0); // metric 0 is the RSI
        }
        for (int k = 0; k < channels.size(); k++) {
            ConfiguredScenario off = cs;
            for (String param : channels.get(k).parameters()) {
                off = off.withParameter(param, 0);
            }
            // the channel's parameters stay off in every particle
            CompareJob job = new CompareJob(
                    off,
                    r.actor(),
                    r.strategies(),
                    r.from(),
                    r.seed(),
                    r.runs(),
                    posterior == null ? null : posterior.without(channels.get(k).parameters()));
            CompareStats without = StudyRunner.run(
                    job,
                    ctx.executor(),
                    id + "-without-" + channels.get(k).id(),
                    null,
                    false,
                    0,
                    ctx.part(k + 1, 1 + channels.size()),
                    ctx.execution().stop());
            for (int s = 0; s < n; s++) {
                carried[s][k] = total[s] - without.meanDiff(s, 0);
            }
        }
        return new StudyResult.Decomposition(channels, total, carried);
    }
}
