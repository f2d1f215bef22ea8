package org.multivector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.store.ResultsDatabase;
import org.multivector.store.RunDirectory;
import org.multivector.study.SensitivityJob;
import org.multivector.validate.Sensitivity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector sensitivity}: Morris screening or Sobol indices over the parameters' ranges. */
@Command(
        name = "sensitivity",
        description = "Global sensitivity of the RSI, a state's balance and the gain of its strategy over an"
                + " alternative, over every parameter's range: Morris elementary effects or Sobol indices"
                + " (Saltelli sampling, bootstrap intervals).")
final class SensitivityCommand implements Callable<Integer> {
    @Mixin
    ScenarioOption scenarioOption = new ScenarioOption();

    @Mixin
    StudyOptions study = new StudyOptions();

    @Option(names = "--method", defaultValue = "morris", description = "morris or sobol (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--trajectories",
            defaultValue = "10",
            description = "Morris trajectories r (default: ${DEFAULT-VALUE}).")
    int trajectories;

    @Option(
            names = "--samples",
            defaultValue = "64",
            description = "Sobol base sample N; cost N·(k+2) points (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--runs-per-point",
            defaultValue = "10",
            description = "Runs per design point (default: ${DEFAULT-VALUE}).")
    int runsPerPoint;

    @Option(names = "--actor", defaultValue = "KAZ", description = "State whose balance and strategy gain are outputs.")
    String actor;

    @Option(
            names = "--alternative",
            defaultValue = "bandwagon:RUS",
            description = "Alternative strategy for the gain output (default: ${DEFAULT-VALUE}).")
    String alternative;

