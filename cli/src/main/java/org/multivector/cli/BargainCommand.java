package org.multivector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.Distribution;
import org.multivector.bargain.Perturbation;
import org.multivector.bargain.SmpHistory;
import org.multivector.bargain.SmpParameters;
import org.multivector.store.RunDirectory;
import org.multivector.study.BargainRequest;
import org.multivector.study.BargainSummary;
import org.multivector.study.RequestException;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code multivector bargain}: KTAB's Spatial Model of Politics on an issue file (KTAB CSV or XML,
 * or Multivector YAML); one run, or an ensemble over perturbed inputs (docs/BARGAINING.md).
 */
@Command(
        name = "bargain",
        description = "Forecast a negotiation with the spatial model of politics (KTAB SMP): turn-by-turn positions,"
                + " the forecast outcome and each position's chance; --runs N for an ensemble over perturbed inputs.")
final class BargainCommand extends StudyCommand {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "Issue file: KTAB CSV (.csv), KTAB XML (.xml) or Multivector YAML (.yaml).")
    Path file;

    @Option(
            names = "--eu-smp",
            paramLabel = "SEED",
            description = "Instead of FILE, KTAB's random --euSMP scenario drawn from SEED (unsigned 64-bit).")
    String euSmp;

    @Option(
            names = "--ra",
            description = "With --eu-smp: also draw a diagonal accommodation matrix (KTAB's --euSMP --ra).")
    boolean ra;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            description = "Seed of KTAB's generator (stochastic transitions) and of the ensemble's perturbations"
                    + " (default: the file's prngSeed or KTAB's default 15455440707583219804).")
    String seed;

    @Option(names = "--max-turns", description = "Most bargaining turns (default: 100, KTAB's limit).")
    Integer maxTurns;

    @Option(names = "--victory-prob-model", paramLabel = "M", description = "Linear, Square, Quartic, Octic or Binary.")
    String vpm;

    @Option(names = "--pce-model", paramLabel = "M", description = "Conditional, MarkovIncentive or MarkovUniform.")
    String pcem;

    @Option(names = "--state-transitions", paramLabel = "M", description = "Deterministic or Stochastic.")
    String stm;

    @Option(
            names = "--voting-rule",
            paramLabel = "R",
            description = "Binary, PropBin, Prop, PropCbc, Cubic or ASymProsp.")
    String vr;

    @Option(names = "--big-r-adjust", paramLabel = "A", description = "None, OneThird, Half, TwoThirds or Full.")
    String bigRAdjust;

    @Option(names = "--big-r-range", paramLabel = "R", description = "Min, Mid or Max.")
    String bigRRange;

    @Option(names = "--third-party-commit", paramLabel = "C", description = "NoCommit, SemiCommit or FullCommit.")
    String tpc;

    @Option(names = "--inter-vec-brgn", paramLabel = "I", description = "S1P1, S2P2 or S2PMax.")
    String ivb;

    @Option(names = "--bargn-model", paramLabel = "B", description = "InitOnlyInterp, InitRcvrInterp or PWCompInterp.")
    String bargnModel;

    @Option(
            names = "--positions-csv",
            paramLabel = "FILE",
            description = "Also write the position history in the layout of KTAB's reference positions.csv.")
    Path positionsCsv;

    @Option(names = "--runs", description = "Number of runs; more than 1 makes an ensemble (default: 1).")
    Integer runs;

    @Option(
            names = "--perturb",
            paramLabel = "SPEC",
            description = "Input noise per ensemble run, e.g. positions=5,salience=10%%,capability=20%%"
                    + " (standard deviations: points of the 0-100 scale, or %% of each value).")
    String perturb;

    /** The model options and the KTAB names they set. */
    Map<String, String> model() {
        String[][] given = {
            {"VictoryProbModel", vpm},
            {"PCEModel", pcem},
            {"StateTransitions", stm},
            {"VotingRule", vr},
            {"BigRAdjust", bigRAdjust},
            {"BigRRange", bigRRange},
            {"ThirdPartyCommit", tpc},
            {"InterVecBrgn", ivb},
            {"BargnModel", bargnModel}
        };
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] g : given) {
            if (g[1] != null) {
                m.put(g[0], g[1]);
            }
        }
        return m;
    }

    /** Options of {@link #model()}, by KTAB name, for messages. */
    static final Map<String, String> MODEL_OPTIONS = Map.of(
            "VictoryProbModel", "--victory-prob-model",
            "PCEModel", "--pce-model",
            "StateTransitions", "--state-transitions",
            "VotingRule", "--voting-rule",
            "BigRAdjust", "--big-r-adjust",
            "BigRRange", "--big-r-range",
            "ThirdPartyCommit", "--third-party-commit",
            "InterVecBrgn", "--inter-vec-brgn",
            "BargnModel", "--bargn-model");

    @Mixin
    ExecutorOptions executor = new ExecutorOptions();

    @Override
    ExecutorOptions executorOptions() {
        return executor;
    }

    @Override
    StudyRequest request() {
        if (positionsCsv != null && runs != null && runs > 1) {
            throw RequestException.of("positionsCsv", "writes one run's history; drop it or the ensemble's runs");
        }
        if ((runs == null || runs == 1) && (!executor.engine.equals("local") || executor.master != null)) {
            throw RequestException.of("engine", "the engine and master apply to ensembles: ask for more runs");
        }
        return new BargainRequest(
                file == null ? null : file.toString(), euSmp, ra, seed, maxTurns, model(), runs, perturb);
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        double seconds = ((Number) c.record().manifest().get("seconds")).doubleValue();
        if (c.result() instanceof StudyResult.Bargain b) {
            if (positionsCsv != null) {
                try {
                    RunDirectory.writeFileAtomically(
                            positionsCsv, java.nio.file.Files.readAllBytes(Path.of(c.location(), "positions.csv")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot write " + positionsCsv, e);
                }
                w.printf("Wrote %s%n", positionsCsv);
            }
            printSingle(w, b.history(), seconds);
        } else if (c.result() instanceof StudyResult.BargainEnsemble e) {
            printEnsemble(w, e.runs(), e.problem(), e.summary(), e.perturbation(), seconds);
        }
    }

    private static void printSingle(PrintWriter w, SmpHistory h, double seconds) {
        BargainingProblem p = h.problem();
        w.printf(
                Locale.ROOT,
                "%s: %d actors, %d dimension%s; seed %s%n",
                p.name(),
                p.actorCount(),
                p.dimensionCount(),
                p.dimensionCount() == 1 ? "" : "s",
                Long.toUnsignedString(p.seed()));
        w.printf("Model: %s%n", p.parameters().describe());
        w.printf(
                Locale.ROOT,
                "%d turns (%s) in %.2f s%n",
                h.turns(),
                h.stopReason().text(),
                seconds);
        for (String note : h.notes()) {
            w.printf("Note: %s%n", note);
        }
        int[] shown = shownStates(h.turns());
        int nameWidth = 8;
        for (String a : p.actors()) {
            nameWidth = Math.max(nameWidth, Math.min(25, a.strip().length()));
        }
        for (int d = 0; d < p.dimensionCount(); d++) {
            w.printf("%nPositions on %s (0-100) by turn%n", p.dimensions().get(d));
            header(w, nameWidth, shown);
            for (int i = 0; i < p.actorCount(); i++) {
                w.printf("%-" + nameWidth + "s", p.actors().get(i).strip());
                for (int t : shown) {
                    w.printf(Locale.ROOT, " %6.1f", h.positions().get(t)[i][d] * 100);
                }
                w.println();
            }
        }
        w.printf("%nProbability that each actor's position wins (PCE) by turn%n");
        header(w, nameWidth, shown);
        for (int i = 0; i < p.actorCount(); i++) {
            w.printf("%-" + nameWidth + "s", p.actors().get(i).strip());
            for (int t : shown) {
                w.printf(Locale.ROOT, " %6.3f", h.winProbability().get(t)[i]);
            }
            w.println();
        }
        double[] outcome = h.weightedOutcome(h.turns());
        double[] start = h.weightedOutcome(0);
        w.printf("%nForecast (capability x salience weighted mean of final positions; 0-100)%n");
        for (int d = 0; d < p.dimensionCount(); d++) {
            w.printf(
                    Locale.ROOT,
                    "  %-20s %6.1f   (starting weighted mean %.1f)%n",
                    p.dimensions().get(d),
                    outcome[d] * 100,
                    start[d] * 100);
            if (!p.scales().get(d).isEmpty()) {
                w.printf("  %-20s %s%n", "", p.scales().get(d));
            }
        }
        int best = 0;
        double[] fin = h.finalWinProbability();
        for (int i = 1; i < fin.length; i++) {
            if (fin[i] > fin[best]) {
                best = i;
            }
        }
        StringBuilder pos = new StringBuilder();
        for (int d = 0; d < p.dimensionCount(); d++) {
            pos.append(d == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%.1f", h.finalPositions()[best][d] * 100));
        }
        w.printf(
                Locale.ROOT,
                "Most likely final position: %s's (%s), probability %.3f%n",
                p.actors().get(best).strip(),
                pos,
                fin[best]);
    }

    private static void header(PrintWriter w, int nameWidth, int[] shown) {
        w.printf("%-" + nameWidth + "s", "actor");
        for (int t : shown) {
            w.printf(" %6s", "t" + t);
        }
        w.println();
    }

    static int[] shownStates(int turns) {
        if (turns <= 12) {
            int[] s = new int[turns + 1];
            for (int t = 0; t <= turns; t++) {
                s[t] = t;
            }
            return s;
        }
        int step = (int) Math.ceil(turns / 11.0);
        List<Integer> list = new ArrayList<>();
        for (int t = 0; t < turns; t += step) {
            list.add(t);
        }
        list.add(turns);
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void printEnsemble(
            PrintWriter w, int runs, BargainingProblem p, BargainSummary s, Perturbation noise, double seconds) {
        w.printf(
                Locale.ROOT,
                "%s: %d actors, %d dimension%s; %d runs, perturbation %s; seed %s%n",
                p.name(),
                p.actorCount(),
                p.dimensionCount(),
                p.dimensionCount() == 1 ? "" : "s",
                runs,
                noise,
                Long.toUnsignedString(p.seed()));
        w.printf("Model: %s%n", p.parameters().describe());
        w.printf(
                Locale.ROOT,
                "Turns: median %.0f (5-95%%: %.0f-%.0f); %.1f%% of runs converged; %.2f s%n",
                s.turns().p50(),
                s.turns().p05(),
                s.turns().p95(),
                100 * s.convergedShare(),
                seconds);
        if (noise.isNone() && p.parameters().stateTransitions() == SmpParameters.StateTransitions.DETERMINISTIC) {
            w.printf("Note: no --perturb and deterministic transitions: every run is the same run%n");
        }
        w.printf("%nForecast outcome per dimension (0-100)%n");
        w.printf("%-20s %7s %7s %7s %7s %7s %7s%n", "dimension", "mean", "sd", "p05", "p25", "p75", "p95");
        for (int d = 0; d < p.dimensionCount(); d++) {
            Distribution x = s.outcome().get(d);
            w.printf(
                    Locale.ROOT,
                    "%-20s %7.1f %7.2f %7.1f %7.1f %7.1f %7.1f%n",
                    p.dimensions().get(d),
                    x.mean(),
                    x.sd(),
                    x.p05(),
                    x.p25(),
                    x.p75(),
                    x.p95());
        }
        w.printf("%nFinal positions: median (5-95%%) per actor and dimension; mean probability of its position%n");
        for (int i = 0; i < p.actorCount(); i++) {
            StringBuilder b =
                    new StringBuilder(String.format("%-10s", p.actors().get(i).strip()));
            for (int d = 0; d < p.dimensionCount(); d++) {
                Distribution x = s.finalPosition().get(i).get(d);
                b.append(String.format(Locale.ROOT, "  %5.1f (%5.1f-%5.1f)", x.p50(), x.p05(), x.p95()));
            }
            b.append(String.format(
                    Locale.ROOT, "  P=%.3f", s.winProbability().get(i).mean()));
            w.println(b);
        }
    }
}
