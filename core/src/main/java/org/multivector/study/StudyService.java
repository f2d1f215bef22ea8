package org.multivector.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.multivector.bargain.BargainingProblem;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.validate.Observations;

/**
 * Runs any {@link StudyRequest} — the one path from a request to a finished, saved study, shared by the command
 * line, the server and Spark. For a request it
 *
 * <ol>
 *   <li>resolves the scenario through the {@link ScenarioCatalog} and configures it ({@link ConfiguredScenario}),
 *       fills in the defaults that depend on it, and checks every field ({@link RequestException});
 *   <li>names the study ({@link StudyRecord}): the id, and the directory it is saved under unless the caller names
 *       another one; the {@link StudyArchive} refuses a directory that holds another study;
 *   <li>runs it on the caller's {@link StudyExecutor} with progress and cancellation, checkpointing into the
 *       {@link CheckpointStore} so an interrupted study resumes bit-identically — and only with the same request:
 *       a resumption with another value of a field is refused, naming the field;
 *   <li>renders its reports ({@link ReportRenderer}) and saves it ({@link StudyArchive}).
 * </ol>
 *
 * <p>Thread-safe: an instance holds only its ports; each call works on its own objects.
 */
public final class StudyService {
    /** How often a running study saves its checkpoint. */
    public static final long CHECKPOINT_MILLIS_DEFAULT = 2000;

    /** The longest checkpoint interval {@link #checkpointEvery} takes: an hour. */
    public static final long CHECKPOINT_MILLIS_MAX = 3_600_000L;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final ScenarioCatalog catalog;
    private final StudyArchive archive;
    private final CheckpointStore checkpoints;
    private final ReportRenderer reports;
    private final String tool;
    private final long checkpointMillis;

    /**
     * @param tool who runs studies, recorded in manifests ({@code multivector}, {@code multivector serve})
     */
    public StudyService(
            ScenarioCatalog catalog,
            StudyArchive archive,
            CheckpointStore checkpoints,
            ReportRenderer reports,
            String tool) {
        this(catalog, archive, checkpoints, reports, tool, CHECKPOINT_MILLIS_DEFAULT);
    }

    private StudyService(
            ScenarioCatalog catalog,
            StudyArchive archive,
            CheckpointStore checkpoints,
            ReportRenderer reports,
            String tool,
            long checkpointMillis) {
        this.catalog = catalog;
        this.archive = archive;
        this.checkpoints = checkpoints;
        this.reports = reports;
        this.tool = tool;
        this.checkpointMillis = checkpointMillis;
    }

    /**
     * This service, saving a running study's checkpoint at most every {@code millis} ms (0: after every block);
     * {@link #CHECKPOINT_MILLIS_DEFAULT} unless set. Nothing here changes a result: a checkpoint holds whole blocks.
     *
     * @throws IllegalArgumentException outside 0..{@link #CHECKPOINT_MILLIS_MAX}
     */
    public StudyService checkpointEvery(long millis) {
        if (millis < 0 || millis > CHECKPOINT_MILLIS_MAX) {
            throw new IllegalArgumentException(
                    "checkpoint interval " + millis + " ms is outside 0.." + CHECKPOINT_MILLIS_MAX);
        }
        return new StudyService(catalog, archive, checkpoints, reports, tool, millis);
    }

    /**
     * How a study runs — nothing here changes its result.
     *
     * @param executor where its blocks run
     * @param progress told runs (or evaluations) done and total
     * @param stop polled between blocks; true stops the study after saving its checkpoint ({@link StudyRunner.Stopped})
     * @param resume continue from the checkpoint of an interrupted study of the same request
     * @param directory the directory to save under, or null for the study id
     */
    public record Execution(
            StudyExecutor executor,
            StudyRunner.Progress progress,
            BooleanSupplier stop,
            boolean resume,
            String directory) {
        public Execution {
            progress = progress == null ? StudyRunner.Progress.NONE : progress;
            stop = stop == null ? () -> false : stop;
            if (directory != null
                    && (!directory.matches("[A-Za-z0-9._-]{1,100}")
                            || directory.startsWith(".")
                            || directory.contains(".."))) {
                throw RequestException.of(
                        "name",
                        "'" + directory
                                + "' is not a plain directory name (expected letters, digits, '.', '_' or '-')");
            }
        }

        public static Execution on(StudyExecutor executor) {
            return new Execution(executor, null, null, false, null);
        }
    }