    @Option(names = "--from", defaultValue = "2024", description = "Outputs are means from this year on.")
    int fromYear;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        study.check();
        if (!method.equals("morris") && !method.equals("sobol")) {
            throw new IllegalArgumentException("--method must be morris or sobol, got '" + method + "'");
        }
        if (trajectories < 2 || trajectories > 10_000 || samples < 8 || samples > 1_000_000 || runsPerPoint < 1) {
            throw new IllegalArgumentException(
                    "--trajectories must be 2..10000, --samples 8..1000000 and" + " --runs-per-point at least 1");
        }
        StudySupport.Prepared prepared = StudySupport.prepare(scenarioOption, List.of(), null, null);
        Scenario s = prepared.scenario();
        if (s.regionalStates().stream().noneMatch(a -> a.id().equals(actor))) {
            throw new IllegalArgumentException("--actor " + actor + " is not a regional state of " + s.name());
        }
        if (fromYear < s.time().start() || fromYear > s.time().end()) {
            throw new IllegalArgumentException("--from " + fromYear + " is outside "
                    + s.time().start() + ".." + s.time().end());
        }
        List<Parameter> params = s.parameters().values().stream()
                .filter(p -> p.max() > p.min())
                .sorted(Comparator.comparing(Parameter::name))
                .toList();
        int k = params.size();
        String[] names = params.stream().map(Parameter::name).toArray(String[]::new);
        double[] lo = params.stream().mapToDouble(Parameter::min).toArray();
        double[] hi = params.stream().mapToDouble(Parameter::max).toArray();
        Sensitivity.MorrisDesign morris = null;
        Sensitivity.SobolDesign sobol = null;
        double[][] points;
        if (method.equals("morris")) {
            morris = Sensitivity.morrisDesign(k, trajectories, 4, study.seed);
            points = morris.points();
        } else {
            sobol = Sensitivity.sobolDesign(k, samples);
            points = sobol.points();
        }
        SensitivityJob job = new SensitivityJob(
                prepared.spec(), names, lo, hi, points, runsPerPoint, study.seed, actor, alternative, fromYear);
        String name = study.name != null
                ? study.name
                : s.name() + "-sensitivity-" + method + "-seed" + study.seed + "-n" + points.length;
        String studyId = s.hash() + "-sensitivity-" + method + "-" + study.seed + "-" + points.length + "-"
                + runsPerPoint + "-" + actor + "-" + alternative + "-" + fromYear;
        Path checkpoint = StudySupport.checkpoint(study, name);
        StudySupport.Outcome<SensitivityJob.Outputs> outcome =
                StudySupport.run(spec, study, job, studyId, checkpoint, "sensitivity");
        if (outcome == null) {
            return 130;
        }
        SensitivityJob.Outputs outputs = outcome.total();
        String executor = outcome.executor();
        double seconds = outcome.seconds();
        List<Row> rows = new ArrayList<>();
        for (int o = 0; o < SensitivityJob.OUTPUTS.size(); o++) {
            double[] y = outputs.column(o);
            if (morris != null) {
                Sensitivity.MorrisResult m = Sensitivity.morrisAnalyse(morris, y);
                for (int i = 0; i < k; i++) {
                    rows.add(new Row(
                            SensitivityJob.OUTPUTS.get(o),
                            names[i],
                            m.mu()[i],
                            m.muStar()[i],
                            m.sigma()[i],
                            Double.NaN,
                            Double.NaN,
                            Double.NaN,
                            Double.NaN,
                            Double.NaN,
                            Double.NaN));
                }
            } else {
                Sensitivity.SobolResult r = Sensitivity.sobolAnalyse(sobol, y, 500, study.seed);
                for (int i = 0; i < k; i++) {
                    rows.add(new Row(
                            SensitivityJob.OUTPUTS.get(o),
                            names[i],
                            Double.NaN,
                            Double.NaN,
                            Double.NaN,
                            r.first()[i],
                            r.firstLo()[i],
                            r.firstHi()[i],
                            r.total()[i],
                            r.totalLo()[i],
                            r.totalHi()[i]));
                }
            }
        }
        Map<String, Object> manifest = RunCommand.manifest(s, scenarioOption.describe(), "sensitivity", study.seed);
        manifest.put("studyId", studyId);
        manifest.put("method", method);
        manifest.put("points", points.length);
        manifest.put("runsPerPoint", runsPerPoint);
        manifest.put("actor", actor);
        manifest.put("alternative", alternative);
        manifest.put("from", fromYear);
        manifest.put("executor", executor);
        manifest.put("seconds", seconds);
        String report = report(s, points.length, rows);
        Path dir = RunDirectory.writeAtomically(study.out, name, tmp -> {
            writeCsv(tmp.resolve("sensitivity.csv"), studyId, rows);
            RunDirectory.writeJson(tmp.resolve("manifest.json"), manifest);
            Files.writeString(tmp.resolve("report.html"), report, StandardCharsets.UTF_8);
        });
        String manifestJson = new ObjectMapper().writeValueAsString(manifest);
        ResultsDatabase.with(
                study.out,
                db -> db.writeSensitivity(
                        new ResultsDatabase.Study(
                                studyId,
                                "sensitivity",
                                s.name(),
                                s.hash(),
                                study.seed,
                                (long) points.length * 2 * runsPerPoint,
                                executor,
                                manifestJson),
                        method,
                        rows.stream().map(Row::values).toList()));
        StudySupport.deleteCheckpoint(checkpoint);
        if (!study.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            print(out, s, points.length, rows, seconds, executor);
            out.printf(
                    "%nWrote %s/ (sensitivity.csv, manifest.json, report.html) and %s%n",
                    dir, study.out.resolve(ResultsDatabase.FILE));
            out.flush();
        }
        return 0;
    }

    /** One parameter's indices for one output. */
    record Row(
            String output,
            String parameter,
            double mu,
            double muStar,
            double sigma,
            double s1,
            double s1Lo,
            double s1Hi,
            double st,
            double stLo,
            double stHi) {
        double importance() {
            return Double.isNaN(muStar) ? st : muStar;
        }

        ResultsDatabase.SensitivityRow values() {
            return new ResultsDatabase.SensitivityRow(
                    output, parameter, mu, muStar, sigma, s1, s1Lo, s1Hi, st, stLo, stHi);
        }
    }

    private void print(PrintWriter out, Scenario s, int points, List<Row> rows, double seconds, String executor) {
        out.printf(
                Locale.ROOT,
                "%s: %s sensitivity over %d parameters, %d points × %d runs × 2 strategies (%.1f s, %s)%n",
                s.title(),
                method,
                rows.size() / SensitivityJob.OUTPUTS.size(),
                points,
                runsPerPoint,
                seconds,
                executor);
        out.printf(
                "Outputs: means over %d–%d of the RSI, %s's balance, and rsi.gain = RSI(scenario strategy) −"
                        + " RSI(%s=%s)%n",
                fromYear, s.time().end(), actor, actor, alternative);
        for (String o : SensitivityJob.OUTPUTS) {
            out.printf("%n%s — ten most influential parameters%n", o);
            List<Row> top = rows.stream()
                    .filter(r -> r.output().equals(o))
                    .sorted(Comparator.comparingDouble(Row::importance).reversed())
                    .limit(10)
                    .toList();
            if (method.equals("morris")) {
                out.printf("  %-30s %10s %10s %10s%n", "parameter", "mu*", "mu", "sigma");
                top.forEach(r -> out.printf(
                        Locale.ROOT, "  %-30s %10.4f %10.4f %10.4f%n", r.parameter(), r.muStar(), r.mu(), r.sigma()));
            } else {
                out.printf("  %-30s %22s %22s%n", "parameter", "S1 [95% CI]", "ST [95% CI]");
                top.forEach(r -> out.printf(
                        Locale.ROOT,
                        "  %-30s %6.3f [%6.3f,%6.3f] %6.3f [%6.3f,%6.3f]%n",
                        r.parameter(),
                        r.s1(),
                        r.s1Lo(),
                        r.s1Hi(),
                        r.st(),
                        r.stLo(),
                        r.stHi()));
            }
        }
    }

    private static void writeCsv(Path file, String studyId, List<Row> rows) throws java.io.IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("study_id,output,parameter,mu,mu_star,sigma,s1,s1_lo,s1_hi,st,st_lo,st_hi\n");
            for (Row r : rows) {
                StringBuilder b = new StringBuilder(RunDirectory.csv(studyId) + "," + r.output() + "," + r.parameter());
                for (double v : new double[] {
                    r.mu(), r.muStar(), r.sigma(), r.s1(), r.s1Lo(), r.s1Hi(), r.st(), r.stLo(), r.stHi()
                }) {
                    b.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
                }
                w.write(b + "\n");
            }
        }
    }

    private String report(Scenario s, int points, List<Row> rows) {
        StringBuilder b = new StringBuilder(StudyReport.head(
                s.title() + " — " + method + " sensitivity",
                "scenario " + s.name() + " · hash " + s.hash() + " · " + points + " points × " + runsPerPoint
                        + " runs · outputs from " + fromYear + " · multivector " + Main.VERSION));
        for (String o : SensitivityJob.OUTPUTS) {
            List<StudyReport.Row> bars = rows.stream()
                    .filter(r -> r.output().equals(o))
                    .sorted(Comparator.comparingDouble(Row::importance).reversed())
                    .limit(15)
                    .map(r -> method.equals("morris")
                            ? new StudyReport.Row(r.parameter(), r.muStar(), Double.NaN, Double.NaN)
                            : new StudyReport.Row(r.parameter(), r.st(), r.stLo(), r.stHi()))
                    .toList();
            b.append("<h2>").append(HtmlReport.esc(o)).append("</h2>");
            b.append(StudyReport.forest(
                    method.equals("morris")
                            ? o + ": μ* (mean absolute elementary effect over the parameter's range), 15 largest"
                            : o + ": total Sobol index with 95 % bootstrap interval, 15 largest",
                    bars,
                    760));
        }
        b.append("</body></html>");
        return b.toString();
    }
}
