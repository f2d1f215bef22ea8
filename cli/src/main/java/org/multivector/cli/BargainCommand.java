package org.multivector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.multivector.bargain.BargainEnsembleJob;
import org.multivector.bargain.BargainingInputs;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.Distribution;
import org.multivector.bargain.EuSmp;
import org.multivector.bargain.Perturbation;
import org.multivector.bargain.ShortestDouble;
import org.multivector.bargain.SmpHistory;
import org.multivector.bargain.SmpModel;
import org.multivector.bargain.SmpParameters;
import org.multivector.store.ResultsDatabase;
import org.multivector.store.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code multivector bargain}: KTAB's Spatial Model of Politics on an issue file (KTAB CSV or XML,
 * or Multivector YAML); one run, or an ensemble over perturbed inputs (docs/BARGAINING.md).
 */
@Command(
        name = "bargain",
        description = "Forecast a negotiation with the spatial model of politics (KTAB SMP): turn-by-turn positions,"
                + " the forecast outcome and each position's chance; --runs N for an ensemble over perturbed inputs.")
final class BargainCommand implements Callable<Integer> {
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

    @Option(
            names = "--max-turns",
            defaultValue = "100",
            description = "Most bargaining turns (default: ${DEFAULT-VALUE}, KTAB's limit).")
    int maxTurns;

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

    @Option(
            names = "--runs",
            defaultValue = "1",
            description = "Number of runs; more than 1 makes an ensemble (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--perturb",
            paramLabel = "SPEC",
            description = "Input noise per ensemble run, e.g. positions=5,salience=10%,capability=20%"
                    + " (standard deviations: points of the 0-100 scale, or % of each value).")
    String perturb;

    @Option(names = "--threads", description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--engine", defaultValue = "local", description = "local (threads) or spark (ensembles).")
    String engine;

    @Option(names = "--master", description = "Spark master URL (default: local[*]).")
    String master;

    @Option(
            names = "--out",
            defaultValue = "runs",
            description = "Parent directory of result directories and of results.duckdb (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", description = "Result directory name (default: bargain-<issue>).")
    String name;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing but errors.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((file == null) == (euSmp == null)) {
            throw new IllegalArgumentException("--eu-smp or FILE: give exactly one issue (a file, or --eu-smp SEED)");
        }
        if (ra && euSmp == null) {
            throw new IllegalArgumentException("--ra needs --eu-smp SEED");
        }
        if (maxTurns < 1 || maxTurns > 10_000) {
            throw new IllegalArgumentException("--max-turns must be between 1 and 10000, got " + maxTurns);
        }
        if (runs < 1 || runs > 100_000) {
            throw new IllegalArgumentException("--runs must be between 1 and 100000, got " + runs);
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new IllegalArgumentException("--threads must be between 1 and 1024, got " + threads);
        }
        if (runs == 1 && (!engine.equals("local") || master != null)) {
            throw new IllegalArgumentException("--engine and --master apply to ensembles: add --runs N with N > 1");
        }
        Perturbation noise = Perturbation.parse(perturb);
        if (runs == 1 && !noise.isNone()) {
            throw new IllegalArgumentException("--perturb needs --runs N with N > 1");
        }
        // The input is read once: parsed, and hashed into the study id.
        byte[] inputBytes = file != null
                ? BargainingInputs.read(file)
                : ("--eu-smp " + euSmp + (ra ? " --ra" : "")).getBytes(StandardCharsets.UTF_8);
        BargainingProblem problem = load(inputBytes);
        // The study id covers everything that determines the result (the seed is added to it below).
        String hash = sha(inputBytes, problem, maxTurns);
        String dirName = name != null ? name : "bargain-" + safe(problem.name());
        if (!dirName.matches("[A-Za-z0-9._-]{1,100}") || dirName.startsWith(".")) {
            throw new IllegalArgumentException("--name '" + dirName
                    + "' is not a plain directory name (expected letters, digits, '.', '_' or '-')");
        }
        if (runs == 1) {
            return single(problem, hash, dirName);
        }
        return ensemble(problem, noise, hash, dirName);
    }

