package org.multivector.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server serves only its own page (issue 16, item 1): cross-site submissions, DNS rebinding, framing and
 * sniffing are refused, and a token guards a server that has one. Raw HTTP over a socket, so every header — Host
 * included — is exactly what an attacker's browser could send.
 */
class ServerSecurityTest {
    @TempDir
    static Path data;

    @TempDir
    static Path tokenData;

    static MultivectorServer open;
    static MultivectorServer guarded;
    static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @BeforeAll
    static void start() {
        open = MultivectorServer.start(ServerConfig.defaults(data), "127.0.0.1", 0);
        guarded = MultivectorServer.start(ServerConfig.defaults(tokenData).withToken(TOKEN), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        open.close();
        guarded.close();
    }

    record Reply(int status, Map<String, String> headers, String body) {}

    /** Sends one request with exactly these headers (a Content-Length is added for a body) and reads the reply. */
    static Reply raw(int port, String method, String path, Map<String, String> headers, String body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                req.append("Content-Length: ").append(b.length).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> h = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int c = lines[i].indexOf(':');
                h.put(
                        lines[i].substring(0, c).toLowerCase(Locale.ROOT),
                        lines[i].substring(c + 1).strip());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), h, text.substring(end + 4));
        }
    }

    static Map<String, String> host(MultivectorServer s, String... more) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "127.0.0.1:" + s.port());
        for (int i = 0; i < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    static final String JOB = "{\"kind\":\"run\"}";

    @Test
    void csrf_aFormOrPlainTextPost_fromAnyPage_isRefused() throws Exception {
        int port = open.port();
        for (String type : new String[] {
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain; a=b"
        }) {
            Reply r = raw(port, "POST", "/api/jobs", host(open, "Content-Type", type), JOB);
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.body()).contains("application/json");
        }
        // no type at all, as a bare fetch with a body sends
        assertThat(raw(port, "POST", "/api/jobs", host(open), JOB).status()).isEqualTo(415);
        // JSON from this server's own page, or from a tool that sends no Origin, is accepted
        assertThat(raw(port, "POST", "/api/jobs", host(open, "Content-Type", "application/json"), JOB)
                        .status())
                .isEqualTo(202);
        assertThat(raw(
                                port,
                                "POST",
                                "/api/jobs",
                                host(open, "Content-Type", "application/json", "Origin", "http://127.0.0.1:" + port),
                                JOB)
                        .status())
                .isEqualTo(202);
        // the YAML uploads of the scenario editor keep working
        assertThat(raw(port, "POST", "/api/scenarios/validate", host(open, "Content-Type", "application/yaml"), "a: [")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void csrf_aRequestFromAnotherOrigin_mayNotChangeState() throws Exception {
        int port = open.port();
        Reply post = raw(
                port,
                "POST",
                "/api/jobs",
                host(open, "Content-Type", "application/json", "Origin", "http://evil.example"),
                JOB);
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.body()).contains("another origin");
        assertThat(raw(
                                port,
                                "PUT",
                                "/api/scenarios/mine",
                                host(open, "Content-Type", "application/yaml", "Origin", "null"),
                                "a: 1")
                        .status())
                .isEqualTo(403);
        assertThat(raw(port, "DELETE", "/api/jobs/1", host(open, "Origin", "http://localhost:1"), null)
                        .status())
                .isEqualTo(403);
        // reading is not a change: a foreign page cannot read the answer anyway (no CORS headers)
        Reply get = raw(port, "GET", "/api/health", host(open, "Origin", "http://evil.example"), null);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.headers()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void dnsRebinding_aRequestNamingAnotherHost_isRefused() throws Exception {
        int port = open.port();
        for (String path : new String[] {"/api/studies", "/api/health", "/"}) {
            Reply r = raw(port, "GET", path, Map.of("Host", "evil.example:" + port), null);
            assertThat(r.status()).as(path).isEqualTo(421);
        }
        assertThat(raw(port, "PUT", "/api/scenarios/x", Map.of("Host", "evil.example"), "a: 1")
                        .status())
                .isEqualTo(421);
        assertThat(raw(port, "GET", "/api/health", Map.of("Host", "127.0.0.1:1"), null)
                        .status())
                .as("another port")
                .isEqualTo(421);
        Reply bad = raw(port, "GET", "/api/health", Map.of("Host", "evil\u001b]0;x\u0007.example"), null);
        assertThat(bad.status()).isIn(400, 421); // Jetty refuses the control characters itself
        assertThat(bad.body()).doesNotContain("\u001b");
        for (String ok : new String[] {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}) {
            assertThat(raw(port, "GET", "/api/health", Map.of("Host", ok), null).status())
                    .as(ok)
                    .isEqualTo(200);
        }
    }

    @Test
    void securityHeaders_onThePage_theApi_andASandboxedReport() throws Exception {
        int port = open.port();
        for (String path : new String[] {"/", "/app.js", "/api/health", "/api/no-such"}) {
            Reply r = raw(port, "GET", path, host(open), null);
            assertThat(r.headers().get("content-security-policy"))
                    .as(path)
                    .contains("frame-ancestors 'none'", "script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.headers()).containsEntry("x-content-type-options", "nosniff");
            assertThat(r.headers()).containsEntry("x-frame-options", "DENY");
        }
        Reply report = raw(port, "GET", "/api/studies/none/report", host(open), null);
        assertThat(report.headers().get("content-security-policy"))
                .startsWith("sandbox allow-scripts")
                .contains("default-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("allow-same-origin");
        // a refused request carries them too
        Reply refused = raw(port, "GET", "/", Map.of("Host", "evil.example"), null);
        assertThat(refused.headers()).containsKey("content-security-policy");
    }

    @Test
    void token_isNeededOnEveryApiRequest_butNotForThePageItself() throws Exception {
        int port = guarded.port();
        Reply none = raw(port, "GET", "/api/health", host(guarded), null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers()).containsEntry("www-authenticate", "Bearer");
        assertThat(none.body()).doesNotContain(TOKEN);
        assertThat(raw(port, "GET", "/api/health", host(guarded, "Authorization", "Bearer " + TOKEN), null)
                        .status())
                .isEqualTo(200);
        assertThat(raw(port, "GET", "/api/health?token=" + TOKEN, host(guarded), null)
                        .status())
                .as("event streams and report links")
                .isEqualTo(200);
        assertThat(raw(port, "GET", "/api/studies", host(guarded, "Authorization", "Bearer " + TOKEN + "0"), null)
                        .status())
                .isEqualTo(401);
        assertThat(raw(port, "POST", "/api/jobs", host(guarded, "Content-Type", "application/json"), JOB)
                        .status())
                .isEqualTo(401);
        assertThat(raw(port, "GET", "/", host(guarded), null).status()).isEqualTo(200);
    }

    /** Issue 16, item 5: a year key or an id with a trailing newline is a 400 naming its line, never a 500 or a save. */
    @Test
    void trailingNewline_inAYearKeyOrAnId_isA400_andNothingIsSaved() throws Exception {
        String yaml = new String(
                org.multivector.scenario.ScenarioLoader.builtInBytes("central-asia"), StandardCharsets.UTF_8);
        String year = yaml.replaceFirst(" 1994: ", " \"1994\\\\n\": ");
        String id = yaml.replaceFirst("- id: \"KGZ\"", "- id: \"KGZ\\\\n\"");
        assertThat(year).isNotEqualTo(yaml);
        assertThat(id).isNotEqualTo(yaml);
        int port = open.port();
        Reply v = raw(port, "POST", "/api/scenarios/validate", host(open, "Content-Type", "application/yaml"), year);
        assertThat(v.status()).isEqualTo(400);
        assertThat(v.body()).contains("\"line\"").doesNotContain("NumberFormatException");
        Reply put = raw(port, "PUT", "/api/scenarios/newline", host(open, "Content-Type", "application/yaml"), id);
        assertThat(put.status()).isEqualTo(400);
        assertThat(raw(port, "GET", "/api/scenarios/newline", host(open), null).status())
                .isEqualTo(404);
    }

    /**
     * Issue 16, item 7: API seeds wrapped silently (2^64 ran as 0, 1e400 as Long.MAX), {@code kind: null} ran an
     * ensemble, and 400s named Java classes. Every such body is a 400 naming its field in the API's words.
     */
    @Test
    void apiSeedsAndKinds_neverWrapOrDefaultSilently_andMessagesNameNoJavaClass() throws Exception {
        int port = open.port();
        String[][] cases = {
            {"{\"kind\":\"run\",\"seed\":18446744073709551616}", "seed", "outside 0..9223372036854775807"},
            {"{\"kind\":\"run\",\"seed\":9223372036854775808}", "seed", "outside"},
            {"{\"kind\":\"run\",\"seed\":-1}", "seed", "outside 0.."},
            {"{\"kind\":\"run\",\"seed\":1e400}", "seed", "beyond the range of a number"},
            {"{\"kind\":\"run\",\"seed\":1.5}", "seed", "whole number"},
            {"{\"kind\":\"run\",\"seed\":\"18446744073709551616\"}", "seed", "whole number"},
            {"{\"kind\":null}", "kind", "is null"},
            {"{\"kind\":5}", "kind", "is not text"},
            {"{\"kind\":\"ensemble\",\"runs\":\"many\"}", "runs", "whole number"},
            {"{\"kind\":\"ensemble\",\"runs\":[1]}", "runs", "whole number"},
            {"{\"kind\":\"ensemble\",\"rnus\":10}", "rnus", "unknown field"},
            {"{\"kind\":\"compare\",\"strategies\":\"neutral\"}", "strategies", ""},
            {"[1, 2]", null, "JSON object"},
        };
        for (String[] c : cases) {
            Reply r = raw(port, "POST", "/api/jobs", host(open, "Content-Type", "application/json"), c[0]);
            assertThat(r.status()).as(c[0] + " → " + r.body()).isEqualTo(400);
            if (c[1] != null) {
                assertThat(r.body()).as(c[0]).contains("\"field\":\"" + c[1] + "\"");
            }
            assertThat(r.body())
                    .as(c[0])
                    .contains(c[2])
                    .doesNotContainIgnoringCase("java.")
                    .doesNotContain("`");
        }
        // a seed as text (the dashboard sends it so: JavaScript numbers end at 2^53) is read exactly
        Reply text = raw(
                port,
                "POST",
                "/api/jobs",
                host(open, "Content-Type", "application/json"),
                "{\"kind\":\"run\",\"seed\":\"9007199254740993\"}");
        assertThat(text.status()).as(text.body()).isEqualTo(202);
        // "the dashboard rounds seeds above 2^53": the API echoes seeds as text, in the job and in the study list
        assertThat(text.body()).contains("\"seed\":\"9007199254740993\"");
        String job = text.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!raw(port, "GET", "/api/jobs/" + job, host(open), null).body().contains("\"state\":\"done\"")) {
            assertThat(System.nanoTime()).as("the run finishes").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(raw(port, "GET", "/api/studies", host(open), null).body()).contains("\"seed\":\"9007199254740993\"");
    }

    /** Issue 16, item 14: "the --bind warning fires on loopback addresses". */
    @Test
    void bindWarningOnLoopback_everySpellingOfLoopbackIsLoopback_andNothingElse() {
        for (String h :
                new String[] {"127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "0:0:0:0:0:0:0:1", "localhost"}) {
            assertThat(MultivectorServer.isLoopback(h)).as(h).isTrue();
        }
        for (String h : new String[] {"0.0.0.0", "::", "192.0.2.7", "10.0.0.1", "example.org", "128.0.0.1"}) {
            assertThat(MultivectorServer.isLoopback(h)).as(h).isFalse();
        }
    }

    @Test
    void bindingBeyondLoopback_withoutAToken_isRefused() {
        assertThatThrownBy(() -> new Guard("0.0.0.0", null)).hasMessageContaining("needs a token");
        assertThatThrownBy(() -> new Guard("192.0.2.7", null)).hasMessageContaining("needs a token");
        new Guard("127.0.0.1", null);
        new Guard("::1", null);
        new Guard("localhost", null);
        new Guard("0.0.0.0", Guard.newToken());
        assertThat(Guard.newToken()).hasSize(32).isNotEqualTo(Guard.newToken());
        assertThat(Guard.isLoopback("127.0.0.2")).isTrue();
        assertThat(Guard.isLoopback("10.0.0.1")).isFalse();
        assertThat(Guard.isLoopback("example.org")).isFalse();
    }
}
