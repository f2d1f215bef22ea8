package org.multivector.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.multivector.model.Scenario;
import org.multivector.model.UserInputException;
import org.multivector.scenario.ScenarioException;
import org.multivector.store.StudyDirectories;
import org.multivector.study.BuildInfo;
import org.multivector.study.RequestException;
import org.multivector.study.StudyService;

/**
 * {@code multivector serve}: the HTTP API (docs/API.md, {@code /openapi.json}) and the dashboard
 * (static files in {@code public/}, ECharts from its WebJar), on Javalin. Binds to 127.0.0.1 unless
 * told otherwise.
 */
public final class MultivectorServer implements AutoCloseable {
    private final Javalin app;
    private final JobManager jobs;
    private final ScheduledExecutorService pusher;
    private final Set<SseClient> listeners = ConcurrentHashMap.newKeySet();

    private MultivectorServer(Javalin app, JobManager jobs, ScheduledExecutorService pusher) {
        this.app = app;
        this.jobs = jobs;
        this.pusher = pusher;
    }

    /** Starts a server on {@code host:port} (port 0: any free port). */
    public static MultivectorServer start(ServerConfig config, String host, int port) {
        try {
            java.nio.file.Files.createDirectories(config.dataDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
        Object dbLock = new Object();
        Scenarios scenarios = new Scenarios(config.dataDir());
        Explore explore = new Explore();
        Studies studies = new Studies(config.dataDir(), dbLock);
        StudyDirectories archive = new StudyDirectories(config.dataDir(), dbLock);
        Simulations sims = new Simulations(scenarios, config, archive, studies::changed);
        JobManager jobs = new JobManager(config.workers(), config.queue(), config.jobTimeout());
        ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "multivector-sse");
            t.setDaemon(true);
            return t;
        });
        Guard guard = new Guard(host, config.token());
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBody();
            c.staticFiles.add("/public", Location.CLASSPATH);
            c.staticFiles.enableWebjars();
            c.jetty.threadPool = new QueuedThreadPool(96, 8, 60_000);
            c.jetty.modifyHttpConfiguration(h -> {
                // a body that stalls frees its thread within seconds (BodyReads)
                h.setIdleTimeout(BodyReads.IDLE_MILLIS);
            });
        });
        BodyReads bodies = new BodyReads(config.maxBody());
        Parses parses = new Parses();
        MultivectorServer server = new MultivectorServer(app, jobs, pusher);
        app.before(ctx -> {
            guard.headers(ctx);
            guard.check(ctx);
        });
        app.before("/api/*", ctx -> {
            // Jetty 11 checks the size limit only against Content-Length: refuse bodies without one.
            String te = ctx.header("Transfer-Encoding");
            if (te != null && ctx.header("Content-Length") == null) {
                throw new ApiException(
                        411, "request bodies need a Content-Length (at most " + config.maxBody() + " bytes)");
            }
            bodies.read(ctx);
        });
        app.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "version", BuildInfo.version())));
        app.get("/api/scenarios", ctx -> ctx.json(scenarios.list()));
        app.get("/api/scenarios/{name}", ctx -> {
            ctx.contentType("application/yaml; charset=utf-8");
            ctx.result(scenarios.bytes(ctx.pathParam("name")));
        });
        app.put("/api/scenarios/{name}", ctx -> {
            String name = ctx.pathParam("name");
            byte[] yaml = body(ctx);
            parses.run(() -> {
                scenarios.save(name, yaml);
                return null;
            });
            ctx.status(201).json(Map.of("name", name, "saved", true));
        });
        app.post("/api/scenarios/validate", ctx -> {
            byte[] yaml = body(ctx);
            Scenario s = parses.run(() -> Scenarios.validate("upload", yaml));
            ctx.json(Map.of(
                    "valid",
                    true,
                    "name",
                    s.name(),
                    "title",
                    s.title(),
                    "years",
                    List.of(s.time().start(), s.time().end())));
        });
        app.get("/api/scenarios/{name}/explore", ctx -> {
            Scenario s = scenarios.load(ctx.pathParam("name"));
            ctx.contentType("application/json").result(explore.json(s));
        });
        app.get("/api/scenarios/{name}/year/{year}", ctx -> {
            Scenario s = scenarios.load(ctx.pathParam("name"));
            ctx.contentType("application/json").result(explore.yearJson(s, intParam(ctx, "year")));
        });
        app.get("/api/jobs", ctx -> ctx.json(jobs.list()));
        app.post("/api/jobs", ctx -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> req = exactJson(ctx);
            jobs.refuseIfFull();
            StudyService.Prepared r = parses.run(() -> sims.parse(req));
            JobManager.Job job = jobs.submit(r.request().kind(), Simulations.json(r), sims.work(r));
            ctx.status(202).header("Location", "/api/jobs/" + job.id).json(job.status());
        });
        app.get("/api/jobs/{id}", ctx -> ctx.json(jobs.get(ctx.pathParam("id")).status()));
        app.delete(
                "/api/jobs/{id}",
                ctx -> ctx.json(jobs.cancel(ctx.pathParam("id")).status()));
        app.get("/api/jobs/{id}/result", ctx -> {
            JobManager.Job j = jobs.get(ctx.pathParam("id"));
            if (j.state != JobManager.State.DONE) {
                throw new ApiException(
                        409,
                        Map.of(
                                "error",
                                "job " + j.id + " is " + j.state.json() + ", not done",
                                "state",
                                j.state.json()));
            }
            Map<String, Object> result = j.result;
            if (result == null) {
                throw new ApiException(
                        410,
                        Map.of(
                                "error",
                                "the result of job " + j.id + " is no longer kept in memory; its study is " + j.studyId
                                        + " (GET /api/studies/" + j.studyId + ")",
                                "studyId",
                                String.valueOf(j.studyId)));
            }
            ctx.json(result);
        });
        app.before("/api/jobs/{id}/events", ctx -> {
            // Answer before the stream opens: afterwards a status can no longer be sent.
            jobs.get(ctx.pathParam("id"));
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new ApiException(406, "send Accept: text/event-stream to receive the job's progress events");
            }
        });
        app.sse("/api/jobs/{id}/events", client -> {
            JobManager.Job j = jobs.get(client.ctx().pathParam("id"));
            client.keepAlive();
            client.onClose(() -> server.listeners.remove(client));
            client.ctx().attribute("job", j);
            server.listeners.add(client);
            server.push(client);
        });
        app.get("/api/studies", ctx -> ctx.json(studies.list()));
        app.get("/api/studies/{id}", ctx -> ctx.json(studies.get(ctx.pathParam("id"))));
        app.get("/api/studies/{id}/report", ctx -> {
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(studies.report(ctx.pathParam("id")));
        });
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.status == 429 || e.status == 503) {
                ctx.header("Retry-After", String.valueOf(e.body.getOrDefault("retryAfterSeconds", 5)));
            }
            ctx.status(e.status).json(e.body);
        });
        app.exception(ScenarioException.class, (e, ctx) -> ctx.status(400).json(Scenarios.problems(e)));
        app.exception(RequestException.class, (e, ctx) -> ctx.status(400).json(problems(e)));
        app.exception(UserInputException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
        app.exception(org.multivector.model.StorageException.class, (e, ctx) -> {
            // a full disk or a database another process holds: the client may retry; it learns no path or process
            System.err.println("multivector serve: " + ctx.method() + " " + ctx.path() + ": " + e.getMessage());
            ctx.header("Retry-After", "2");
            ctx.status(503).json(Map.of("error", e.publicMessage()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            // a defect: the details (paths, classes) go to the server's log, not to the client
            System.err.println("multivector serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
            e.printStackTrace();
            ctx.status(500).json(Map.of("error", "internal error (the server's log has the details)"));
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                ctx.json(Map.of("error", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        pusher.scheduleWithFixedDelay(server::pushAll, 250, 250, TimeUnit.MILLISECONDS);
        app.start(host, port);
        guard.port(app.port());
        return server;
    }

    /** True for an address of this machine only: a server bound there needs no token. */
    public static boolean isLoopback(String host) {
        return Guard.isLoopback(host);
    }

    /** A fresh random token for a server bound beyond loopback. */
    public static String newToken() {
        return Guard.newToken();
    }

    /** A request's bad fields as the API's 400 body: {@code error} and {@code problems} (field, message, hint). */
    static Map<String, Object> problems(RequestException e) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (RequestException.FieldProblem p : e.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", p.field());
            m.put("message", p.message());
            m.put("hint", p.hint());
            list.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("problems", list);
        return body;
    }

    public int port() {
        return app.port();
    }

    private void pushAll() {
        for (SseClient c : listeners) {
            try {
                push(c);
            } catch (RuntimeException e) {
                listeners.remove(c);
            }
        }
    }

    private void push(SseClient c) {
        JobManager.Job j = c.ctx().attribute("job");
        if (j == null) {
            return;
        }
        if (c.terminated()) {
            listeners.remove(c);
            return;
        }
        Map<String, Object> status = j.status();
        c.sendEvent("progress", status);
        if (j.state.finished()) {
            c.sendEvent("done", status);
            listeners.remove(c);
            c.close();
        }
    }

    private static byte[] body(Context ctx) {
        byte[] b = BodyReads.of(ctx);
        if (b.length == 0) {
            throw new ApiException(400, "empty request body (expected a scenario in YAML)");
        }
        return b;
    }

    private static <T> T json(Context ctx, Class<T> type) {
        String text = new String(BodyReads.of(ctx), StandardCharsets.UTF_8);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text.isBlank() ? "{}" : text, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "malformed JSON: " + e.getOriginalMessage());
            throw new ApiException(400, body);
        }
    }

    /** A job body with its numbers read exactly (BigInteger, BigDecimal), so that none wraps before it is checked. */
    private static final com.fasterxml.jackson.databind.ObjectMapper EXACT =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exactJson(Context ctx) {
        String text = new String(BodyReads.of(ctx), StandardCharsets.UTF_8);
        try {
            Object v = EXACT.readValue(text.isBlank() ? "{}" : text, Object.class);
            if (!(v instanceof Map)) {
                throw new ApiException(400, "a job is a JSON object ({\"kind\": ..., ...})");
            }
            return (Map<String, Object>) v;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "malformed JSON: " + Guard.clean(e.getOriginalMessage()));
            throw new ApiException(400, body);
        }
    }

    private static int intParam(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new ApiException(400, name + ": expected a whole number");
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        app.stop();
        jobs.close();
    }
}
