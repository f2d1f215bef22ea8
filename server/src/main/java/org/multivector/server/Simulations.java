package org.multivector.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.bargain.BargainingInputs;
import org.multivector.report.HtmlReports;
import org.multivector.scenario.Overlay;
import org.multivector.store.FileCheckpoints;
import org.multivector.store.StudyDirectories;
import org.multivector.study.RequestException;
import org.multivector.study.ScenarioCatalog;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyService;
import org.multivector.study.StudySummary;
import org.multivector.study.ThreadExecutor;

/**
 * The API's side of the study layer: a job's JSON body is read into a {@link StudyRequest} (every kind; unknown
 * fields refused), checked and named by the same {@link StudyService} as on the command line, and run on local
 * threads; the job's result is the study's {@link StudySummary}. A study started in the browser is therefore the
 * same study — same id, same manifest, same rows — as its command-line twin.
 */
final class Simulations implements ScenarioCatalog {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private final Scenarios scenarios;
    private final ServerConfig config;
    private final StudyService service;
    private final Path data;
    private final Runnable onWrite;

    Simulations(Scenarios scenarios, ServerConfig config, StudyDirectories archive, Runnable onWrite) {
        this.scenarios = scenarios;
        this.config = config;
        this.data = config.dataDir().toAbsolutePath().normalize();
        this.onWrite = onWrite;
        this.service = new StudyService(
                this, archive, new FileCheckpoints(config.dataDir()), new HtmlReports(), "multivector serve");
    }

    /** A job body read into a request and checked ({@code kind} names the study kind; default ensemble). */
    StudyService.Prepared parse(Map<String, Object> body) {
        Map<String, Object> fields = new LinkedHashMap<>(body);
        if (fields.containsKey("kind") && !(fields.get("kind") instanceof String)) {
            throw RequestException.of(
                    "kind",
                    (fields.get("kind") == null ? "is null" : "is not text") + " (expected one of "
                            + String.join(", ", StudyRequest.kinds()) + ", or no kind for an ensemble)");
        }
        numbers("", fields);
        Object kind = fields.remove("kind");
        String k = kind == null ? "ensemble" : String.valueOf(kind);
        Class<? extends StudyRequest> type = StudyRequest.type(k);
        // Fields of the scenario part may be given flat ("scenario": "x", "overrides": {...}) or as an object.
        if (!k.equals("bargain") && !(fields.get("scenario") instanceof Map)) {
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("scenario", fields.remove("scenario"));
            for (String f : List.of("overlays", "set", "overrides")) {
                if (fields.containsKey(f)) {
                    choice.put(f, fields.remove(f));
                }
            }
            if (!k.equals("compare") && !k.equals("sensitivity") && !k.equals("discover") && !k.equals("sweep")) {
                for (String f : List.of("from", "to")) {
                    if (fields.containsKey(f)) {
                        choice.put(f, fields.remove(f));
                    }
                }
            }
            fields.put("scenario", choice);
        }
        StudyRequest r;
        try {
            r = JSON.convertValue(fields, type);
        } catch (IllegalArgumentException e) {
            throw bad(e);
        }
        long runs = runs(r);
        if (runs > config.maxRuns()) {
            throw RequestException.of("runs", runs + " is more than this server's limit of " + config.maxRuns());
        }
        StudyService.Prepared p = service.prepare(r);
        if (p.request() instanceof org.multivector.study.BacktestRequest b) {
            long total = b.runs() * (b.origins().to() - b.origins().from() + 1L); // an ensemble per origin
            if (total > config.maxRuns()) {
                throw RequestException.of(
                        "runs",
                        b.runs() + " runs at each of " + (total / b.runs()) + " origins is " + total
                                + " runs, more than this server's limit of " + config.maxRuns());
            }
        }
        return p;
    }

    private static final java.math.BigInteger LONG_MIN = java.math.BigInteger.valueOf(Long.MIN_VALUE);
    private static final java.math.BigInteger LONG_MAX = java.math.BigInteger.valueOf(Long.MAX_VALUE);
    private static final java.math.BigDecimal DOUBLE_MAX = new java.math.BigDecimal(Double.MAX_VALUE);

