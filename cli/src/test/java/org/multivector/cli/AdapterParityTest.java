package org.multivector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.multivector.server.MultivectorServer;
import org.multivector.server.ServerConfig;
import org.multivector.store.ResultsDatabase;
import org.multivector.study.StudyRecord;

/**
 * Every study kind through the command line and through the HTTP API: the same study id, the same manifest
 * (but for who ran it and when) and the same rows in the results database — the adapters add nothing of their own.
 */
class AdapterParityTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path cliDir;

    @TempDir
    static Path serverDir;

    static MultivectorServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Files.copy(Path.of("..", "examples", "bargaining", "caspian.yaml"), serverDir.resolve("caspian.yaml"));
        Files.writeString(
                serverDir.resolve("design.yaml"),
                "replicates: 2\nfactors:\n  - {name: tension-base, values: [-1.5, -1]}\n"
                        + "  - {name: 'strategy:KAZ', values: [neutral]}\n");
        ServerConfig d = ServerConfig.defaults(serverDir);
        server = MultivectorServer.start(
                new ServerConfig(serverDir, 1, 8, Duration.ofMinutes(5), d.maxBody(), d.maxRuns(), 1, null),
                "127.0.0.1",
                0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("run", List.of("run", "--seed", "5"), "{\"kind\":\"run\",\"seed\":5}"),
                Arguments.of(
                        "ensemble",
                        List.of(
                                "ensemble",
                                "--runs",
                                "50",
                                "--seed",
                                "5",
                                "--set",
                                "tension-base=-1.5",
                                "--variables",
                                "KAZ:share.*"),
                        "{\"kind\":\"ensemble\",\"runs\":50,\"seed\":5,\"set\":{\"tension-base\":-1.5},"
                                + "\"variables\":[\"KAZ:share.*\"]}"),
                Arguments.of(
                        "compare",
                        List.of(
                                "compare",
                                "--runs",
                                "20",
                                "--strategies",
                                "multi-vector,neutral",
                                "--strategy",
                                "UZB=neutral"),
                        "{\"kind\":\"compare\",\"runs\":20,\"strategies\":[\"multi-vector\",\"neutral\"],"
                                + "\"overrides\":{\"UZB\":\"neutral\"}}"),
                Arguments.of(
                        "sensitivity",
                        List.of("sensitivity", "--trajectories", "2", "--runs-per-point", "1"),
                        "{\"kind\":\"sensitivity\",\"trajectories\":2,\"runsPerPoint\":1}"),
                Arguments.of(
                        "discover",
                        List.of("discover", "--points", "20", "--runs-per-point", "1", "--parameters", "incident-base"),
                        "{\"kind\":\"discover\",\"points\":20,\"runsPerPoint\":1,\"parameters\":[\"incident-base\"]}"),
                Arguments.of(
                        "calibrate",
                        List.of(
                                "calibrate",
                                "--scenario",
                                "central-asia-prior",
                                "--parameters",
                                "tension-base,unrest-base",
                                "--max-evaluations",
                                "3",
                                "--runs-per-point",
                                "2"),
                        "{\"kind\":\"calibrate\",\"scenario\":\"central-asia-prior\",\"parameters\":[\"tension-base\","
                                + "\"unrest-base\"],\"maxEvaluations\":3,\"runsPerPoint\":2}"),
                Arguments.of("backtest", List.of("backtest", "--runs", "20"), "{\"kind\":\"backtest\",\"runs\":20}"),
                Arguments.of(
                        "sweep",
                        List.of("sweep", serverDir.resolve("design.yaml").toString()),
                        "{\"kind\":\"sweep\",\"replicates\":2,\"factors\":[{\"name\":\"tension-base\",\"values\":[-1.5,-1]},"
                                + "{\"name\":\"strategy:KAZ\",\"values\":[\"neutral\"]}]}"),
                Arguments.of(
                        "bargain",
                        List.of("bargain", serverDir.resolve("caspian.yaml").toString()),
                        "{\"kind\":\"bargain\",\"input\":\"caspian.yaml\"}"),
                Arguments.of(
                        "bargain ensemble",
                        List.of(
                                "bargain",
                                serverDir.resolve("caspian.yaml").toString(),
                                "--runs",
                                "8",
                                "--perturb",
                                "positions=5"),
                        "{\"kind\":\"bargain\",\"input\":\"caspian.yaml\",\"runs\":8,\"perturb\":\"positions=5\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKind_sameIdManifestAndRows_fromTheCommandLineAndTheApi(String kind, List<String> args, String body)
            throws Exception {
        List<String> cli = new ArrayList<>(args);
        cli.addAll(List.of("--json", "--out", cliDir.toString()));
        if (!kind.equals("run")) {
            cli.addAll(List.of("--threads", "1")); // as the server's jobs (a run has no executor options)
        }
        RunCommandTest.Result r = RunCommandTest.run(cli.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        String cliId = JSON.readTree(r.out()).path("studyId").asText();

        HttpResponse<String> submitted = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String job = JSON.readTree(submitted.body()).path("id").asText();
        JsonNode status;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        do {
            Thread.sleep(100);
            status = JSON.readTree(get("/api/jobs/" + job).body());
        } while (!status.path("state").asText().matches("done|failed|cancelled|timed-out")
                && System.nanoTime() < deadline);
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("done");
        String apiId = status.path("studyId").asText();

        assertThat(apiId).isEqualTo(cliId);
        assertThat(manifest(serverDir, apiId)).isEqualTo(manifest(cliDir, cliId));
        int kindRows = 0;
        for (String table : tables()) {
            List<String> rows = rows(cliDir, table, cliId);
            assertThat(rows(serverDir, table, apiId)).as(table).isEqualTo(rows);
            kindRows += table.equals("studies") ? 0 : rows.size();
        }
        assertThat(kindRows).as("rows of the kind's tables").isPositive();
        assertThat(rows(cliDir, "studies", cliId)).hasSize(1);
        HttpResponse<String> report = get("/api/studies/" + apiId + "/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(report.body())
                .isEqualTo(Files.readString(cliDir.resolve(cliId).resolve("report.html")));
    }

    static List<String> tables() {
        List<String> t = new ArrayList<>(List.of("studies"));
        t.addAll(ResultsDatabase.STUDY_TABLES);
        return t;
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The manifest without the fields that say who ran the study and when. */
    static JsonNode manifest(Path dir, String id) throws Exception {
        ObjectNode m = (ObjectNode)
                JSON.readTree(dir.resolve(id).resolve("manifest.json").toFile());
        StudyRecord.VOLATILE_FIELDS.forEach(m::remove);
        return m;
    }

    /** A study's rows in a table, as text, in a stable order (the studies row without its time and manifest). */
    static List<String> rows(Path dir, String table, String id) throws Exception {
        String select = table.equals("studies") ? "* EXCLUDE (created, manifest)" : "*";
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:duckdb:" + dir.resolve(ResultsDatabase.FILE).toAbsolutePath(),
                        java.util.Map.of("duckdb.read_only", "true").entrySet().stream()
                                .collect(
                                        java.util.Properties::new,
                                        (p, e) -> p.put(e.getKey(), e.getValue()),
                                        java.util.Properties::putAll));
                PreparedStatement ps = c.prepareStatement(
                        "SELECT " + select + " FROM " + table + " WHERE study_id = ? ORDER BY ALL")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int k = 1; k <= n; k++) {
                        b.append(rs.getString(k)).append('|');
                    }
                    out.add(b.toString());
                }
            }
        }
        return out;
    }
}