    /** A request checked and named, ready to run. */
    public static final class Prepared {
        private final StudyRequest request;
        private final ConfiguredScenario scenario;
        private final BargainingProblem problem;
        private final String id;
        private final String canonical;
        private final Map<String, Object> manifest;
        private Observations observations;
        private List<org.multivector.validate.Episodes.Episode> episodes = List.of();
        private org.multivector.validate.Posterior posterior;

        Prepared(
                StudyRequest request,
                ConfiguredScenario scenario,
                BargainingProblem problem,
                String id,
                String canonical,
                Map<String, Object> manifest) {
            this.request = request;
            this.scenario = scenario;
            this.problem = problem;
            this.id = id;
            this.canonical = canonical;
            this.manifest = manifest;
        }

        /** The request with every default filled in. */
        public StudyRequest request() {
            return request;
        }

        /** The configured scenario, or null for bargaining. */
        public ConfiguredScenario scenario() {
            return scenario;
        }

        /** The observed patterns beside the scenario, checked against it, for calibrate and backtest; else null. */
        public Observations observations() {
            return observations;
        }

        /** The episodes a backtest scores (beside the scenario or named by the request); else empty. */
        public List<org.multivector.validate.Episodes.Episode> episodes() {
            return episodes;
        }

        /** The posterior sample the runs draw their parameter values from, or null. */
        public org.multivector.validate.Posterior posterior() {
            return posterior;
        }

        /** The bargaining problem, or null. */
        public BargainingProblem problem() {
            return problem;
        }

        public String id() {
            return id;
        }

        /** The canonical JSON of the resolved request that the id hashes. */
        public String canonicalRequest() {
            return canonical;
        }

        /** The manifest the study will record (without the volatile fields written at the end). */
        public Map<String, Object> manifest() {
            return java.util.Collections.unmodifiableMap(manifest);
        }
    }

    /** A finished, saved study. */
    public record Completed(StudyRecord record, StudyResult result, String location) {}

    /** Checks and names a request without running it. */
    public Prepared prepare(StudyRequest request) {
        if (request instanceof BargainRequest b) {
            return BargainStudy.prepare(this, b, catalog);
        }
        ConfiguredScenario configured = ConfiguredScenario.resolve(catalog, request.scenario());
        Scenario s = configured.scenario();
        StudyRequest resolved = request;
        if (request instanceof EnsembleRequest r) {
            SummaryVariables.columns(configured.compiled().variables(), r.variables(), "variables");
        } else if (request instanceof CompareRequest r) {
            resolved = r.resolve(s);
        } else if (request instanceof SensitivityRequest r) {
            resolved = r.resolve(s);
        } else if (request instanceof DiscoverRequest r) {
            resolved = r.resolve(s);
        } else if (request instanceof CalibrateRequest r) {
            resolved = r.resolve(s);
        } else if (request instanceof BacktestRequest r) {
            resolved = r.resolve(s);
        } else if (request instanceof SweepRequest r) {
            resolved = SweepStudy.resolve(r, s, configured.compiled());
        }
        ObjectNode json = CANONICAL.valueToTree(resolved);
        json.put("kind", resolved.kind());
        json.put("scenario", configured.id());
        Observations observations = null;
        if (resolved instanceof CalibrateRequest || resolved instanceof BacktestRequest) {
            // the patterns a fit or a backtest is judged on are part of what it is
            var src = catalog.observed(request.scenario().scenario());
            if (src.isPresent()) {
                observations = Observations.parse(src.get().file(), src.get().bytes(), s);
                json.put(
                        "observed",
                        sha256(new String(src.get().bytes(), java.nio.charset.StandardCharsets.UTF_8))
                                .substring(0, 16));
            } else {
                json.put("observed", "none");
            }
        }
        List<org.multivector.validate.Episodes.Episode> episodes = List.of();
        if (resolved instanceof BacktestRequest b && !"none".equals(b.episodes())) {
            var src = b.episodes() != null
                    ? Optional.of(catalog.episodeFile(b.episodes()))
                    : catalog.episodes(request.scenario().scenario());
            if (src.isPresent()) {
                episodes = org.multivector.validate.Episodes.parse(
                        src.get().file(),
                        src.get().bytes(),
                        s,
                        configured.compiled().dyads());
                json.put(
                        "episodesFile",
                        sha256(new String(src.get().bytes(), java.nio.charset.StandardCharsets.UTF_8))
                                .substring(0, 16));
            }
        }
        org.multivector.validate.Posterior posterior = posterior(resolved, s);
        if (posterior != null) {
            json.put("posteriorFile", posterior.hash());
        }
        String canonical = json.toString();
        String id =
                resolved.kind() + "-" + safe(s.name()) + "-" + sha256(canonical).substring(0, 12);
        Map<String, Object> manifest = manifest(resolved, id, configured, json);
        if (posterior != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", posterior.file());
            m.put("sha256", posterior.hash());
            m.put("particles", posterior.size());
            m.put("ess", posterior.ess());
            m.put("parameters", posterior.names());
            manifest.put("posterior", m);
        }
        Prepared p = new Prepared(resolved, configured, null, id, canonical, manifest);
        p.observations = observations;
        p.episodes = episodes;
        p.posterior = posterior;
        return p;
    }