    private BargainingProblem load(byte[] input) {
        BargainingProblem p = euSmp != null
                ? EuSmp.generate(parseSeed("--eu-smp", euSmp), ra)
                : BargainingInputs.parse(file.toString(), input);
        SmpParameters params = p.parameters();
        String[][] given = {
            {"VictoryProbModel", vpm, "--victory-prob-model"},
            {"PCEModel", pcem, "--pce-model"},
            {"StateTransitions", stm, "--state-transitions"},
            {"VotingRule", vr, "--voting-rule"},
            {"BigRAdjust", bigRAdjust, "--big-r-adjust"},
            {"BigRRange", bigRRange, "--big-r-range"},
            {"ThirdPartyCommit", tpc, "--third-party-commit"},
            {"InterVecBrgn", ivb, "--inter-vec-brgn"},
            {"BargnModel", bargnModel, "--bargn-model"}
        };
        for (String[] g : given) {
            if (g[1] != null) {
                try {
                    params = params.with(g[0], g[1]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(g[2] + ": " + e.getMessage());
                }
            }
        }
        p = p.withParameters(params);
        if (seed != null) {
            p = p.withSeed(parseSeed("--seed", seed));
        }
        return p;
    }

    private static long parseSeed(String option, String text) {
        try {
            return Long.parseUnsignedLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " '" + text + "' is not a whole number in 0..18446744073709551615");
        }
    }

    private int single(BargainingProblem p, String hash, String dirName) throws Exception {
        long t0 = System.nanoTime();
        SmpHistory h = SmpModel.run(p, maxTurns, threads == null || threads > 1);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String studyId = "bargain-" + hash.substring(0, 12) + "-" + Long.toUnsignedString(p.seed());
        Map<String, Object> manifest = manifest(p, hash, "bargain", 1);
        manifest.put("studyId", studyId);
        manifest.put("turns", h.turns());
        manifest.put("stopReason", h.stopReason().name());
        manifest.put("notes", h.notes());
        manifest.put("seconds", seconds);
        String report = BargainReport.single(h);
        byte[] positions = positionsCsv(h);
        Path dir = RunDirectory.writeAtomically(out, dirName, tmp -> {
            Files.write(tmp.resolve("positions.csv"), positions);
            writeHistory(tmp.resolve("history.csv"), h);
            Files.writeString(tmp.resolve("report.html"), report, StandardCharsets.UTF_8);
            RunDirectory.writeJson(tmp.resolve("manifest.json"), manifest);
        });
        if (positionsCsv != null) {
            RunDirectory.writeFileAtomically(positionsCsv, positions);
        }
        List<ResultsDatabase.BargainPosition> rows = new ArrayList<>();
        for (int t = 0; t <= h.turns(); t++) {
            for (int i = 0; i < p.actorCount(); i++) {
                for (int d = 0; d < p.dimensionCount(); d++) {
                    rows.add(new ResultsDatabase.BargainPosition(
                            0,
                            t,
                            p.actors().get(i).strip(),
                            p.dimensions().get(d),
                            h.positions().get(t)[i][d] * 100,
                            h.ideals().get(t)[i][d] * 100,
                            h.winProbability().get(t)[i]));
                }
            }
        }
        List<ResultsDatabase.BargainOutcome> outcomes = new ArrayList<>();
        double[] outcome = h.weightedOutcome(h.turns());
        for (int d = 0; d < p.dimensionCount(); d++) {
            outcomes.add(new ResultsDatabase.BargainOutcome(
                    0,
                    h.turns(),
                    h.stopReason() == SmpHistory.StopReason.CONVERGED,
                    p.dimensions().get(d),
                    outcome[d] * 100));
        }
        String json = new ObjectMapper().writeValueAsString(manifest);
        ResultsDatabase.with(
                out,
                db -> db.writeBargain(
                        new ResultsDatabase.Study(studyId, "bargain", p.name(), hash, p.seed(), 1, "single", json),
                        rows,
                        outcomes));
        if (!quiet) {
            PrintWriter w = spec.commandLine().getOut();
            printSingle(w, h, seconds);
            w.printf(
                    "%nWrote %s/ (positions.csv, history.csv, report.html, manifest.json)%s and %s%n",
                    dir, positionsCsv != null ? ", " + positionsCsv : "", out.resolve(ResultsDatabase.FILE));
            w.flush();
        }
        return 0;
    }