    /**
     * Every number of a body (read exactly, as BigInteger and BigDecimal) checked before it is converted, so that none
     * wraps or saturates silently: a whole number must fit 64 bits (a seed 0..2^63−1), a decimal a double.
     */
    private static void numbers(String path, Object v) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> numbers(path.isEmpty() ? String.valueOf(k) : path + "." + k, x));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                numbers(path + "[" + i + "]", l.get(i));
            }
        } else if (v instanceof java.math.BigInteger b) {
            boolean seed = path.equals("seed");
            if (b.compareTo(seed ? java.math.BigInteger.ZERO : LONG_MIN) < 0 || b.compareTo(LONG_MAX) > 0) {
                throw RequestException.of(
                        path,
                        Guard.clean(b.toString()) + " is outside "
                                + (seed ? "0.." : Long.MIN_VALUE + "..") + Long.MAX_VALUE
                                + " (a whole number of 64 bits)");
            }
        } else if (v instanceof java.math.BigDecimal d) {
            if (d.abs().compareTo(DOUBLE_MAX) > 0) {
                throw RequestException.of(path, Guard.clean(d.toString()) + " is beyond the range of a number");
            }
        }
    }

    /** A Java type as the API's users read it. */
    static String word(Class<?> t) {
        if (t == null) {
            return "a value";
        }
        if (t == Long.class || t == long.class || t == Integer.class || t == int.class) {
            return "a whole number";
        }
        if (t == Double.class || t == double.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(t) || t.isRecord()) {
            return "an object";
        }
        return "a value";
    }

    private static long runs(StudyRequest r) {
        if (r instanceof org.multivector.study.EnsembleRequest e) {
            return e.runs();
        } else if (r instanceof org.multivector.study.CompareRequest c) {
            return c.runs();
        } else if (r instanceof org.multivector.study.BacktestRequest b) {
            return b.runs();
        } else if (r instanceof org.multivector.study.BargainRequest b) {
            return b.runs();
        } else if (r instanceof org.multivector.study.SweepRequest s) {
            return s.pointCount() * s.replicates();
        }
        return 1;
    }

    /** A request body Jackson could not read: the field and what was expected, as a 400. */
    private static RuntimeException bad(IllegalArgumentException e) {
        Throwable c = e.getCause();
        while (c != null) {
            if (c instanceof RequestException re) {
                return re;
            }
            if (c instanceof UnrecognizedPropertyException u) {
                return RequestException.of(
                        u.getPropertyName(), "unknown field (expected one of " + u.getKnownPropertyIds() + ")");
            }
            if (c instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
                return RequestException.of(
                        field(f),
                        "expected " + word(f.getTargetType()) + ", got " + Guard.clean(String.valueOf(f.getValue())));
            }
            if (c instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi
                    && !mi.getPath().isEmpty()) {
                return RequestException.of(field(mi), "expected " + word(mi.getTargetType()));
            }
            if (c instanceof ValueInstantiationException v && v.getCause() instanceof RuntimeException rt) {
                return rt instanceof RequestException ? rt : RequestException.of("request", rt.getMessage());
            }
            if (c instanceof com.fasterxml.jackson.databind.JsonMappingException m
                    && !m.getPath().isEmpty()) {
                // Jackson's own words name Java types: keep its sentence, with the types in ours
                String said = String.valueOf(m.getOriginalMessage())
                        .replaceAll("`java\\.lang\\.(Long|Integer)`|`long`|`int`", "a whole number")
                        .replaceAll("`java\\.lang\\.Double`|`double`", "a number")
                        .replaceAll("`java\\.lang\\.String`", "text")
                        .replaceAll("`[\\w.$]+`", "a value")
                        .replaceAll("\\(class [\\w.$]+\\)", "");
                return RequestException.of(field(m), said);
            }
            c = c.getCause();
        }
        return RequestException.of("request", "the body is not a request of this kind (see /openapi.json)");
    }

    /** The dotted path of the field a mapping problem is in ({@code scenario.set.x}, {@code strategies[1]}). */
    private static String field(com.fasterxml.jackson.databind.JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "request" : b.toString();
    }

    JobManager.Work work(StudyService.Prepared p) {
        return job -> {
            try (ThreadExecutor ex = new ThreadExecutor(config.threads())) {
                StudyService.Completed c =
                        service.run(p, new StudyService.Execution(ex, job::progress, job::stopRequested, false, null));
                onWrite.run();
                return StudySummary.of(c);
            }
        };
    }

    /** The JSON of a request as the job list shows it: its kind and resolved fields. */
    static Map<String, Object> json(StudyService.Prepared p) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new LinkedHashMap<>(JSON.convertValue(p.request(), Map.class));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", p.request().kind());
        out.putAll(m);
        if (out.get("seed") instanceof Number n) {
            // as text: JavaScript numbers are exact only up to 2^53, seeds run to 2^63 - 1
            out.put("seed", n.toString());
        }
        return out;
    }

    @Override
    public Source scenario(String reference) {
        return new Source(reference, reference + ".yaml", scenarios.bytes(reference));
    }

    @Override
    public java.util.Optional<Source> observed(String reference) {
        return scenarios.observed(reference).map(b -> new Source(reference, reference + ".observed.csv", b));
    }

    @Override
    public java.util.Optional<Source> episodes(String reference) {
        return scenarios.episodes(reference).map(b -> new Source(reference, reference + ".episodes.csv", b));
    }

    @Override
    public Source episodeFile(String reference) {
        return new Source(
                reference, reference, readData("episodes", reference, org.multivector.validate.Episodes.MAX_BYTES));
    }

    @Override
    public Source posterior(String reference) {
        if (org.multivector.scenario.ScenarioLoader.builtInNames().contains(reference)) {
            return org.multivector.study.ScenarioCatalog.super.posterior(reference);
        }
        return new Source(
                reference, reference, readData("posterior", reference, org.multivector.validate.Posterior.MAX_BYTES));
    }

    @Override
    public Overlay overlay(String reference) {
        return Overlay.load(inData("overlays", reference));
    }

    @Override
    public Source issue(String reference) {
        Path f = inData("input", reference);
        return new Source(reference, reference, BargainingInputs.read(f));
    }

    /** The bytes of a data-directory file a request field names, at most {@code max}. */
    private byte[] readData(String field, String reference, long max) {
        Path f = inData(field, reference);
        try {
            if (Files.size(f) > max) {
                throw RequestException.of(field, "'" + reference + "' is larger than the limit of " + max + " bytes");
            }
            return Files.readAllBytes(f);
        } catch (java.io.IOException e) {
            throw RequestException.of(field, "cannot read '" + reference + "': " + e.getMessage());
        }
    }

    /** A file named relative to the data directory, never outside it. */
    private Path inData(String field, String reference) {
        Path f = data.resolve(reference).toAbsolutePath().normalize();
        if (reference.isBlank() || !f.startsWith(data) || f.equals(data)) {
            throw RequestException.of(field, "'" + reference + "' is not a file in the server's data directory");
        }
        if (!Files.isRegularFile(f)) {
            throw RequestException.of(field, "no file '" + reference + "' in the server's data directory");
        }
        return f;
    }
}
