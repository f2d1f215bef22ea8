package org.multivector.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multivector.scenario.ScenarioLoader;

/** The HTTP API against a real server on 127.0.0.1 (any free port) with a real DuckDB file. */
class ServerApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    static MultivectorServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = MultivectorServer.start(ServerConfig.defaults(data).withMaxBody(2 * 1024 * 1024), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    static Reply send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r);
    }

    static Reply get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    static Reply postJson(String path, String json) throws Exception {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode waitFor(MultivectorServer s, String baseUrl, String id) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/jobs/" + id))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode j = JSON.readTree(r.body());
            String state = j.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void scenariosAreListedServedAndValidated() throws Exception {
        assertThat(get("/api/health").json().get("status").asText()).isEqualTo("ok");
        assertThat(get("/api/scenarios").body())
                .contains("\"central-asia\"", "\"central-asia-prior\"", "\"mainland-southeast-asia\"");
        Reply yaml = get("/api/scenarios/central-asia");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        byte[] good = ScenarioLoader.builtInBytes("central-asia");
        assertThat(send("POST", "/api/scenarios/validate", "application/yaml", good)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
        String broken = new String(good, StandardCharsets.UTF_8)
                .replaceFirst("\\n  - id: \"KAZ\"\\n", "\n  - id: \"KAZ\"\n    bogus: 1\n");
        Reply bad =
                send("POST", "/api/scenarios/validate", "application/yaml", broken.getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        JsonNode p = bad.json().get("problems").get(0);
        assertThat(p.get("line").asInt()).isPositive();
        assertThat(broken.split("\n", -1)[p.get("line").asInt() - 1]).contains("bogus");
        assertThat(p.get("message").asText()).contains("bogus");
        Reply malformed = send("POST", "/api/scenarios/validate", "application/yaml", "a: [\n".getBytes());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("problems").get(0).get("text").asText()).contains("upload.yaml:");
    }

    @Test
    void uploadedScenariosStayInsideTheDataDirectory() throws Exception {
        byte[] good = ScenarioLoader.builtInBytes("central-asia");
        assertThat(send("PUT", "/api/scenarios/mine", "application/yaml", good).status())
                .isEqualTo(201);
        assertThat(Files.exists(data.resolve("scenarios/mine.yaml"))).isTrue();
        assertThat(get("/api/scenarios").body()).contains("\"mine\"");
        assertThat(get("/api/scenarios/mine/explore").json().get("states").has("KAZ"))
                .isTrue();
        // a small body: the server refuses the path before reading a body, and closing on an unread 150 KB upload
        // raced with the client's write (a reset instead of the 400; issue 16's hardening)
        byte[] small = "title: x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String evil : List.of("..%2Fevil", ".hidden", "a%2Fb", "%2E%2E", "x%00y", "a".repeat(65))) {
            Reply r = send("PUT", "/api/scenarios/" + evil, "application/yaml", small);
            assertThat(r.status()).as(evil).isIn(400, 404);
        }
        assertThat(get("/api/scenarios/..%2F..%2Fetc%2Fpasswd").status()).isIn(400, 404);
        assertThat(send("PUT", "/api/scenarios/central-asia", "application/yaml", good)
                        .status())
                .isEqualTo(409);
        assertThat(send("PUT", "/api/scenarios/broken", "application/yaml", "a: [".getBytes())
                        .status())
                .isEqualTo(400);
        try (var files = Files.walk(data)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(f -> data.relativize(f).toString()))
                    .allMatch(
                            f -> f.equals("scenarios/mine.yaml")
                                    || f.startsWith("results.duckdb")
                                    || f.matches(
                                            "(run|ensemble|compare)-(central|mainland-southeast)-asia-[0-9a-f]{12}/[a-z]+\\.(csv|json|html)"));
        }
    }

    @Test
    void bodiesOverTheLimitGet413AndBodiesWithoutLengthGet411() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(send("POST", "/api/scenarios/validate", "application/yaml", big)
                        .status())
                .isEqualTo(413);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base + "/api/scenarios/validate"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();
        assertThat(HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(411);
    }

    @Test
    void ensembleJobRunsReportsAndLandsInTheResultsDatabase() throws Exception {
        Reply submitted = postJson("/api/jobs", "{\"kind\":\"ensemble\",\"runs\":300,\"seed\":7}");
        assertThat(submitted.status()).isEqualTo(202);
        String id = submitted.json().get("id").asText();
        assertThat(submitted.raw().headers().firstValue("Location")).contains("/api/jobs/" + id);
        JsonNode done = waitFor(server, base, id);
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        JsonNode result = get("/api/jobs/" + id + "/result").json();
        assertThat(result.get("rsi").get("p50")).hasSize(40);
        assertThat(result.get("years").get(0).asInt()).isEqualTo(1991);
        String study = result.get("studyId").asText();
        assertThat(study).matches("ensemble-central-asia-[0-9a-f]{12}");
        assertThat(get("/api/studies").body()).contains(study);
        JsonNode reopened = get("/api/studies/" + study).json();
        assertThat(reopened.get("kind").asText()).isEqualTo("ensemble");
        assertThat(reopened.get("rsi")).hasSize(40);
        // The same study from the same seed gives the same numbers (the CLI's study id and bits).
        String again = postJson("/api/jobs", "{\"kind\":\"ensemble\",\"runs\":300,\"seed\":7}")
                .json()
                .get("id")
                .asText();
        waitFor(server, base, again);
        assertThat(get("/api/jobs/" + again + "/result").json().get("rsi")).isEqualTo(result.get("rsi"));
    }

    @Test
    void studiesWrittenByAnotherProcessAppearInTheList() throws Exception {
        get("/api/studies"); // fill the cache
        Thread.sleep(1100); // a new modification time, whatever the file system's resolution
        org.multivector.store.ResultsDatabase.with(
                data,
                db -> db.writeBargain(
                        new org.multivector.store.ResultsDatabase.Study(
                                "from-the-cli", "bargain", "issue", "h", 1, 1, "single", "{}"),
                        List.of(),
                        List.of(new org.multivector.store.ResultsDatabase.BargainOutcome(0, 3, true, "d", 42.0))));
        assertThat(get("/api/studies").body()).contains("from-the-cli");
        assertThat(get("/api/studies/from-the-cli")
                        .json()
                        .get("outcomes")
                        .get(0)
                        .get("p50")
                        .asDouble())
                .isEqualTo(42.0);
    }

    @Test
    void strategyOverridesChangeTheStudy() throws Exception {
        String plain = postJson("/api/jobs", "{\"kind\":\"ensemble\",\"runs\":100,\"seed\":11}")
                .json()
                .get("id")
                .asText();
        String over = postJson(
                        "/api/jobs",
                        "{\"kind\":\"ensemble\",\"runs\":100,\"seed\":11,\"overrides\":{\"KAZ\":\"bandwagon:RUS\"}}")
                .json()
                .get("id")
                .asText();
        waitFor(server, base, plain);
        assertThat(waitFor(server, base, over).get("state").asText()).isEqualTo("done");
        JsonNode a = get("/api/jobs/" + plain + "/result").json();
        JsonNode b = get("/api/jobs/" + over + "/result").json();
        assertThat(b.get("studyId").asText()).isNotEqualTo(a.get("studyId").asText());
        assertThat(b.get("balance").get("KAZ")).isNotEqualTo(a.get("balance").get("KAZ"));
        assertThat(b.get("request").get("overrides").get("KAZ").asText()).isEqualTo("bandwagon:RUS");
        assertThat(postJson("/api/jobs", "{\"overrides\":{\"MARS\":\"neutral\"}}")
                        .status())
                .isEqualTo(400);
        assertThat(postJson("/api/jobs", "{\"overrides\":{\"KAZ\":\"bandwagon:OTHER\"}}")
                        .status())
                .isEqualTo(400);
        assertThat(postJson("/api/jobs", "{\"overrides\":{\"KAZ\":\"sometimes\"}}")
                        .status())
                .isEqualTo(400);
        assertThat(postJson("/api/jobs", "{\"kind\":\"compare\",\"overrides\":{\"KAZ\":\"neutral\"}}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void compareAndRunJobs() throws Exception {
        String c = postJson(
                        "/api/jobs", "{\"kind\":\"compare\",\"runs\":60,\"strategies\":[\"multi-vector\",\"neutral\"]}")
                .json()
                .get("id")
                .asText();
        String r = postJson("/api/jobs", "{\"kind\":\"run\",\"seed\":3}")
                .json()
                .get("id")
                .asText();
        assertThat(waitFor(server, base, c).get("state").asText()).isEqualTo("done");
        assertThat(waitFor(server, base, r).get("state").asText()).isEqualTo("done");
        JsonNode cr = get("/api/jobs/" + c + "/result").json();
        assertThat(cr.get("baseline").asText()).isEqualTo("multi-vector");
        assertThat(cr.get("rows").size()).isGreaterThan(2);
        assertThat(get("/api/jobs/" + r + "/result").json().get("balance").has("KAZ"))
                .isTrue();
        // another region: the comparison takes its actor and strategies from the scenario
        String sea = postJson(
                        "/api/jobs", "{\"kind\":\"compare\",\"runs\":20,\"scenario\":\"mainland-southeast-asia\"}")
                .json()
                .get("id")
                .asText();
        assertThat(waitFor(server, base, sea).get("state").asText()).isEqualTo("done");
        JsonNode sr = get("/api/jobs/" + sea + "/result").json();
        assertThat(sr.get("actor").asText()).isEqualTo("VNM");
        assertThat(sr.toString()).contains("bandwagon:USA");
    }

    @Test
    void progressIsPushedAsServerSentEvents() throws Exception {
        String id = postJson("/api/jobs", "{\"kind\":\"ensemble\",\"runs\":1000}")
                .json()
                .get("id")
                .asText();
        HttpRequest sse = HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id + "/events"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(120))
                .build();
        HttpResponse<InputStream> r = HTTP.send(sse, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        int progressEvents = 0;
        String last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            String event = null;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    if ("progress".equals(event)) {
                        progressEvents++;
                    }
                    if ("done".equals(event)) {
                        last = line.substring(6);
                        break;
                    }
                }
            }
        }
        assertThat(progressEvents).isPositive();
        assertThat(get("/api/jobs/" + id + "/events").status())
                .as("without Accept: text/event-stream")
                .isEqualTo(406);
        assertThat(JSON.readTree(last).get("state").asText()).isEqualTo("done");
        assertThat(JSON.readTree(last).get("percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void badJobRequestsAre400And404() throws Exception {
        assertThat(postJson("/api/jobs", "{\"kind\":\"dance\"}").status()).isEqualTo(400);
        assertThat(postJson("/api/jobs", "{\"runs\":0}").status()).isEqualTo(400);
        assertThat(postJson("/api/jobs", "{\"runs\":1.5}").status()).isEqualTo(400);
        assertThat(postJson("/api/jobs", "{\"runs\":100000000}").status()).isEqualTo(400);
        assertThat(postJson("/api/jobs", "{\"scenario\":\"nope\"}").status()).isEqualTo(404);
        assertThat(postJson("/api/jobs", "{\"kind\":\"compare\",\"actor\":\"XXX\"}")
                        .json()
                        .get("error")
                        .asText())
                .contains("actor");
        assertThat(postJson("/api/jobs", "{\"kind\":\"compare\",\"strategies\":[\"multi-vector\",\"bandwagon:MARS\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(postJson("/api/jobs", "{not json").json().get("error").asText())
                .startsWith("malformed JSON");
        assertThat(get("/api/jobs/job-999999").status()).isEqualTo(404);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/jobs/job-999999/events"))
                                        .header("Accept", "text/event-stream")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/studies/nope").status()).isEqualTo(404);
        assertThat(get("/api/scenarios/central-asia/year/1800").status()).isEqualTo(400);
        assertThat(get("/api/nothing").status()).isEqualTo(404);
    }

    @Test
    void openApiDocumentsEveryEndpoint() throws Exception {
        JsonNode spec = get("/openapi.json").json();
        assertThat(spec.get("openapi").asText()).startsWith("3.");
        List<String> paths = List.of(
                "/api/health",
                "/api/scenarios",
                "/api/scenarios/{name}",
                "/api/scenarios/validate",
                "/api/scenarios/{name}/explore",
                "/api/scenarios/{name}/year/{year}",
                "/api/jobs",
                "/api/jobs/{id}",
                "/api/jobs/{id}/result",
                "/api/jobs/{id}/events",
                "/api/studies",
                "/api/studies/{id}");
        assertThat(spec.get("paths").properties().stream()
                        .map(java.util.Map.Entry::getKey)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(paths);
        assertThat(spec.get("paths")
                        .get("/api/jobs")
                        .get("post")
                        .get("responses")
                        .has("429"))
                .isTrue();
        // the job body's schema names every kind and every field each kind's request reads (the scenario part flat)
        JsonNode job = spec.path("components").path("schemas").path("JobRequest");
        List<String> kinds = new java.util.ArrayList<>();
        job.path("properties").path("kind").path("enum").forEach(k -> kinds.add(k.asText()));
        assertThat(kinds).containsExactlyElementsOf(org.multivector.study.StudyRequest.kinds());
        for (String kind : org.multivector.study.StudyRequest.kinds()) {
            for (java.lang.reflect.RecordComponent c :
                    org.multivector.study.StudyRequest.type(kind).getRecordComponents()) {
                List<String> names = c.getType() == org.multivector.study.ScenarioChoice.class
                        ? java.util.Arrays.stream(org.multivector.study.ScenarioChoice.class.getRecordComponents())
                                .map(java.lang.reflect.RecordComponent::getName)
                                .toList()
                        : List.of(c.getName());
                for (String n : names) {
                    assertThat(job.path("properties").has(n))
                            .as(kind + "." + n + " in the JobRequest schema")
                            .isTrue();
                }
            }
        }
        assertThat(get("/").body()).contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js").status()).isEqualTo(200);
    }

    @Test
    void aFullQueueAnswers429WithRetryAfterAndJobsCanBeCancelledOrTimeOut(@TempDir Path other) throws Exception {
        try (MultivectorServer small = MultivectorServer.start(
                ServerConfig.defaults(other).withQueue(1, 1).withJobTimeout(Duration.ofSeconds(2)), "127.0.0.1", 0)) {
            String b = "http://127.0.0.1:" + small.port();
            String body = "{\"kind\":\"ensemble\",\"runs\":100000}";
            HttpRequest post = HttpRequest.newBuilder(URI.create(b + "/api/jobs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> first = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> third = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(second.statusCode()).isEqualTo(202);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            String queued = JSON.readTree(second.body()).get("id").asText();
            HttpResponse<String> cancel = HTTP.send(
                    HttpRequest.newBuilder(URI.create(b + "/api/jobs/" + queued))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(cancel.body()).get("state").asText()).isEqualTo("cancelled");
            String running = JSON.readTree(first.body()).get("id").asText();
            JsonNode timedOut = waitFor(small, b, running);
            assertThat(timedOut.get("state").asText()).isEqualTo("timed-out");
            assertThat(timedOut.get("error").asText()).contains("time limit");
            HttpResponse<String> result = HTTP.send(
                    HttpRequest.newBuilder(URI.create(b + "/api/jobs/" + running + "/result"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(result.statusCode()).isEqualTo(409);
        }
    }
}
