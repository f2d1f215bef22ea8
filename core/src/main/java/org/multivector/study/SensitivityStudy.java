package org.multivector.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.validate.Sensitivity;

/**
 * {@code sensitivity}: Morris screening (Morris 1991; μ* of Campolongo, Cariboni &amp; Saltelli 2007) or Sobol
 * indices (Saltelli et al. 2010 estimators, bootstrap intervals) of the {@link SensitivityJob} outputs over every
 * parameter's range.
 */
final class SensitivityStudy {
    /** Bootstrap resamples of the Sobol intervals. */
    static final int BOOTSTRAP_DEFAULT = 500;

    private SensitivityStudy() {}

    static StudyService.Outcome run(StudyService.Prepared p, SensitivityRequest r, StudyService.Context ctx)
            throws Exception {
        Scenario s = p.scenario().scenario();
        List<Parameter> params = s.parameters().values().stream()
                .filter(x -> x.max() > x.min())
                .sorted(Comparator.comparing(Parameter::name))
                .toList();
        int k = params.size();
        String[] names = params.stream().map(Parameter::name).toArray(String[]::new);
        double[] lo = params.stream().mapToDouble(Parameter::min).toArray();
        double[] hi = params.stream().mapToDouble(Parameter::max).toArray();
        org.multivector.validate.Posterior post = p.posterior();
        if (post != null) {
            // a parameter the posterior holds varies over its marginal 90 % interval (dependence between them is
            // not kept: Morris and Sobol designs need independent inputs)
            for (int i = 0; i < k; i++) {
                int j = post.names().indexOf(names[i]);
                if (j >= 0) {
                    lo[i] = post.quantile(j, 0.05);
                    hi[i] = post.quantile(j, 0.95);
                }
            }
        }
        boolean morris = r.method().equals("morris");
        Sensitivity.MorrisDesign md = morris ? Sensitivity.morrisDesign(k, r.trajectories(), 4, r.seed()) : null;
        Sensitivity.SobolDesign sd = morris ? null : Sensitivity.sobolDesign(k, r.samples());
        double[][] points = morris ? md.points() : sd.points();
        SensitivityJob job = new SensitivityJob(
                p.scenario(), names, lo, hi, points, r.runsPerPoint(), r.seed(), r.actor(), r.alternative(), r.from());
        SensitivityJob.Outputs outputs = ctx.run(job, p.id());
        List<StudyResult.SensitivityRow> rows = new ArrayList<>();
        double nan = Double.NaN;
        for (int o = 0; o < SensitivityJob.OUTPUTS.size(); o++) {
            String out = SensitivityJob.OUTPUTS.get(o);
            double[] y = outputs.column(o);
            if (morris) {
                Sensitivity.MorrisResult m = Sensitivity.morrisAnalyse(md, y);
                for (int i = 0; i < k; i++) {
                    rows.add(new StudyResult.SensitivityRow(
                            out, names[i], m.mu()[i], m.muStar()[i], m.sigma()[i], nan, nan, nan, nan, nan, nan));
                }
            } else {
                Sensitivity.SobolResult x = Sensitivity.sobolAnalyse(sd, y, BOOTSTRAP_DEFAULT, r.seed());
                for (int i = 0; i < k; i++) {
                    rows.add(new StudyResult.SensitivityRow(
                            out,
                            names[i],
                            nan,
                            nan,
                            nan,
                            x.first()[i],
                            x.firstLo()[i],
                            x.firstHi()[i],
                            x.total()[i],
                            x.totalLo()[i],
                            x.totalHi()[i]));
                }
            }
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("points", points.length);
        return new StudyService.Outcome(
                new StudyResult.Sensitivity(
                        s,
                        r.method(),
                        points.length,
                        r.runsPerPoint(),
                        r.actor(),
                        r.alternative(),
                        r.from(),
                        SensitivityJob.OUTPUTS,
                        rows),
                r.seed(),
                (long) points.length * 2 * r.runsPerPoint(),
                ctx.executor().describe(),
                extras);
    }
}
