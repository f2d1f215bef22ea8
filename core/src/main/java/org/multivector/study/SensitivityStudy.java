package org.multivector.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
        org.multivector.validate.Posterior post = p.posterior();
        List<Parameter> params = new ArrayList<>(s.parameters().values().stream()
                .filter(x -> x.max() > x.min())
                .sorted(Comparator.comparing(Parameter::name))
                .toList());
        if (post != null) { // the structural assumptions the posterior holds vary too
            post.names().stream()
                    .filter(n -> !s.parameters().containsKey(n))
                    .forEach(n -> params.add(s.variable(n).orElseThrow()));
        }
        int k = params.size();
        String[] names = params.stream().map(Parameter::name).toArray(String[]::new);
        double[][] box = ranges(s, names, post);
        double[] lo = box[0];
        double[] hi = box[1];
        boolean morris = r.method().equals("morris");
        Sensitivity.MorrisDesign md = morris ? Sensitivity.morrisDesign(k, r.trajectories(), 4, r.seed()) : null;
        Sensitivity.SobolDesign sd = morris ? null : Sensitivity.sobolDesign(k, r.samples());
        double[][] points = morris ? md.points() : sd.points();
        SensitivityJob job = new SensitivityJob(
                p.scenario(),
                names,
                lo,
                hi,
                points,
                r.runsPerPoint(),
                r.seed(),
                r.actor(),
                r.baseline(),
                r.alternative(),
                r.from());
        SensitivityJob.Outputs outputs = ctx.run(job, p.id());
        List<StudyResult.SensitivityRow> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int o = 0; o < SensitivityJob.OUTPUTS.size(); o++) {
            String out = SensitivityJob.OUTPUTS.get(o);
            double[] y = outputs.column(o);
            if (morris) {
                rows.addAll(morrisRows(out, names, md, y, warnings));
            } else {
                rows.addAll(sobolRows(out, names, sd, y, r.seed(), warnings));
            }
        }
        if (morris && r.trajectories() < MORRIS_TRAJECTORIES_MIN) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "%d trajectories: Morris rankings settle from about %d (Campolongo, Cariboni & Saltelli 2007);"
                            + " raise the trajectories before reading the order of close parameters",
                    r.trajectories(),
                    MORRIS_TRAJECTORIES_MIN));
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("points", points.length);
        extras.put("warnings", warnings);
        if (post != null) {
            Map<String, Object> boxes = new LinkedHashMap<>();
            for (int i = 0; i < k; i++) {
                int j = post.names().indexOf(names[i]);
                if (j >= 0 && post.categories(j).isEmpty()) {
                    boxes.put(names[i], List.of(lo[i], hi[i]));
                }
            }
            extras.put("posteriorIntervals", boxes);
        }
        return new StudyService.Outcome(
                new StudyResult.Sensitivity(
                        s,
                        r.method(),
                        points.length,
                        r.runsPerPoint(),
                        r.actor(),
                        r.baseline(),
                        r.alternative(),
                        r.from(),
                        SensitivityJob.OUTPUTS,
                        rows,
                        warnings,
                        post == null ? null : post.describe()),
                r.seed(),
                (long) points.length * 2 * r.runsPerPoint(),
                ctx.executor().describe(),
                extras);
    }

    /**
     * The ranges a design samples: each parameter's stated range, or for a parameter the posterior holds its marginal
     * 90 % interval (dependence between them is not kept: Morris, Sobol and Latin-hypercube designs draw independent
     * inputs). Returns {lo, hi}.
     */
    static double[][] ranges(Scenario s, String[] names, org.multivector.validate.Posterior post) {
        double[] lo = new double[names.length];
        double[] hi = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            Parameter par = s.variable(names[i]).orElseThrow();
            lo[i] = par.min();
            hi[i] = par.max();
            int j = post == null ? -1 : post.names().indexOf(names[i]);
            if (j >= 0 && post.categories(j).isEmpty()) { // a categorical one keeps all its categories
                lo[i] = post.quantile(j, 0.05);
                hi[i] = post.quantile(j, 0.95);
            }
        }
        return new double[][] {lo, hi};
    }

    /** Below this many trajectories a Morris ranking is flagged as unsettled. */
    static final int MORRIS_TRAJECTORIES_MIN = 10;

    /** Sobol indices beyond [0, 1] by more than this, or intervals wider, are flagged: the base sample is too small. */
    static final double SOBOL_SLACK = 0.05;

    static final double SOBOL_WIDTH_MAX = 0.3;

    /**
     * Morris rows of one output; a parameter with an elementary effect that rests on a non-finite output gets a note
     * instead of indices, so it is never ranked, and the warnings say how many points failed.
     */
    static List<StudyResult.SensitivityRow> morrisRows(
            String out, String[] names, Sensitivity.MorrisDesign md, double[] y, List<String> warnings) {
        int k = names.length;
        int[] bad = new int[k];
        for (int t = 0; t < md.r(); t++) {
            for (int step = 0; step < k; step++) {
                int j = t * (k + 1) + step;
                if (!Double.isFinite(y[j]) || !Double.isFinite(y[j + 1])) {
                    bad[md.factor()[t * k + step]]++;
                }
            }
        }
        int badPoints = countNonFinite(y);
        Sensitivity.MorrisResult m = badPoints == 0 ? Sensitivity.morrisAnalyse(md, y) : null;
        double nan = Double.NaN;
        List<StudyResult.SensitivityRow> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (bad[i] > 0) {
                rows.add(new StudyResult.SensitivityRow(
                        out, names[i], nan, nan, nan, nan, nan, nan, nan, nan, nan, notComputed(bad[i], md.r())));
            } else if (m != null) {
                rows.add(new StudyResult.SensitivityRow(
                        out, names[i], m.mu()[i], m.muStar()[i], m.sigma()[i], nan, nan, nan, nan, nan, nan, null));
            } else {
                rows.add(morrisRowWithout(out, names, md, y, i));
            }
        }
        if (badPoints > 0) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "%s: the model gave a non-finite output at %d of %d design points; the parameters whose effects"
                            + " rest on them are not ranked (a model defect worth reporting, with the study's manifest)",
                    out,
                    badPoints,
                    y.length));
        }
        return rows;
    }

    private static String notComputed(int bad, int of) {
        return "not computed: " + bad + " of " + of + " elementary effects rest on a non-finite model output";
    }

    /** One factor's Morris statistics from its effects alone (used when other factors' effects failed). */
    private static StudyResult.SensitivityRow morrisRowWithout(
            String out, String[] names, Sensitivity.MorrisDesign md, double[] y, int factor) {
        int k = names.length;
        double sum = 0;
        double abs = 0;
        double sq = 0;
        int n = 0;
        for (int t = 0; t < md.r(); t++) {
            for (int step = 0; step < k; step++) {
                if (md.factor()[t * k + step] == factor) {
                    int j = t * (k + 1) + step;
                    double ee = (y[j + 1] - y[j]) / md.delta();
                    sum += ee;
                    abs += Math.abs(ee);
                    sq += ee * ee;
                    n++;
                }
            }
        }
        double mu = sum / n;
        double sigma = n > 1 ? Math.sqrt(Math.max(0, (sq - n * mu * mu) / (n - 1))) : Double.NaN;
        double nan = Double.NaN;
        return new StudyResult.SensitivityRow(
                out, names[factor], mu, abs / n, sigma, nan, nan, nan, nan, nan, nan, null);
    }

    /**
     * Sobol rows of one output. A non-finite output anywhere leaves no index computable (every estimator uses the
     * variance over all base points): every row gets a note. Indices outside [0, 1] beyond {@link #SOBOL_SLACK} and
     * intervals wider than {@link #SOBOL_WIDTH_MAX} are warned of: the base sample is too small for them.
     */
    static List<StudyResult.SensitivityRow> sobolRows(
            String out, String[] names, Sensitivity.SobolDesign sd, double[] y, long seed, List<String> warnings) {
        int k = names.length;
        double nan = Double.NaN;
        List<StudyResult.SensitivityRow> rows = new ArrayList<>();
        int badPoints = countNonFinite(y);
        if (badPoints > 0) {
            for (String name : names) {
                rows.add(new StudyResult.SensitivityRow(
                        out,
                        name,
                        nan,
                        nan,
                        nan,
                        nan,
                        nan,
                        nan,
                        nan,
                        nan,
                        nan,
                        "not computed: the model gave a non-finite output at " + badPoints + " design points"));
            }
            warnings.add(out + ": the model gave a non-finite output at " + badPoints + " of " + y.length
                    + " design points; no Sobol index of it can be computed (a model defect worth reporting)");
            return rows;
        }
        Sensitivity.SobolResult x = Sensitivity.sobolAnalyse(sd, y, BOOTSTRAP_DEFAULT, seed);
        List<String> outside = new ArrayList<>();
        List<String> wide = new ArrayList<>();
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
                    x.totalHi()[i],
                    null));
            for (double v : new double[] {x.first()[i], x.total()[i]}) {
                if (v < -SOBOL_SLACK || v > 1 + SOBOL_SLACK) {
                    outside.add(String.format(Locale.ROOT, "%s (%.2f)", names[i], v));
                    break;
                }
            }
            if (x.firstHi()[i] - x.firstLo()[i] > SOBOL_WIDTH_MAX
                    || x.totalHi()[i] - x.totalLo()[i] > SOBOL_WIDTH_MAX) {
                wide.add(names[i]);
            }
        }
        if (!outside.isEmpty()) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "%s: %d indices lie outside [0, 1] (%s): the base sample N = %d is too small for them; raise"
                            + " the samples (Saltelli et al. 2010 use N in the hundreds to thousands)",
                    out,
                    outside.size(),
                    String.join(", ", outside.subList(0, Math.min(5, outside.size())))
                            + (outside.size() > 5 ? ", …" : ""),
                    sd.n()));
        }
        if (!wide.isEmpty()) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "%s: %d parameters have a 95 %% bootstrap interval wider than %.1f (%s): read their indices as"
                            + " unresolved, or raise the samples",
                    out,
                    wide.size(),
                    SOBOL_WIDTH_MAX,
                    String.join(", ", wide.subList(0, Math.min(5, wide.size()))) + (wide.size() > 5 ? ", …" : "")));
        }
        return rows;
    }

    private static int countNonFinite(double[] y) {
        int n = 0;
        for (double v : y) {
            n += Double.isFinite(v) ? 0 : 1;
        }
        return n;
    }
}
