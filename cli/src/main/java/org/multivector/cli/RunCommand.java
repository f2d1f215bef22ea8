package org.multivector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Trajectory;
import org.multivector.model.Actor;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;
import org.multivector.store.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector run}: one trajectory of a scenario, printed as a table and written to a run directory. */
@Command(
        name = "run",
        description = "Simulate a scenario once; print a summary table and write runs/<name>/ (CSV, manifest, report).")
final class RunCommand implements Callable<Integer> {
    /** The default master seed: the year of the multi-vector doctrine. */
    static final long SEED_DEFAULT = 1992;

    @Mixin
    ScenarioOption scenarioOption = new ScenarioOption();

    @Option(
            names = "--seed",
            defaultValue = "" + SEED_DEFAULT,
            description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

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
            names = "--out",
            defaultValue = "runs",
            description = "Parent directory of run directories (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", description = "Run directory name (default: <scenario>-seed<seed>).")
    String name;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing but errors.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = configure(scenarioOption.load(), strategies, from, to);
        Engine engine = new Engine(CompiledScenario.of(s));
        Trajectory t = engine.run(seed, 0);
        String dirName = name != null ? name : s.name() + "-seed" + seed;
        if (!dirName.matches("[A-Za-z0-9._-]{1,100}") || dirName.startsWith(".")) {
            throw new IllegalArgumentException("--name '" + dirName
                    + "' is not a plain directory name (expected letters, digits, '.', '_' or '-')");
        }
        String runId = s.hash() + "-" + seed;
        Map<String, Object> manifest = manifest(s, scenarioOption.describe(), "run", seed);
        manifest.put("runId", runId);
        String report = HtmlReport.render(s, t, seed);
        Path dir = RunDirectory.write(out, dirName, t, runId, manifest, Map.of("report.html", report));
        String manifestJson = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(manifest);
        org.multivector.store.ResultsDatabase.with(
                out,
                db -> db.writeRun(
                        new org.multivector.store.ResultsDatabase.Study(
                                runId, "run", s.name(), s.hash(), seed, 1, "single", manifestJson),
                        t));
        if (!quiet) {
            PrintWriter w = spec.commandLine().getOut();
            SummaryTable.print(w, s, t);
            w.printf(
                    "%nWrote %s/ (results.csv, manifest.json, report.html) and %s%n",
                    dir, out.resolve("results.duckdb"));
            w.flush();
        }
        return 0;
    }

    /** Applies --strategy, --from and --to, reporting every bad value at once (exit 2). */
    static Scenario configure(Scenario s, List<String> strategies, Integer from, Integer to) {
        List<Problem> problems = new ArrayList<>();
        for (String o : strategies) {
            int eq = o.indexOf('=');
            String state = eq > 0 ? o.substring(0, eq) : o;
            String text = eq > 0 ? o.substring(eq + 1) : "";
            boolean known = s.regionalStates().stream().map(Actor::id).anyMatch(state::equals);
            if (!known) {
                problems.add(new Problem(
                        "--strategy",
                        0,
                        0,
                        "",
                        "'" + state + "' is not a regional state of " + s.name() + " (expected one of "
                                + String.join(
                                        ", ",
                                        s.regionalStates().stream()
                                                .map(Actor::id)
                                                .toList()) + ")",
                        null));
                continue;
            }
            try {
                StrategySpec spec = StrategySpec.parse(text);
                String pole = spec.pole();
                if (pole != null && s.poles().stream().noneMatch(p -> p.id().equals(pole) && !p.residual())) {
                    problems.add(new Problem("--strategy", 0, 0, "", "unknown pole '" + pole + "' in " + o, null));
                    continue;
                }
                s = s.withStrategy(state, spec);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("--strategy", 0, 0, "", e.getMessage(), null));
            }
        }
        int f = from != null ? from : s.time().start();
        int l = to != null ? to : s.time().end();
        if (f < s.time().start() || l > s.time().end() || f > l) {
            problems.add(new Problem(
                    "--from/--to",
                    0,
                    0,
                    "",
                    f + ".." + l + " is not within the scenario's years "
                            + s.time().start() + ".." + s.time().end() + " (expected from <= to inside that range)",
                    null));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return f == s.time().start() && l == s.time().end() ? s : s.withYears(f, l);
    }

    /** The manifest common to every command: version, scenario, hash, seed, years, strategies, parameters. */
    static Map<String, Object> manifest(Scenario s, String source, String command, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "multivector");
        m.put("version", Main.VERSION);
        m.put("command", command);
        m.put("scenario", s.name());
        m.put("scenarioSource", source);
        m.put("scenarioHash", s.hash());
        m.put("seed", seed);
        m.put("years", List.of(s.time().start(), s.time().end()));
        m.put("lastObserved", s.time().lastObserved());
        Map<String, String> strat = new LinkedHashMap<>();
        s.regionalStates()
                .forEach(a -> strat.put(a.id(), s.strategies().get(a.id()).text()));
        m.put("strategies", strat);
        Map<String, Object> params = new java.util.TreeMap<>();
        for (Parameter p : s.parameters().values()) {
            params.put(
                    p.name(),
                    Map.of(
                            "value",
                            p.value(),
                            "min",
                            p.min(),
                            "max",
                            p.max(),
                            "provenance",
                            p.provenance().note()));
        }
        m.put("parameters", params);
        m.put("createdAt", Instant.now().toString());
        m.put("java", System.getProperty("java.version"));
        return m;
    }
}
