package org.multivector.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.multivector.model.Scenario;
import org.multivector.study.CompareRequest;
import org.multivector.study.CompareStats;
import org.multivector.study.EnsembleRequest;
import org.multivector.study.ScenarioChoice;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code multivector compare}: counterfactual strategies for one state with common random numbers. */
@Command(
        name = "compare",
        description = "Compare strategies for one state from a branch year on, with common random numbers:"
                + " paired differences with 95%% confidence intervals and P(better); with --posterior over the"
                + " posterior's parameters, with posterior predictive intervals and probabilities. Default: does"
                + " Kazakhstan's multi-vector policy make Central Asia more stable than the alternatives?")
final class CompareCommand extends StudyCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--seed", description = "Master seed (default: " + StudyRequest.SEED_DEFAULT + ").")
    Long seed;

    @Option(names = "--runs", description = "Runs per strategy (default: " + EnsembleRequest.RUNS_DEFAULT + ").")
    Long runs;

    @Option(names = "--actor", description = "The state whose strategy varies (default: the scenario's focus).")
    String actor;

    @Option(
            names = "--strategies",
            split = ",",
            description = "Strategies to compare, the first the baseline (default: the scenario's comparison, else"
                    + " multi-vector, bandwagon with each pole, neutral). A strategy may change over time:"
                    + " 'bandwagon:RUS; multi-vector from 2028'.")
    List<String> strategies;

    @Option(
            names = "--from",
            paramLabel = "YEAR",
            description =
                    "Branch year: strategies differ from this year on (default: after the last observed" + " year).")
    Integer from;

    @Option(
            names = "--no-decompose",
            description = "Skip the decomposition of each ΔRSI into the channels that carry it (one more comparison"
                    + " per channel).")
    boolean noDecompose;

    @Option(
            names = "--decompose-runs",
            paramLabel = "N",
            description = "Runs per strategy of the decomposition's comparisons, at most --runs (default: --runs up to "
                    + CompareRequest.DECOMPOSE_RUNS_DEFAULT
                    + "; fewer than --runs: a comparison of N runs on the same seed, whose ΔRSI is split).")
    Long decomposeRuns;

    @Mixin
    PosteriorOption posterior = new PosteriorOption();

    @Option(
            names = "--strategy",
            paramLabel = "STATE=STRATEGY",
            description = "Override another state's strategy, e.g. UZB=neutral (repeatable).")
    List<String> overrides = new java.util.ArrayList<>();

    @Mixin
    ExecutorOptions executor = new ExecutorOptions();

    @Override
    ExecutorOptions executorOptions() {
        return executor;
    }

    @Override
    StudyRequest request() {
        ScenarioChoice choice = scenario.choice(overrides, null, null);
        return new CompareRequest(
                choice,
                seed,
                runs,
                actor,
                strategies,
                from,
                noDecompose ? Boolean.FALSE : null,
                posterior.posterior,
                decomposeRuns);
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        StudyResult.Comparison r = (StudyResult.Comparison) c.result();
        printTable(w, r);
        if (r.decomposition() != null) {
            w.println();
            w.print(r.decomposition().text(r.strategies()));
        }
        w.printf(
                Locale.ROOT,
                "%n%d runs × %d strategies in %.1f s (%s).%n",
                r.stats().runs(),
                r.strategies().size(),
                ((Number) c.record().manifest().get("seconds")).doubleValue(),
                c.record().executor());
    }

    private static String ci(CompareStats st, int s, int m, String fmt) {
        double d = st.meanDiff(s, m);
        double h = st.diffHalfWidth(s, m);
        return String.format(Locale.ROOT, fmt + " [" + fmt + ", " + fmt + "]", d, d - h, d + h);
    }

    static void printTable(PrintWriter out, StudyResult.Comparison job) {
        Scenario s = job.scenario();
        CompareStats st = job.stats();
        String actor = job.actor();
        int branchYear = job.branchYear();
        List<String> strategies = job.strategies();
        List<String> metrics = job.metrics();
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
        out.println();
        out.println(org.multivector.study.CompareAnswer.of(job).sentence());
        if (job.posterior() != null) {
            out.println("(Each run drew its parameters from the posterior " + job.posterior() + " and simulated its own"
                    + " history; the table's CIs are of the means, the answer's intervals of the runs. Structural"
                    + " uncertainty the posterior does not sample stays out; docs/VALIDATION.md.)");
        } else {
            out.println("(The intervals cover the runs' randomness — shocks, draws, each run's own history — at the"
                    + " scenario's parameter values, not parameter or structural uncertainty: add --posterior;"
                    + " docs/VALIDATION.md.)");
        }
    }
}
