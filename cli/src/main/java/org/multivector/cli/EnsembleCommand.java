package org.multivector.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;
import org.multivector.model.Scenario;
import org.multivector.study.EnsembleRequest;
import org.multivector.study.SeriesStats;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code multivector ensemble}: N runs with independent streams, summarised while streaming. */
@Command(
        name = "ensemble",
        description = "Run a scenario N times with independent random streams; save bands, frequencies and"
                + " end-state distributions.")
final class EnsembleCommand extends StudyCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--seed", description = "Master seed (default: " + StudyRequest.SEED_DEFAULT + ").")
    Long seed;

    @Option(names = "--runs", description = "Number of runs (default: " + EnsembleRequest.RUNS_DEFAULT + ").")
    Long runs;

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
            description = "Also keep every run's raw series, as Parquet files in the study's runs/ (local engine"
                    + " only; large).")
    boolean keepRuns;

    @Option(
            names = "--variables",
            split = ",",
            paramLabel = "PATTERN",
            description = "Also summarise these variables: all, names or globs over NAME or ACTOR:NAME, e.g."
                    + " 'share.*' or 'KAZ:share.trade.*' (repeatable or comma-separated; default: the standard set,"
                    + " docs/RESULTS.md).")
    List<String> variables = new ArrayList<>();

    @Mixin
    PosteriorOption posterior = new PosteriorOption();

    @Mixin
    ExecutorOptions executor = new ExecutorOptions();

    @Override
    ExecutorOptions executorOptions() {
        return executor;
    }

    @Override
    StudyRequest request() {
        return new EnsembleRequest(
                scenario.choice(strategies, from, to), seed, runs, keepRuns, posterior.posterior, variables);
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        StudyResult.Ensemble e = (StudyResult.Ensemble) c.result();
        printTable(w, e.scenario(), e.variables(), e.firstYear(), e.stats());
        w.println(
                e.posterior() == null
                        ? "(Bands over the runs' randomness at the scenario's parameter values; --posterior adds"
                                + " parameter uncertainty.)"
                        : "(Each run drew its parameters from the posterior " + e.posterior() + ".)");
        double seconds = ((Number) c.record().manifest().get("seconds")).doubleValue();
        w.printf(
                Locale.ROOT,
                "%n%d runs in %.1f s (%.0f runs/s, %s).%n",
                e.stats().runs(),
                seconds,
                e.stats().runs() / seconds,
                c.record().executor());
    }

    static void printTable(PrintWriter out, Scenario s, List<Variable> vars, int firstYear, SeriesStats st) {
        int rsi = st.indexOf(vars.indexOf(new Variable(Variable.REGION, "rsi")));
        int inc = st.indexOf(vars.indexOf(new Variable(Variable.REGION, "incidents.expected")));
        List<Actor> states = s.regionalStates();
        out.printf("%s — ensemble of %d runs (median [5%%–95%%])%n%n", s.title(), st.runs());
        StringBuilder h = new StringBuilder(String.format("%-5s %-18s %-9s", "year", "RSI", "incid/yr"));
        for (Actor a : states) {
            h.append(String.format(" %-6s", a.id()));
        }
        out.println(h + "   (mean balance index per state)");
        for (int y = 0; y < st.years(); y++) {
            int year = firstYear + y;
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
                int b = st.indexOf(vars.indexOf(new Variable(a.id(), "balance")));
                row.append(String.format(Locale.ROOT, " %-6.3f", st.mean(y, b)));
            }
            out.println(row);
        }
        out.println();
        out.println("Unrest frequency per state over all years (share of state-years with an unrest episode):");
        StringBuilder u = new StringBuilder(" ");
        for (Actor a : states) {
            int k = st.indexOf(vars.indexOf(new Variable(a.id(), "unrest")));
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
}
