package org.multivector.study;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.multivector.bargain.BargainingInputs;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.EuSmp;
import org.multivector.bargain.Perturbation;
import org.multivector.bargain.SmpHistory;
import org.multivector.bargain.SmpModel;
import org.multivector.bargain.SmpParameters;

/**
 * {@code bargain}: KTAB's Spatial Model of Politics (Wise, Lumsden et al., KTAB; after Bueno de Mesquita's
 * expected-utility model) on an issue — one run, or an ensemble over perturbed inputs ({@link BargainEnsembleJob}).
 */
final class BargainStudy {
    private BargainStudy() {}

    static StudyService.Prepared prepare(StudyService service, BargainRequest r, ScenarioCatalog catalog) {
        byte[] input;
        BargainingProblem p;
        String inputName;
        if (r.euSmp() != null) {
            long euSeed = BargainRequest.unsigned("euSmp", r.euSmp());
            inputName = "euSmp " + Long.toUnsignedString(euSeed) + (r.ra() ? " with accommodation" : "");
            input = inputName.getBytes(StandardCharsets.UTF_8);
            p = EuSmp.generate(euSeed, r.ra());
        } else {
            ScenarioCatalog.Source src = catalog.issue(r.input());
            input = src.bytes();
            // the file's name, not its path: the same issue has the same manifest wherever it was read from
            inputName = java.nio.file.Path.of(src.reference()).getFileName().toString();
            p = BargainingInputs.parse(src.file(), input);
        }
        SmpParameters params = p.parameters();
        for (Map.Entry<String, String> e : r.modelInOrder().entrySet()) {
            params = params.with(e.getKey(), e.getValue()); // checked by the request
        }
        p = p.withParameters(params);
        if (r.seed() != null) {
            p = p.withSeed(BargainRequest.unsigned("seed", r.seed()));
        }
        Perturbation noise = Perturbation.parse(r.perturb());
        String inputHash = StudyService.sha256(input).substring(0, 16);
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("kind", r.kind());
        canonical.put("input", inputHash);
        canonical.put("model", p.parameters().describe());
        canonical.put("seed", Long.toUnsignedString(p.seed()));
        canonical.put("maxTurns", r.maxTurns());
        canonical.put("runs", r.runs());
        canonical.put("perturb", noise.toString());
        String json = StudyService.canonicalMapper().valueToTree(canonical).toString();
        String id = "bargain-" + StudyService.safe(p.name()) + "-"
                + StudyService.sha256(json).substring(0, 12);
        Map<String, Object> m = service.head(r.kind(), id);
        m.put("request", canonical);
        m.put("scenario", p.name());
        m.put("issue", p.name());
        m.put("input", inputName);
        m.put("scenarioHash", inputHash);
        m.put("inputHash", inputHash);
        m.put("seed", Long.toUnsignedString(p.seed()));
        m.put("maxTurns", r.maxTurns());
        m.put("perturb", noise.toString());
        Map<String, String> model = new LinkedHashMap<>();
        for (int k = 0; k < SmpParameters.NAMES.size(); k++) {
            model.put(SmpParameters.NAMES.get(k), p.parameters().values().get(k).ktabName());
        }
        m.put("parameters", model);
        BargainRequest resolved = new BargainRequest(
                r.input(),
                r.euSmp(),
                r.ra(),
                Long.toUnsignedString(p.seed()),
                r.maxTurns(),
                r.model(),
                r.runs(),
                r.perturb());
        return StudyService.prepared(resolved, p, id, json, m);
    }

    private static double[][] table(BargainEnsembleJob job, BargainEnsembleJob.Rows rows) {
        double[][] t = new double[job.runs()][];
        for (int r = 0; r < t.length; r++) {
            t[r] = job.row(rows, r);
        }
        return t;
    }

    static StudyService.Outcome run(StudyService.Prepared prepared, BargainRequest r, StudyService.Context ctx)
            throws Exception {
        BargainingProblem p = prepared.problem();
        if (r.runs() == 1) {
            ctx.execution().progress().update(0, 1);
            boolean parallel = !ctx.executor().describe().equals("threads(1)");
            SmpHistory h = SmpModel.run(p, r.maxTurns(), parallel);
            ctx.execution().progress().update(1, 1);
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("turns", h.turns());
            extras.put("stopReason", h.stopReason().name());
            extras.put("notes", h.notes());
            return new StudyService.Outcome(new StudyResult.Bargain(p, h, r.maxTurns()), p.seed(), 1, "single", extras);
        }
        Perturbation noise = Perturbation.parse(r.perturb());
        BargainEnsembleJob job = new BargainEnsembleJob(p, noise, p.seed(), r.runs(), r.maxTurns());
        BargainEnsembleJob.Rows rows = ctx.run(job, prepared.id());
        return new StudyService.Outcome(
                new StudyResult.BargainEnsemble(p, noise, table(job, rows), BargainSummary.of(job, rows, p)),
                p.seed(),
                r.runs(),
                ctx.executor().describe(),
                Map.of());
    }
}
