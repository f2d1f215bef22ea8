package org.multivector.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.multivector.scenario.InputFile;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.YamlDocument;
import org.multivector.study.RequestException;
import org.multivector.study.ScenarioChoice;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import org.multivector.study.SweepRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code multivector sweep DESIGN.yaml}: an experiment like NetLogo's BehaviorSpace — full factorial grids, value
 * lists or a Latin hypercube over any parameter or strategy, replicates per point — on the study executor, into a
 * tidy table (docs/SWEEP.md).
 */
@Command(
        name = "sweep",
        description = "Run an experiment design (DESIGN.yaml: factors with values or ranges, grid or Latin hypercube,"
                + " replicates) and write every run to sweep.csv, sweep.parquet and results.duckdb (docs/SWEEP.md).")
final class SweepCommand extends StudyCommand {
    @Parameters(paramLabel = "DESIGN", description = "The design file (YAML; docs/SWEEP.md).")
    Path design;

    @Mixin
    ExecutorOptions executor = new ExecutorOptions();

    @Override
    ExecutorOptions executorOptions() {
        return executor;
    }

    private static final List<String> SCENARIO_KEYS = List.of("scenario", "overlays", "set", "overrides");

    @Override
    StudyRequest request() {
        return read(design);
    }

    /** The request a design file asks for; every problem located in the file (file:line:column). */
    static SweepRequest read(Path design) {
        String file = design.toString();
        YamlDocument doc = YamlDocument.parse(
                file, InputFile.read(design, YamlDocument.MAX_BYTES_DEFAULT, "a sweep design (YAML)"));
        if (!doc.root().isObject()) {
            throw located(doc, "", "expected a mapping (scenario, factors, replicates, …; docs/SWEEP.md)");
        }
        ObjectNode body = ((ObjectNode) doc.root()).deepCopy();
        ObjectNode choice = body.objectNode();
        for (String k : SCENARIO_KEYS) {
            if (body.has(k)) {
                choice.set(k, body.remove(k));
            }
        }
        // a scenario file named relative to the design is found beside it
        JsonNode sc = choice.path("scenario");
        if (sc.isTextual() && design.toAbsolutePath().getParent() != null) {
            Path beside = design.toAbsolutePath().getParent().resolve(sc.asText());
            if (!Files.exists(Path.of(sc.asText())) && Files.exists(beside)) {
                choice.put("scenario", beside.toString());
            }
        }
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            ScenarioChoice c = json.treeToValue(choice, ScenarioChoice.class);
            body.set("scenario", json.valueToTree(c));
            return json.treeToValue(body, SweepRequest.class);
        } catch (UnrecognizedPropertyException e) {
            String pointer = pointer(e.getPath());
            throw located(
                    doc,
                    pointer,
                    "unknown field '" + e.getPropertyName() + "' (expected one of scenario,"
                            + " overlays, set, overrides, seed, design, points, replicates, factors, outputs, table, from)");
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof RequestException)) {
                cause = cause.getCause();
            }
            if (cause instanceof RequestException re) {
                List<Problem> problems = new ArrayList<>();
                for (RequestException.FieldProblem p : re.problems()) {
                    String pointer =
                            "/" + p.field().replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
                    int[] at = doc.position(pointer);
                    problems.add(new Problem(file, at[0], at[1], p.field(), p.message(), p.hint()));
                }
                throw new ScenarioException(problems);
            }
            throw located(
                    doc,
                    pointer(e.getPath()),
                    "expected " + e.getOriginalMessage().replaceAll(" \\(class .*", ""));
        } catch (java.io.IOException e) {
            throw located(doc, "", e.getMessage());
        }
    }

    private static String pointer(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (var r : path) {
            b.append('/').append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
        }
        return b.toString();
    }

    private static ScenarioException located(YamlDocument doc, String pointer, String message) {
        int[] at = doc.position(pointer);
        return new ScenarioException(List.of(new Problem(doc.file(), at[0], at[1], pointer, message, null)));
    }

    /** A level as written: at most six significant digits, no trailing zeros. */
    static String level(double d) {
        return new java.math.BigDecimal(d)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        StudyResult.Sweep s = (StudyResult.Sweep) c.result();
        w.printf(
                "%s — sweep of %s: %d points × %d replicates (%s)%n%n",
                s.scenario().title(),
                String.join(", ", s.factors()),
                s.levels().length,
                s.replicates(),
                s.design().equals("lhs") ? "Latin hypercube" : "full factorial");
        StringBuilder h = new StringBuilder(String.format("%-6s", "point"));
        for (String f : s.factors()) {
            h.append(String.format(" %-16s", f.length() > 16 ? f.substring(0, 16) : f));
        }
        if (!s.series()) {
            for (String o : s.outputs()) {
                h.append(String.format(" %-14s", "mean " + (o.length() > 9 ? o.substring(0, 9) : o)));
            }
        }
        w.println(h);
        int shown = Math.min(s.levels().length, 30);
        for (int p = 0; p < shown; p++) {
            StringBuilder row = new StringBuilder(String.format("%-6d", p));
            for (Object v : s.levels()[p]) {
                row.append(String.format(Locale.ROOT, " %-16s", v instanceof Double d ? level(d) : v));
            }
            if (!s.series()) {
                for (int o = 0; o < s.outputs().size(); o++) {
                    row.append(String.format(Locale.ROOT, " %-14.3f", s.mean(p, o)));
                }
            }
            w.println(row);
        }
        if (shown < s.levels().length) {
            w.printf("… %d more points in sweep.csv%n", s.levels().length - shown);
        }
        double seconds = ((Number) c.record().manifest().get("seconds")).doubleValue();
        w.printf(
                Locale.ROOT,
                "%n%d runs in %.1f s (%s). Every run, with every factor as a column: sweep.csv, sweep.parquet,"
                        + " and the tables sweep_points and sweep_runs of results.duckdb.%n",
                c.record().runs(),
                seconds,
                c.record().executor());
    }
}