    /**
     * The posterior a request names, read through the catalog and checked against the scenario; a parameter the
     * request also sets is refused (the posterior would silently replace it).
     */
    private org.multivector.validate.Posterior posterior(StudyRequest r, Scenario s) {
        String ref = r instanceof EnsembleRequest e
                ? e.posterior()
                : r instanceof CompareRequest c
                        ? c.posterior()
                        : r instanceof SensitivityRequest x
                                ? x.posterior()
                                : r instanceof DiscoverRequest d ? d.posterior() : null;
        if (ref == null) {
            return null;
        }
        ScenarioCatalog.Source src = catalog.posterior(ref);
        var post = org.multivector.validate.Posterior.parse(src.file(), src.bytes(), s);
        Problems p = new Problems();
        for (String name : r.scenario().set().keySet()) {
            if (post.names().contains(name)) {
                p.add(
                        "set." + name,
                        "is drawn from the posterior " + src.file() + " (leave it out, or drop its column from the"
                                + " posterior)");
            }
        }
        for (String state : r.scenario().overrides().keySet()) {
            if (post.names().contains(org.multivector.model.Structural.STRATEGY + state)) {
                p.add(
                        "overrides." + state,
                        "the strategy of " + state + " is drawn from the posterior " + src.file() + " (column "
                                + org.multivector.model.Structural.STRATEGY + state + "; leave the override out, or"
                                + " drop the column)");
            }
        }
        p.throwIfAny();
        return post;
    }

    /** Prepares and runs a request. */
    public Completed run(StudyRequest request, Execution execution) throws Exception {
        return run(prepare(request), execution);
    }

