package org.multivector.study;

import java.util.LinkedHashMap;
import java.util.Map;
import org.multivector.engine.CompiledScenario;

/** {@code ensemble}: N runs with independent streams, summarised while streaming ({@link EnsembleJob}). */
final class EnsembleStudy {
    private EnsembleStudy() {}

    static StudyService.Outcome run(
            StudyService.Prepared p, EnsembleRequest r, StudyService.Context ctx, StudyArchive archive)
            throws Exception {
        ConfiguredScenario cs = p.scenario();
        CompiledScenario c = cs.compiled();
        int[] columns = SummaryVariables.columns(c.variables(), r.variables(), "variables");
        EnsembleJob job = new EnsembleJob(cs, r.seed(), r.runs(), p.posterior(), columns);
        if (r.keepRuns()) {
            if (!ctx.executor().describe().startsWith("threads")) {
                throw RequestException.of("keepRuns", "raw runs are written by local workers: use the local executor");
            }
            job = job.keepingRuns(archive.rawRuns(
                    ctx.directory(),
                    c.variables(),
                    c.firstYear(),
                    ctx.execution().resume()));
        }
        // A checkpoint of a study that keeps its runs cannot resume one that does not, and back: the id differs.
        SeriesStats stats = ctx.run(job, p.id());
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("blockSize", EnsembleJob.BLOCK_SIZE);
        extras.put(
                "quantiles",
                "fixed-bin histogram, " + SeriesStats.BINS + " bins per variable range (error at most one bin width);"
                        + " counts exact (one bin per value)");
        extras.put(
                "summarised",
                columns.length + " of " + c.variables().size() + " variables ("
                        + (r.variables() == null
                                ? "the standard set"
                                : r.variables().equals(java.util.List.of(SummaryVariables.ALL))
                                        ? "every variable"
                                        : "the standard set and " + String.join(", ", r.variables()))
                        + ")");
        extras.put("keepRuns", r.keepRuns());
        if (p.posterior() != null) {
            extras.put("particlesDrawn", "systematic resampling of the posterior's weights over the runs");
        }
        return new StudyService.Outcome(
                new StudyResult.Ensemble(
                        cs.scenario(),
                        c.variables(),
                        c.firstYear(),
                        stats,
                        r.keepRuns(),
                        p.posterior() == null ? null : p.posterior().describe()),
                r.seed(),
                r.runs(),
                ctx.executor().describe(),
                extras);
    }
}
