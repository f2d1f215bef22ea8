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
        // the decomposition re-runs the comparison once per channel (and once more at its own runs when it takes fewer
        // than the comparison): progress counts those runs too, each part in proportion to its runs
        long[] weights = partRuns(r, Channels.of(cs).size());
        CompareStats stats = ctx.run(job, p.id(), part(ctx, weights, 0));
        CompiledScenario c = cs.compiled();
        StudyResult.Decomposition decomposition =
                r.decompose() ? decompose(r, cs, p.posterior(), stats, ctx, p.id(), weights) : null;
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

    /**
     * The runs of each part of the study, in the order they run: the comparison, the decomposition's own comparison
     * (0 when it takes the comparison's runs and reuses it), then one comparison per channel.
     */
    private static long[] partRuns(CompareRequest r, int channels) {
        if (!r.decompose()) {
            return new long[] {r.runs()};
        }
        long[] w = new long[2 + channels];
        w[0] = r.runs();
        long d = r.decomposeRuns();
        w[1] = d < r.runs() ? d : 0;
        java.util.Arrays.fill(w, 2, w.length, d);
        return w;
    }

    /** The progress of part k: its share of all the study's runs, after the parts before it. */
    private static StudyRunner.Progress part(StudyService.Context ctx, long[] w, int k) {
        long all = 0;
        long before = 0;
        for (int j = 0; j < w.length; j++) {
            all += w[j];
            before += j < k ? w[j] : 0;
        }
        return ctx.part(before, w[k], all);
    }

    /**
     * Re-runs the comparison with each channel off, on the same random numbers ({@link Channels}), over the request's
     * {@code decomposeRuns}: with fewer than the comparison's runs, the comparison of that many runs (same seed) is
     * run first, and its ΔRSI is the one split.
     */
    private static StudyResult.Decomposition decompose(
            CompareRequest r,
            ConfiguredScenario cs,
            org.multivector.validate.Posterior posterior,
            CompareStats stats,
            StudyService.Context ctx,
            String id,
            long[] weights)
            throws Exception {
        List<Channels.Channel> channels = Channels.of(cs);
        int n = r.strategies().size();
        long runs = r.decomposeRuns();
        CompareStats with = stats;
        if (runs < r.runs()) {
            with = StudyRunner.run(
                    new CompareJob(cs, r.actor(), r.strategies(), r.from(), r.seed(), runs, posterior),
                    ctx.executor(),
                    id + "-decomposition",
                    null,
                    false,
                    0,
                    part(ctx, weights, 1),
                    ctx.execution().stop());
        }
        double[] total = new double[n];
        double[][] carried = new double[n][channels.size()];
        for (int s = 0; s < n; s++) {
            total[s] = with.meanDiff(s, 0); // metric 0 is the RSI
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
                    runs,
                    posterior == null ? null : posterior.without(channels.get(k).parameters()));
            CompareStats without = StudyRunner.run(
                    job,
                    ctx.executor(),
                    id + "-without-" + channels.get(k).id(),
                    null,
                    false,
                    0,
                    part(ctx, weights, k + 2),
                    ctx.execution().stop());
            for (int s = 0; s < n; s++) {
                carried[s][k] = total[s] - without.meanDiff(s, 0);
            }
        }
        return new StudyResult.Decomposition(channels, total, carried, runs);
    }
}