    private int ensemble(BargainingProblem p, Perturbation noise, String hash, String dirName) throws Exception {
        if (positionsCsv != null) {
            throw new IllegalArgumentException("--positions-csv writes one run's history; drop it or --runs");
        }
        StudyOptions so = new StudyOptions();
        so.runs = runs;
        so.seed = p.seed();
        so.threads = threads;
        so.engine = engine;
        so.master = master;
        so.out = out;
        so.name = dirName;
        so.quiet = quiet;
        so.check();
        BargainEnsembleJob job = new BargainEnsembleJob(p, noise, p.seed(), runs, maxTurns);
        String fingerprint = hash + "|" + noise + "|" + Long.toUnsignedString(p.seed()) + "|" + runs + "|" + maxTurns;
        Path checkpoint = StudySupport.checkpoint(so, dirName);
        StudySupport.Outcome<BargainEnsembleJob.Rows> result =
                StudySupport.run(spec, so, job, fingerprint, checkpoint, "bargaining runs");
        if (result == null) {
            return 130;
        }
        BargainEnsembleJob.Rows total = result.total();
        String studyId = "bargain-ens-" + hash.substring(0, 12) + "-" + Long.toUnsignedString(p.seed()) + "-" + runs;
        Map<String, Object> manifest = manifest(p, hash, "bargain-ensemble", runs);
        manifest.put("studyId", studyId);
        manifest.put("perturb", noise.toString());
        manifest.put("executor", result.executor());
        manifest.put("seconds", result.seconds());
        BargainReport.Ensemble summary = BargainReport.Ensemble.of(job, total, p);
        String report = BargainReport.ensemble(p.name(), summary, noise, runs);
        Path dir = RunDirectory.writeAtomically(out, dirName, tmp -> {
            writeRuns(tmp.resolve("runs.csv"), job, total, p);
            Files.writeString(tmp.resolve("report.html"), report, StandardCharsets.UTF_8);
            RunDirectory.writeJson(tmp.resolve("manifest.json"), manifest);
        });
        List<ResultsDatabase.BargainPosition> rows = new ArrayList<>();
        List<ResultsDatabase.BargainOutcome> outcomes = new ArrayList<>();
        int n = p.actorCount();
        int dims = p.dimensionCount();
        for (int r = 0; r < runs; r++) {
            double[] row = job.row(total, r);
            int turns = (int) row[0];
            for (int d = 0; d < dims; d++) {
                outcomes.add(new ResultsDatabase.BargainOutcome(
                        r, turns, row[1] == 1, p.dimensions().get(d), row[2 + d]));
            }
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dims; d++) {
                    rows.add(new ResultsDatabase.BargainPosition(
                            r,
                            turns,
                            p.actors().get(i).strip(),
                            p.dimensions().get(d),
                            row[2 + dims + i * dims + d],
                            Double.NaN,
                            row[2 + dims + n * dims + i]));
                }
            }
        }
        String json = new ObjectMapper().writeValueAsString(manifest);
        ResultsDatabase.with(
                out,
                db -> db.writeBargain(
                        new ResultsDatabase.Study(
                                studyId, "bargain-ensemble", p.name(), hash, p.seed(), runs, result.executor(), json),
                        rows,
                        outcomes));
        StudySupport.deleteCheckpoint(checkpoint);
        if (!quiet) {
            PrintWriter w = spec.commandLine().getOut();
            printEnsemble(w, p, summary, noise, result.seconds());
            w.printf(
                    "%nWrote %s/ (runs.csv, report.html, manifest.json) and %s%n",
                    dir, out.resolve(ResultsDatabase.FILE));
            w.flush();
        }
        return 0;
    }

    private void printSingle(PrintWriter w, SmpHistory h, double seconds) {
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

    /** Every state when there are few; otherwise about 12 evenly spaced ones and the last. */
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

    private void printEnsemble(
            PrintWriter w, BargainingProblem p, BargainReport.Ensemble s, Perturbation noise, double seconds) {
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

    private static byte[] positionsCsv(SmpHistory h) {
        // CRLF line ends, as the reference files (written by Python's csv module) have.
        StringBuilder b = new StringBuilder("turn,actor,dim,pos_0_100,ideal_0_100\r\n");
        for (int t = 0; t <= h.turns(); t++) {
            for (int i = 0; i < h.problem().actorCount(); i++) {
                for (int d = 0; d < h.problem().dimensionCount(); d++) {
                    b.append(t).append(',').append(i).append(',').append(d).append(',');
                    b.append(ShortestDouble.format(h.positions().get(t)[i][d] * 100))
                            .append(',');
                    b.append(ShortestDouble.format(h.ideals().get(t)[i][d] * 100))
                            .append("\r\n");
                }
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeHistory(Path f, SmpHistory h) throws IOException {
        BargainingProblem p = h.problem();
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("turn,actor,dimension,position,ideal,win_probability,risk_attitude\n");
            for (int t = 0; t <= h.turns(); t++) {
                for (int i = 0; i < p.actorCount(); i++) {
                    for (int d = 0; d < p.dimensionCount(); d++) {
                        w.write(t + "," + RunDirectory.csv(p.actors().get(i).strip()) + ","
                                + RunDirectory.csv(p.dimensions().get(d)) + ","
                                + ShortestDouble.format(h.positions().get(t)[i][d] * 100) + ","
                                + ShortestDouble.format(h.ideals().get(t)[i][d] * 100) + ","
                                + ShortestDouble.format(h.winProbability().get(t)[i]) + ","
                                + ShortestDouble.format(h.risk().get(t)[i]) + "\n");
                    }
                }
            }
        }
    }

    private static void writeRuns(Path f, BargainEnsembleJob job, BargainEnsembleJob.Rows total, BargainingProblem p)
            throws IOException {
        int n = p.actorCount();
        int dims = p.dimensionCount();
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            StringBuilder head = new StringBuilder("run,turns,converged");
            for (String d : p.dimensions()) {
                head.append(',').append(RunDirectory.csv("outcome." + d));
            }
            for (String a : p.actors()) {
                for (String d : p.dimensions()) {
                    head.append(',').append(RunDirectory.csv("position." + a.strip() + "." + d));
                }
            }
            for (String a : p.actors()) {
                head.append(',').append(RunDirectory.csv("probability." + a.strip()));
            }
            w.write(head + "\n");
            for (int r = 0; r < job.runs(); r++) {
                double[] row = job.row(total, r);
                StringBuilder b = new StringBuilder();
                b.append(r).append(',').append((int) row[0]).append(',').append(row[1] == 1);
                for (int k = 2; k < 2 + dims + n * dims + n; k++) {
                    b.append(',').append(ShortestDouble.format(row[k]));
                }
                w.write(b + "\n");
            }
        }
    }

    private Map<String, Object> manifest(BargainingProblem p, String hash, String command, int runCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "multivector");
        m.put("version", Main.VERSION);
        m.put("command", command);
        m.put("issue", p.name());
        m.put("input", file != null ? file.toString() : "--eu-smp " + euSmp + (ra ? " --ra" : ""));
        m.put("inputHash", hash);
        m.put("seed", Long.toUnsignedString(p.seed()));
        m.put("runs", runCount);
        m.put("maxTurns", maxTurns);
        Map<String, String> params = new LinkedHashMap<>();
        for (int k = 0; k < SmpParameters.NAMES.size(); k++) {
            params.put(
                    SmpParameters.NAMES.get(k), p.parameters().values().get(k).ktabName());
        }
        m.put("parameters", params);
        m.put("createdAt", Instant.now().toString());
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    private static String sha(byte[] bytes, BargainingProblem p, int maxTurns) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(bytes);
        md.update(p.parameters().describe().getBytes(StandardCharsets.UTF_8));
        md.update(("max-turns " + maxTurns).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static String safe(String s) {
        String t = s.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        if (t.isEmpty()) {
            t = "issue";
        }
        return t.length() > 60 ? t.substring(0, 60) : t;
    }
}
