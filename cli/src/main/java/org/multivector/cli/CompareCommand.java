package org.multivector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;
import org.multivector.store.ResultsDatabase;
import org.multivector.store.RunDirectory;
import org.multivector.study.CompareJob;
import org.multivector.study.CompareStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector compare}: counterfactual strategies for one state with common random numbers. */
@Command(
        name = "compare",
        description = "Compare strategies for one state from a branch year on, with common random numbers:"
                + " paired differences with 95% confidence intervals and P(better). Default: does Kazakhstan's"
                + " multi-vector policy make Central Asia more stable than the alternatives?")
final class CompareCommand implements Callable<Integer> {
    static final String DEFAULT_STRATEGIES = "multi-vector,bandwagon:RUS,bandwagon:CHN,bandwagon:WEST,neutral";

    @Mixin
    ScenarioOption scenarioOption = new ScenarioOption();

    @Mixin
    StudyOptions study = new StudyOptions();

    @Option(names = "--actor", defaultValue = "KAZ", description = "The state whose strategy varies (default: KAZ).")
    String actor;

    @Option(
            names = "--strategies",
            defaultValue = DEFAULT_STRATEGIES,
            split = ",",
            description = "Strategies to compare; the first is the baseline (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(
            names = "--from",
            defaultValue = "2024",
            paramLabel = "YEAR",
            description = "Branch year: strategies differ from this year on (default: ${DEFAULT-VALUE}).")
    int branchYear;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        study.check();
        StudySupport.Prepared prepared = StudySupport.prepare(scenarioOption, List.of(), null, null);
        Scenario s = prepared.scenario();
        check(s);
        CompareJob job = new CompareJob(prepared.spec(), actor, strategies, branchYear, study.seed, study.runs);
        String name = study.name != null
                ? study.name
                : s.name() + "-compare-" + actor + "-" + branchYear + "-seed" + study.seed + "-n" + study.runs;
        String studyId = s.hash() + "-compare-" + actor + "-" + branchYear + "-" + String.join("|", strategies) + "-"
                + study.seed + "-" + study.runs;
        Path checkpoint = StudySupport.checkpoint(study, name);
        StudySupport.Outcome<CompareStats> outcome = StudySupport.run(spec, study, job, studyId, checkpoint, "compare");
        if (outcome == null) {
            return 130;
        }
        CompareStats stats = outcome.total();
        String executor = outcome.executor();
        double seconds = outcome.seconds();
        CompiledScenario c = prepared.spec().compiled();
        List<Variable> vars = c.variables();
        Map<String, Object> manifest = RunCommand.manifest(s, scenarioOption.describe(), "compare", study.seed);
        manifest.put("studyId", studyId);
        manifest.put("actor", actor);
        manifest.put("strategies", strategies);
        manifest.put("branchYear", branchYear);
        manifest.put("runs", study.runs);
        manifest.put("executor", executor);
        manifest.put("seconds", seconds);
        String report = report(s, c, job, stats);
        Path dir = RunDirectory.writeAtomically(study.out, name, tmp -> {
            writeCsv(tmp.resolve("comparison.csv"), studyId, job, stats);
            RunDirectory.writeJson(tmp.resolve("manifest.json"), manifest);
            Files.writeString(tmp.resolve("report.html"), report, StandardCharsets.UTF_8);
        });
        String manifestJson = new ObjectMapper().writeValueAsString(manifest);
        ResultsDatabase.with(
                study.out,
                db -> db.writeComparison(
                        new ResultsDatabase.Study(
                                studyId, "compare", s.name(), s.hash(), study.seed, study.runs, executor, manifestJson),
                        job,
                        vars,
                        c.firstYear(),
                        stats));
        StudySupport.deleteCheckpoint(checkpoint);
        if (!study.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            printTable(out, s, job, stats);
            out.printf(
                    Locale.ROOT,
                    "%n%d runs × %d strategies in %.1f s (%s). Wrote %s/ (comparison.csv, manifest.json, report.html)"
                            + " and %s%n",
                    study.runs,
                    strategies.size(),
                    seconds,
                    executor,
                    dir,
                    study.out.resolve(ResultsDatabase.FILE));
            out.flush();
        }
        return 0;
    }

    private void check(Scenario s) {
        List<Problem> problems = new ArrayList<>();
        List<String> states = s.regionalStates().stream().map(Actor::id).toList();
        if (!states.contains(actor)) {
            problems.add(new Problem(
                    "--actor",
                    0,
                    0,
                    "",
                    "'" + actor + "' is not a regional state of " + s.name() + " (expected one of "
                            + String.join(", ", states) + ")",
                    null));
        }
        for (String t : strategies) {
            try {
                StrategySpec sp = StrategySpec.parse(t);
                if (sp.pole() != null && s.poles().stream().noneMatch(p -> p.id().equals(sp.pole()) && !p.residual())) {
                    problems.add(
                            new Problem("--strategies", 0, 0, "", "unknown pole '" + sp.pole() + "' in " + t, null));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("--strategies", 0, 0, "", e.getMessage(), null));
            }
        }
        if (strategies.size() < 2) {
            problems.add(
                    new Problem("--strategies", 0, 0, "", "need at least two strategies, got " + strategies, null));
        }
        if (branchYear <= s.time().start() || branchYear > s.time().end()) {
            problems.add(new Problem(
                    "--from",
                    0,
                    0,
                    "",
                    branchYear + " is outside " + (s.time().start() + 1) + ".."
                            + s.time().end() + " (expected a year after the first simulated year)",
                    null));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    private static String ci(CompareStats st, int s, int m, String fmt) {
        double d = st.meanDiff(s, m);
        double h = st.diffHalfWidth(s, m);
        return String.format(Locale.ROOT, fmt + " [" + fmt + ", " + fmt + "]", d, d - h, d + h);
    }

    private void printTable(PrintWriter out, Scenario s, CompareJob job, CompareStats st) {
        List<String> metrics = job.metricNames();
        int bal = metrics.indexOf(actor + " balance");
        int exp = metrics.indexOf(actor + " exposure");
        out.printf(
                Locale.ROOT,
                "%s: strategies for %s from %d, %d runs each with common random numbers%n"
                        + "Outcomes are means over %d–%d; Δ = strategy − %s, with 95%% CI; P = share of runs where the"
                        + " strategy is better%n%n",
                s.title(),
                actor,
                branchYear,
                st.runs(),
                branchYear,
                s.time().end(),
                strategies.get(0));
        out.printf(
                "%-16s %6s  %-24s %5s  %-27s %5s  %-27s  %-27s%n",
                "strategy",
                "RSI",
                "ΔRSI",
                "P",
                "Δ incident prob./yr",
                "P",
                "Δ " + actor + " balance",
                "Δ " + actor + " exposure");
        for (int k = 0; k < strategies.size(); k++) {
            out.printf(
                    Locale.ROOT,
                    "%-16s %6.2f  %-24s %5s  %-27s %5s  %-27s  %-27s%n",
                    strategies.get(k),
                    st.mean(k, 0),
                    k == 0 ? "(baseline)" : ci(st, k, 0, "%+.2f"),
                    k == 0 ? "" : String.format(Locale.ROOT, "%.2f", st.pBetter(k, 0)),
                    k == 0 ? String.format(Locale.ROOT, "(%.3f)", st.mean(0, 2)) : ci(st, k, 2, "%+.4f"),
                    k == 0 ? "" : String.format(Locale.ROOT, "%.2f", st.pBetter(k, 2)),
                    k == 0 ? String.format(Locale.ROOT, "(%.3f)", st.mean(0, bal)) : ci(st, k, bal, "%+.3f"),
                    k == 0 ? String.format(Locale.ROOT, "(%.3f)", st.mean(0, exp)) : ci(st, k, exp, "%+.3f"));
        }
        int best = 0;
        for (int k = 1; k < strategies.size(); k++) {
            if (st.mean(k, 0) > st.mean(best, 0)) {
                best = k;
            }
        }
        out.println();
        if (best == 0) {
            out.printf(
                    Locale.ROOT,
                    "Answer: %s gives the highest mean RSI; the closest alternative differs by %s points.%n",
                    strategies.get(0),
                    closest(st));
        } else {
            out.printf(
                    Locale.ROOT,
                    "Answer: %s gives a higher mean RSI than %s (%s points, P(better) = %.2f).%n",
                    strategies.get(best),
                    strategies.get(0),
                    ci(st, best, 0, "%+.2f"),
                    st.pBetter(best, 0));
        }
    }

    private String closest(CompareStats st) {
        int k = 1;
        for (int j = 2; j < strategies.size(); j++) {
            if (st.meanDiff(j, 0) > st.meanDiff(k, 0)) {
                k = j;
            }
        }
        return strategies.get(k) + " " + ci(st, k, 0, "%+.2f");
    }

    static void writeCsv(Path file, String studyId, CompareJob job, CompareStats st) throws java.io.IOException {
        List<String> metrics = job.metricNames();
        int[] better = job.better();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "study_id,actor,branch_year,strategy,baseline,metric,better,mean,diff,diff_lo,diff_hi,p_better,runs\n");
            for (int k = 0; k < job.strategies().size(); k++) {
                for (int m = 0; m < metrics.size(); m++) {
                    double d = st.meanDiff(k, m);
                    double h = st.diffHalfWidth(k, m);
                    w.write(String.join(
                                    ",",
                                    RunDirectory.csv(studyId),
                                    job.actor(),
                                    Integer.toString(job.branchYear()),
                                    RunDirectory.csv(job.strategies().get(k)),
                                    RunDirectory.csv(job.strategies().get(0)),
                                    RunDirectory.csv(metrics.get(m)),
                                    better[m] > 0 ? "higher" : "lower",
                                    Double.toString(st.mean(k, m)),
                                    Double.toString(d),
                                    Double.isNaN(h) ? "" : Double.toString(d - h),
                                    Double.isNaN(h) ? "" : Double.toString(d + h),
                                    Double.toString(st.pBetter(k, m)),
                                    Long.toString(st.runs()))
                            + "\n");
                }
            }
        }
    }

    private String report(Scenario s, CompiledScenario c, CompareJob job, CompareStats st) {
        StringBuilder b = new StringBuilder(StudyReport.head(
                s.title() + " — strategies for " + actor + " from " + branchYear,
                "scenario " + s.name() + " · hash " + s.hash() + " · " + st.runs()
                        + " runs per strategy, common random numbers · baseline " + strategies.get(0)
                        + " · multivector " + Main.VERSION));
        List<String> metrics = job.metricNames();
        b.append("<h2>Paired differences from ")
                .append(HtmlReport.esc(strategies.get(0)))
                .append("</h2>");
        b.append("<div class=\"grid\">");
        for (String metric : List.of("rsi", "incident.p", actor + " balance", actor + " exposure")) {
            int m = metrics.indexOf(metric);
            List<StudyReport.Row> rows = new ArrayList<>();
            for (int k = 1; k < strategies.size(); k++) {
                double d = st.meanDiff(k, m);
                double h = st.diffHalfWidth(k, m);
                rows.add(new StudyReport.Row(strategies.get(k), d, d - h, d + h));
            }
            b.append(StudyReport.forest(
                    "Δ " + metric + " (mean over " + branchYear + "–" + s.time().end() + ", 95 % CI; "
                            + (job.better()[m] > 0 ? "higher" : "lower") + " is better)",
                    rows,
                    560));
        }
        b.append("</div><h2>Outcomes</h2><table><tr><th>strategy</th>");
        for (String m : metrics) {
            b.append("<th>").append(HtmlReport.esc(m)).append("</th>");
        }
        b.append("</tr>");
        for (int k = 0; k < strategies.size(); k++) {
            b.append("<tr><th>").append(HtmlReport.esc(strategies.get(k))).append("</th>");
            for (int m = 0; m < metrics.size(); m++) {
                b.append(String.format(Locale.ROOT, "<td>%.3f</td>", st.mean(k, m)));
            }
            b.append("</tr>");
        }
        b.append("</table>");
        List<Variable> bandVars = job.bandVariables();
        b.append("<h2>Bands over time</h2><div class=\"grid\">");
        for (int v = 0; v < bandVars.size(); v++) {
            Variable var = bandVars.get(v);
            boolean rsi = var.name().equals("rsi");
            List<StudyReport.Band> bands = new ArrayList<>();
            for (int k = 0; k < strategies.size(); k++) {
                bands.add(new StudyReport.Band(
                        strategies.get(k), st.bands(k), v, HtmlReport.COLOURS[k % HtmlReport.COLOURS.length]));
            }
            b.append(StudyReport.bands(
                    (var.actor().equals(Variable.REGION) ? "" : var.actor() + " ") + var.name(),
                    c.firstYear(),
                    bands,
                    0,
                    rsi ? 100 : 1,
                    rsi ? 760 : 560));
        }
        b.append("</div></body></html>");
        return b.toString();
    }

    static List<String> defaults() {
        return Arrays.asList(DEFAULT_STRATEGIES.split(","));
    }
}
