package org.multivector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;
import org.multivector.model.Scenario;
import org.multivector.store.ResultsDatabase;
import org.multivector.store.RunDirectory;
import org.multivector.study.EnsembleJob;
import org.multivector.study.SeriesStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector ensemble}: N runs with independent streams, summarised while streaming. */
@Command(
        name = "ensemble",
        description = "Run a scenario N times with independent random streams; write bands, frequencies and"
                + " end-state distributions to runs/<name>/ and runs/results.duckdb.")
final class EnsembleCommand implements Callable<Integer> {
    @Mixin
    ScenarioOption scenarioOption = new ScenarioOption();

    @Mixin
    StudyOptions study = new StudyOptions();

    @Option(names = "--from", paramLabel = "YEAR", description = "First simulated year (default: the scenario's).")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "Last simulated year (default: the scenario's).")
    Integer to;

    @Option(
            names = "--strategy",
            paramLabel = "STATE=STRATEGY",
            description = "Override a state's strategy, e.g. KAZ=bandwagon:RUS (repeatable).")
    List<String> strategies = new ArrayList<>();

    @Option(
            names = "--keep-runs",
            description =
                    "Also keep every run's raw series, as Parquet files in <name>/runs/ (local engine only; large).")
    boolean keepRuns;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        study.check();
        StudySupport.Prepared prepared = StudySupport.prepare(scenarioOption, strategies, from, to);
        Scenario s = prepared.scenario();
        if (keepRuns && !study.engine.equals("local")) {
            throw new IllegalArgumentException(
                    "--keep-runs needs --engine local (raw runs are written by local workers)");
        }
        EnsembleJob job = new EnsembleJob(prepared.spec(), study.seed, study.runs);
        String name = study.name != null ? study.name : s.name() + "-ensemble-seed" + study.seed + "-n" + study.runs;
        String studyId = s.hash() + "-ensemble-" + study.seed + "-" + study.runs;
        Path checkpoint = StudySupport.checkpoint(study, name);
        Path rawDir = study.out.resolve("." + name + ".raw");
        if (!study.resume) {
            if (Files.exists(rawDir)) {
                RunDirectory.deleteTree(rawDir);
            }
        }
        if (keepRuns) {
            CompiledScenario cs = prepared.spec().compiled();
            job = job.keepingRuns(new org.multivector.store.RawRunsParquet(rawDir, cs.variables(), cs.firstYear()));
        }
        PrintWriter out = spec.commandLine().getOut();
        // A checkpoint of a study that keeps its runs cannot resume one that does not, and back.
        String fingerprint = studyId + (keepRuns ? "+raw" : "");
        StudySupport.Outcome<SeriesStats> outcome =
                StudySupport.run(spec, study, job, fingerprint, checkpoint, "ensemble");
        if (outcome == null) {
            return 130;
        }
        SeriesStats stats = outcome.total();
        String executor = outcome.executor();
        double seconds = outcome.seconds();
        CompiledScenario c = prepared.spec().compiled();
        List<Variable> vars = c.variables();
        Map<String, Object> manifest = RunCommand.manifest(s, scenarioOption.describe(), "ensemble", study.seed);
        manifest.put("studyId", studyId);
        manifest.put("runs", study.runs);
        manifest.put("executor", executor);
        manifest.put("blockSize", EnsembleJob.BLOCK_SIZE);
        manifest.put(
                "quantiles",
                "fixed-bin histogram, " + SeriesStats.BINS + " bins per variable range; error at most one bin width");
        manifest.put("seconds", seconds);
        manifest.put("keepRuns", keepRuns);
        String report = report(s, c, stats);
        Path dir = RunDirectory.writeAtomically(study.out, name, tmp -> {
            writeSummary(tmp.resolve("summary.csv"), studyId, s, c.firstYear(), vars, stats);
            RunDirectory.writeJson(tmp.resolve("manifest.json"), manifest);
            Files.writeString(tmp.resolve("report.html"), report, StandardCharsets.UTF_8);
            if (keepRuns) {
                Files.move(rawDir, tmp.resolve("runs"));
            }
        });
        ResultsDatabase.with(study.out, db -> {
            try {
                db.writeEnsemble(
                        new ResultsDatabase.Study(
                                studyId,
                                "ensemble",
                                s.name(),
                                s.hash(),
                                study.seed,
                                study.runs,
                                executor,
                                new ObjectMapper().writeValueAsString(manifest)),
                        "scenario",
                        vars,
                        c.firstYear(),
                        stats);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        StudySupport.deleteCheckpoint(checkpoint);
        if (!study.quiet) {
            printTable(out, s, c, stats);
            out.printf(
                    Locale.ROOT,
                    "%n%d runs in %.1f s (%.0f runs/s, %s). Wrote %s/ (summary.csv, manifest.json, report.html) and"
                            + " %s%n",
                    study.runs,
                    seconds,
                    study.runs / seconds,
                    executor,
                    dir,
                    study.out.resolve(ResultsDatabase.FILE));
            out.flush();
        }
        return 0;
    }

    static void writeSummary(Path file, String studyId, Scenario s, int firstYear, List<Variable> vars, SeriesStats st)
            throws java.io.IOException {
        int[] cols = st.columns();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("study_id,scenario_hash,year,actor,variable,n,mean,sd,min,p05,p25,p50,p75,p95,max\n");
            String prefix = RunDirectory.csv(studyId) + "," + RunDirectory.csv(s.hash()) + ",";
            for (int y = 0; y < st.years(); y++) {
                for (int k = 0; k < cols.length; k++) {
                    Variable v = vars.get(cols[k]);
                    w.write(prefix + (firstYear + y) + "," + RunDirectory.csv(v.actor()) + ","
                            + RunDirectory.csv(v.name()) + "," + st.count(y, k));
                    for (double x : new double[] {
                        st.mean(y, k),
                        st.sd(y, k),
                        st.min(y, k),
                        st.quantile(y, k, 0.05),
                        st.quantile(y, k, 0.25),
                        st.quantile(y, k, 0.5),
                        st.quantile(y, k, 0.75),
                        st.quantile(y, k, 0.95),
                        st.max(y, k)
                    }) {
                        w.write(',');
                        if (!Double.isNaN(x)) {
                            w.write(Double.toString(x));
                        }
                    }
                    w.write('\n');
                }
            }
        }
    }

    private static void printTable(PrintWriter out, Scenario s, CompiledScenario c, SeriesStats st) {
        List<Variable> vars = c.variables();
        int rsi = vars.indexOf(new Variable(Variable.REGION, "rsi"));
        int inc = vars.indexOf(new Variable(Variable.REGION, "incidents.expected"));
        List<Actor> states = s.regionalStates();
        out.printf("%s — ensemble of %d runs (median [5%%–95%%])%n%n", s.title(), st.runs());
        StringBuilder h = new StringBuilder(String.format("%-5s %-18s %-9s", "year", "RSI", "incid/yr"));
        for (Actor a : states) {
            h.append(String.format(" %-6s", a.id()));
        }
        out.println(h + "   (mean balance index per state)");
        for (int y = 0; y < st.years(); y++) {
            int year = c.firstYear() + y;
            if (year % 5 != 0 && y != 0 && y != st.years() - 1) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%-5d %5.1f [%4.1f–%4.1f] %-9s",
                    year,
                    st.quantile(y, rsi, 0.5),
                    st.quantile(y, rsi, 0.05),
                    st.quantile(y, rsi, 0.95),
                    String.format(Locale.ROOT, "%.2f", st.mean(y, inc))));
            for (Actor a : states) {
                int b = vars.indexOf(new Variable(a.id(), "balance"));
                row.append(String.format(Locale.ROOT, " %-6.3f", st.mean(y, b)));
            }
            out.println(row);
        }
        out.println();
        out.println("Unrest frequency per state over all years (share of state-years with an unrest episode):");
        StringBuilder u = new StringBuilder(" ");
        for (Actor a : states) {
            int k = vars.indexOf(new Variable(a.id(), "unrest"));
            double sum = 0;
            int n = 0;
            for (int y = 0; y < st.years(); y++) {
                sum += st.mean(y, k);
                n++;
            }
            u.append(String.format(Locale.ROOT, " %s %.3f", a.id(), sum / n));
        }
        out.println(u);
    }

    private static String report(Scenario s, CompiledScenario c, SeriesStats st) {
        List<Variable> vars = c.variables();
        StringBuilder b = new StringBuilder(StudyReport.head(
                s.title() + " — ensemble",
                "scenario " + s.name() + " · hash " + s.hash() + " · " + st.runs() + " runs · multivector "
                        + Main.VERSION));
        b.append("<h2>Regional Stability Index</h2>");
        b.append(StudyReport.bands(
                "RSI (0–100)",
                c.firstYear(),
                List.of(new StudyReport.Band(
                        "RSI", st, vars.indexOf(new Variable(Variable.REGION, "rsi")), HtmlReport.COLOURS[4])),
                0,
                100,
                760));
        b.append("<h2>Vector balance per state</h2><div class=\"grid\">");
        int col = 0;
        for (Actor a : s.regionalStates()) {
            b.append(StudyReport.bands(
                    a.id() + ": balance index",
                    c.firstYear(),
                    List.of(new StudyReport.Band(
                            a.id(),
                            st,
                            vars.indexOf(new Variable(a.id(), "balance")),
                            HtmlReport.COLOURS[col++ % HtmlReport.COLOURS.length])),
                    0,
                    1,
                    380));
        }
        b.append("</div><h2>End state ")
                .append(c.firstYear() + st.years() - 1)
                .append(": distributions over runs</h2>");
        b.append("<table><tr><th>actor</th><th>variable</th><th>mean</th><th>sd</th><th>min</th><th>5 %</th>"
                + "<th>25 %</th><th>50 %</th><th>75 %</th><th>95 %</th><th>max</th></tr>");
        int last = st.years() - 1;
        List<Variable> endVars = new ArrayList<>();
        endVars.add(new Variable(Variable.REGION, "rsi"));
        endVars.add(new Variable(Variable.REGION, "structural-balance"));
        endVars.add(new Variable(Variable.REGION, "incidents"));
        for (Actor a : s.regionalStates()) {
            endVars.add(new Variable(a.id(), "balance"));
            endVars.add(new Variable(a.id(), "exposure"));
            endVars.add(new Variable(a.id(), "fragility"));
        }
        for (Variable v : endVars) {
            int k = vars.indexOf(v);
            if (k < 0) {
                continue;
            }
            b.append("<tr><th>")
                    .append(HtmlReport.esc(v.actor()))
                    .append("</th><th>")
                    .append(HtmlReport.esc(v.name()))
                    .append("</th>");
            for (double x : new double[] {
                st.mean(last, k),
                st.sd(last, k),
                st.min(last, k),
                st.quantile(last, k, 0.05),
                st.quantile(last, k, 0.25),
                st.quantile(last, k, 0.5),
                st.quantile(last, k, 0.75),
                st.quantile(last, k, 0.95),
                st.max(last, k)
            }) {
                b.append(String.format(Locale.ROOT, "<td>%.3f</td>", x));
            }
            b.append("</tr>");
        }
        b.append("</table><p><small>Quantiles from 200-bin histograms over each variable's range: within one bin width"
                + " (0.005 for indices in [0, 1], 0.5 for the RSI).</small></p>");
        b.append("<h2>Expected incidents per year (sum of dyad hazards)</h2>");
        b.append(StudyReport.bands(
                "expected incidents per year",
                c.firstYear(),
                List.of(new StudyReport.Band(
                        "incidents",
                        st,
                        vars.indexOf(new Variable(Variable.REGION, "incidents.expected")),
                        HtmlReport.COLOURS[0])),
                0,
                1,
                760));
        b.append("</body></html>");
        return b.toString();
    }
}