    /** Runs a prepared request, saves it and returns its record and result. */
    public Completed run(Prepared p, Execution e) throws Exception {
        String directory = e.directory() != null ? e.directory() : p.id;
        archive.reserve(directory, p.id);
        CheckpointStore.Slot slot = checkpoints.slot(directory);
        CheckpointStore.Slot requestSlot = checkpoints.slot(directory + ".request");
        if (e.resume()) {
            checkResumable(p, requestSlot);
        } else {
            slot.delete();
        }
        requestSlot.write(resumeRecord(p).getBytes(StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        Context ctx = new Context(e, slot, directory, checkpointMillis);
        Outcome outcome;
        try {
            outcome = execute(p, ctx);
        } catch (org.multivector.model.UserInputException bad) {
            if (!e.resume()) {
                // nothing of a study refused for its input is kept (a resumption keeps its earlier checkpoint)
                slot.delete();
                requestSlot.delete();
            }
            throw bad;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> manifest = new LinkedHashMap<>(p.manifest);
        manifest.put("directory", directory);
        manifest.put("runs", outcome.runs());
        manifest.put("executor", outcome.executor());
        manifest.putAll(outcome.extras());
        manifest.put("seconds", seconds);
        manifest.put("createdAt", Instant.now().toString());
        manifest.put("java", System.getProperty("java.version"));
        StudyRecord record = new StudyRecord(
                p.id,
                p.request.kind(),
                String.valueOf(manifest.get("scenario")),
                String.valueOf(manifest.get("scenarioHash")),
                outcome.seed(),
                outcome.runs(),
                outcome.executor(),
                manifest);
        Map<String, byte[]> files = new LinkedHashMap<>(outcome.result().files());
        files.put(
                "summary.json",
                new ObjectMapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(StudySummary.of(record, outcome.result())));
        files.putAll(reports.render(record, outcome.result()));
        String location = archive.save(directory, record, outcome.result(), files);
        slot.delete();
        requestSlot.delete();
        return new Completed(record, outcome.result(), location);
    }

    private Outcome execute(Prepared p, Context ctx) throws Exception {
        StudyRequest q = p.request;
        if (q instanceof RunRequest r) {
            return RunStudy.run(p, r, ctx);
        } else if (q instanceof EnsembleRequest r) {
            return EnsembleStudy.run(p, r, ctx, archive);
        } else if (q instanceof CompareRequest r) {
            return CompareStudy.run(p, r, ctx);
        } else if (q instanceof SensitivityRequest r) {
            return SensitivityStudy.run(p, r, ctx);
        } else if (q instanceof DiscoverRequest r) {
            return DiscoverStudy.run(p, r, ctx);
        } else if (q instanceof CalibrateRequest r) {
            return CalibrateStudy.run(p, r, ctx);
        } else if (q instanceof BacktestRequest r) {
            return BacktestStudy.run(p, r, ctx);
        } else if (q instanceof BargainRequest r) {
            return BargainStudy.run(p, r, ctx);
        } else if (q instanceof SweepRequest r) {
            return SweepStudy.run(p, r, ctx);
        }
        throw new IllegalStateException("no study for " + q.getClass());
    }

    /** What a kind computed, with what its manifest adds. */
    record Outcome(StudyResult result, long seed, long runs, String executor, Map<String, Object> extras) {}

    /** What a kind's run needs from the service. */
    record Context(Execution execution, CheckpointStore.Slot checkpoint, String directory, long checkpointMillis) {
        StudyExecutor executor() {
            return execution.executor();
        }

        <P> P run(BlockJob<P> job, String fingerprint) throws Exception {
            return run(job, fingerprint, execution.progress());
        }

        /** As {@link #run(BlockJob, String)}, telling {@code progress} instead of the execution's. */
        <P> P run(BlockJob<P> job, String fingerprint, StudyRunner.Progress progress) throws Exception {
            return StudyRunner.run(
                    job,
                    execution.executor(),
                    fingerprint,
                    checkpoint,
                    execution.resume(),
                    checkpointMillis,
                    progress,
                    execution.stop());
        }

        /**
         * The execution's progress for one part of a study made of parts run one after the other: the part holds
         * {@code size} of the study's {@code all} runs, after {@code before} of them; its runs count toward the whole.
         */
        StudyRunner.Progress part(long before, long size, long all) {
            StudyRunner.Progress whole = execution.progress();
            return (done, total) ->
                    whole.update(before + (total > 0 ? Math.round((double) done / total * size) : 0), all);
        }
    }

    /** Refuses to resume a study whose request differs from the interrupted one, naming the first field that does. */
    private static void checkResumable(Prepared p, CheckpointStore.Slot requestSlot) throws IOException {
        Optional<byte[]> stored;
        JsonNode was;
        String current = resumeRecord(p);
        try {
            stored = requestSlot.read(16L << 20);
            if (stored.isEmpty()) {
                return;
            }
            if (new String(stored.get(), StandardCharsets.UTF_8).equals(current)) {
                return;
            }
            was = CANONICAL.readTree(stored.get());
        } catch (IOException e) {
            throw new CheckpointException(requestSlot.describe(), "not a study's request (" + e.getMessage() + ")");
        }
        if (was == null || !was.isObject()) {
            throw new CheckpointException(requestSlot.describe(), "not a study's request (expected a JSON object)");
        }
        JsonNode now = CANONICAL.readTree(current);
        List<RequestException.FieldProblem> diffs = new ArrayList<>();
        diff("", was, now, diffs);
        if (diffs.isEmpty()) {
            diffs.add(new RequestException.FieldProblem(
                    "request", "differs from the interrupted study's; resume with the same request", null));
        }
        throw new RequestException(diffs);
    }

    /**
     * What a resumption is compared with: the canonical request, and the scenario part as the user wrote it (so a
     * changed {@code set} or override is named as such, not only as a changed scenario hash).
     */
    private static String resumeRecord(Prepared p) throws IOException {
        ObjectNode r = (ObjectNode) CANONICAL.readTree(p.canonical);
        if (p.request.scenario() != null) {
            ScenarioChoice c = p.request.scenario();
            ObjectNode choice = r.putObject("scenarioChoice");
            choice.put("scenario", c.scenario());
            choice.set("overlays", CANONICAL.valueToTree(c.overlays()));
            choice.set("set", CANONICAL.valueToTree(new TreeMap<>(c.set())));
            choice.set("overrides", CANONICAL.valueToTree(new TreeMap<>(c.overrides())));
        }
        return r.toString();
    }

    private static void diff(String prefix, JsonNode was, JsonNode now, List<RequestException.FieldProblem> out) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        for (Iterator<String> it = was.fieldNames(); it.hasNext(); ) {
            names.put(it.next(), true);
        }
        for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
            names.put(it.next(), true);
        }
        for (String n : names.keySet()) {
            JsonNode a = was.get(n);
            JsonNode b = now.get(n);
            if (n.equals("scenario")
                    && prefix.isEmpty()
                    && was.has("scenarioChoice")
                    && now.has("scenarioChoice")
                    && !was.get("scenarioChoice").equals(now.get("scenarioChoice"))) {
                continue; // the same change, named by the scenario choice's fields below
            }
            if (a != null && b != null && a.isObject() && b.isObject()) {
                diff(n.equals("scenarioChoice") ? "" : prefix + n + ".", a, b, out);
            } else if (a == null || !a.equals(b)) {
                String field = prefix + n;
                out.add(new RequestException.FieldProblem(
                        field.equals("scenario") ? "scenario" : field,
                        "the interrupted study in this directory was started with " + text(a) + ", this request has "
                                + text(b) + "; resume with the same value, or start anew without resuming",
                        null));
            }
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "none" : n.toString();
    }

    /** The manifest of a scenario study before it runs. */
    private Map<String, Object> manifest(StudyRequest r, String id, ConfiguredScenario c, ObjectNode request) {
        Scenario s = c.scenario();
        Map<String, Object> m = head(r.kind(), id);
        m.put("request", CANONICAL.convertValue(request, Map.class));
        m.put("scenario", s.name());
        m.put("title", s.title());
        m.put("scenarioSource", c.source());
        m.put("overlays", r.scenario().overlays());
        m.put("scenarioChoice", CANONICAL.convertValue(r.scenario(), Map.class));
        m.put("baseScenarioHash", c.baseHash());
        m.put("scenarioHash", c.id());
        m.put("seed", seedOf(r));
        m.put("years", List.of(s.time().start(), s.time().end()));
        m.put("lastObserved", s.time().lastObserved());
        Map<String, String> strat = new LinkedHashMap<>();
        s.regionalStates()
                .forEach(a -> strat.put(a.id(), s.strategies().get(a.id()).text()));
        m.put("strategies", strat);
        Map<String, Object> params = new TreeMap<>();
        for (Parameter p : s.parameters().values()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", p.value());
            v.put("min", p.min());
            v.put("max", p.max());
            v.put("provenance", p.provenance().note());
            params.put(p.name(), v);
        }
        m.put("parameters", params);
        m.put(
                "defaultParameters",
                s.parameters().values().stream()
                        .filter(Parameter::fromDefaults)
                        .map(Parameter::name)
                        .sorted()
                        .toList());
        return m;
    }

    Map<String, Object> head(String kind, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", tool);
        m.put("version", BuildInfo.version());
        m.put("kind", kind);
        m.put("studyId", id);
        return m;
    }

    private static long seedOf(StudyRequest r) {
        if (r instanceof RunRequest x) {
            return x.seed();
        } else if (r instanceof EnsembleRequest x) {
            return x.seed();
        } else if (r instanceof CompareRequest x) {
            return x.seed();
        } else if (r instanceof SensitivityRequest x) {
            return x.seed();
        } else if (r instanceof DiscoverRequest x) {
            return x.seed();
        } else if (r instanceof CalibrateRequest x) {
            return x.seed();
        } else if (r instanceof BacktestRequest x) {
            return x.seed();
        } else if (r instanceof SweepRequest x) {
            return x.seed();
        }
        return 0;
    }

    static ObjectMapper canonicalMapper() {
        return CANONICAL;
    }

    /** A name safe inside a study id and a directory name. */
    static String safe(String s) {
        String t = s.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        if (t.isEmpty()) {
            t = "issue";
        }
        return t.length() > 60 ? t.substring(0, 60) : t;
    }

    static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Prepared prepared(
            StudyRequest r, BargainingProblem problem, String id, String canonical, Map<String, Object> manifest) {
        return new Prepared(r, null, problem, id, canonical, manifest);
    }
}
