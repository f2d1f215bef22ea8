package org.multivector.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's Chromium (installed by {@code scripts/install-chromium.sh}, which {@code .ci/run}
 * runs; the test never installs anything and never uses a downloaded browser), driven by Selenium with Debian's
 * chromedriver. Screenshots go to {@code target/screenshots/}.
 */
class DashboardBrowserIT {
    @TempDir
    static Path data;

    static MultivectorServer server;
    static ChromeDriver driver;
    static WebDriverWait wait;
    /** How often a wait looks again (Selenium's default is half a second, which the reopening loop paid at each step). */
    static final Duration POLL = Duration.ofMillis(100);

    static final Path SHOTS = Path.of("target", "screenshots");
    /** Selenium 4.49 knows CDP up to 153 and says so at every start; the tests use no CDP (held: JUL keeps weak references). */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @BeforeAll
    static void start() throws Exception {
        ensureChromium();
        server = MultivectorServer.start(ServerConfig.defaults(data), "127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(which("chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("mv-chromium-profile"));
        // the browser's console, where Chromium reports every Content-Security-Policy violation
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(which("chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1300, 1100));
        wait = new WebDriverWait(driver, Duration.ofSeconds(60), POLL);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Fails, saying how to install them, when Debian's Chromium or chromedriver is missing. */
    static void ensureChromium() {
        assertThat(which("chromium") != null && which("chromedriver") != null)
                .as(
                        "Debian's chromium and chromedriver are on PATH (install them with: bash scripts/install-chromium.sh)")
                .isTrue();
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    static String which(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, exe);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Painted pixels of a chart's canvas (0 when it has none). */
    static long painted(String chartId) {
        Object n = js("const c = document.querySelector('#" + chartId + " canvas'); if (!c) return 0;"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let k = 0;"
                + " for (let i = 3; i < d.length; i += 4) if (d[i] > 0) k++; return k;");
        return ((Number) n).longValue();
    }

    /**
     * Waits until the page says the job it follows is done. On a timeout it fails with what the server itself says of
     * the job, and prints where every thread of this JVM (the server's among them) stands: a job that hangs and events
     * that stopped look alike in the page.
     */
    static void waitForDone(WebDriverWait slow) throws Exception {
        try {
            slow.until(ExpectedConditions.textMatches(
                    By.id("progress-text"), java.util.regex.Pattern.compile("done, 100\\.0 %")));
        } catch (org.openqa.selenium.TimeoutException e) {
            String text = driver.findElement(By.id("progress-text")).getText();
            String id = text.contains(":") ? text.substring(0, text.indexOf(':')) : "unknown";
            java.net.http.HttpResponse<String> status = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                            "http://127.0.0.1:" + server.port() + "/api/jobs/" + id))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            StringBuilder threads = new StringBuilder("threads when the page still showed '" + text + "':\n");
            Thread.getAllStackTraces().forEach((t, stack) -> {
                threads.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement f : stack) {
                    threads.append("    at ").append(f).append('\n');
                }
            });
            System.err.println(threads);
            throw new AssertionError(
                    "the page shows '" + text + "', the server says " + status.statusCode() + " " + status.body()
                            + " (the threads are on stderr)",
                    e);
        }
    }

    static void open() {
        driver.get("http://127.0.0.1:" + server.port() + "/");
        wait.until(d -> "1".equals(js("return document.body.dataset.ready")));
    }

    /** What the browser console said since the last call (CSP violations among it). */
    static List<String> console() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage())
                .toList();
    }

    /**
     * A server with a token: the dashboard opened from the address serve prints ({@code #token=...}) loads, keeps the
     * token out of the address bar, and sends it on its API calls and event streams; nothing on the page breaks the
     * Content-Security-Policy.
     */
    @Test
    void dashboardOnAGuardedServer_sendsItsToken_andBreaksNoContentSecurityPolicy() throws Exception {
        console();
        String token = Guard.newToken();
        Path dir = Files.createTempDirectory(data, "guarded");
        try (MultivectorServer guarded =
                MultivectorServer.start(ServerConfig.defaults(dir).withToken(token), "127.0.0.1", 0)) {
            driver.get("http://127.0.0.1:" + guarded.port() + "/#token=" + token);
            wait.until(d -> "1".equals(js("return document.body.dataset.ready")));
            assertThat(String.valueOf(js("return location.hash"))).isEmpty();
            Object studies = ((JavascriptExecutor) driver)
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + " api('/api/studies').then(x => done(Array.isArray(x) ? 'ok' : 'no'), e => done('' + e));");
            assertThat(studies).isEqualTo("ok");
            wait.until(d -> painted("network") > 1000);
        }
        assertThat(console()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
        open(); // back to the open server for the other tests
        assertThat(console()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }

    @Test
    void exploreYearSliderMovesTheNetworkAndLists() throws Exception {
        open();
        assertThat(driver.findElement(By.id("year-label")).getText()).isEqualTo("2008");
        wait.until(d -> painted("network") > 1000);
        String before = driver.findElement(By.id("institutions")).getText();
        WebElement slider = driver.findElement(By.id("year"));
        for (int k = 0; k < 10; k++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        wait.until(ExpectedConditions.textToBe(By.id("year-label"), "2018"));
        wait.until(d -> !d.findElement(By.id("institutions")).getText().equals(before));
        assertThat(driver.findElement(By.id("institutions")).getText()).contains("Eurasian Economic Union");
        assertThat(driver.findElement(By.id("network-caption")).getText()).contains("2018");
        // as describe says: trade in 2018 has no observation (customs data end in 2014), so the model's values show
        if (String.valueOf(js("return document.getElementById('dimension-select').value"))
                .equals("trade")) {
            assertThat(driver.findElement(By.id("network-caption")).getText()).contains("missing");
        }
        assertThat(painted("shares")).isGreaterThan(1000);
        assertThat(painted("balance")).isGreaterThan(1000);
        shot("explore-2018");
    }

    @Test
    void anotherRegion_isExploredAndCompared_withItsOwnStatesAndDefaults() throws Exception {
        open();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("explore-scenario")))
                .selectByVisibleText("mainland-southeast-asia");
        wait.until(d -> String.valueOf(js("return document.getElementById('state-select').innerText"))
                .contains("VNM"));
        wait.until(d -> d.findElement(By.id("institutions")).getText().contains("ASEAN"));
        assertThat(js("return document.getElementById('state-select').value")).isEqualTo("VNM");
        wait.until(d -> painted("network") > 1000);
        shot("explore-southeast-asia");
        driver.findElement(By.id("tab-simulate")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sim-scenario")))
                .selectByVisibleText("mainland-southeast-asia");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sim-kind"))).selectByValue("compare");
        WebElement runs = driver.findElement(By.id("sim-runs"));
        runs.clear();
        runs.sendKeys("40");
        driver.findElement(By.id("sim-strategies")).clear(); // the scenario's comparison
        driver.findElement(By.id("sim-start")).click();
        WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(120), POLL);
        slow.until(d -> d.findElement(By.id("result-table")).getText().contains("bandwagon:USA"));
        assertThat(driver.findElement(By.id("result-table")).getText()).contains("bandwagon:CHN", "neutral");
        shot("simulate-compare-southeast-asia");
    }

    @Test
    void anEnsembleRunsWithLiveProgressAndDrawsItsChart() throws Exception {
        open();
        driver.findElement(By.id("tab-simulate")).click();
        WebElement runs = driver.findElement(By.id("sim-runs"));
        runs.clear();
        runs.sendKeys("4000");
        // variables beyond the report's set reach the request (and the manifest's list of what was summarised)
        driver.findElement(By.id("sim-variables")).sendKeys("KAZ:share.trade.*");
        driver.findElement(By.id("sim-start")).click();
        // live progress: the bar moves while the job runs (a fast machine may go straight to done)
        wait.until(d -> {
            String t = d.findElement(By.id("progress-text")).getText();
            return t.contains("running") || t.contains("done");
        });
        WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(120), POLL);
        waitForDone(slow);
        assertThat(driver.findElement(By.id("progress")).getAttribute("value")).isEqualTo("100");
        slow.until(d -> painted("result-chart") > 5000);
        assertThat(driver.findElement(By.id("result-title")).getText()).contains("ensemble of central-asia");
        assertThat(String.valueOf(js("return JSON.stringify(shown['result-title'].request.variables)")))
                .isEqualTo("[\"KAZ:share.trade.*\"]");
        // the standard set (128 of the 360) and KAZ's trade share with each of the 4 poles
        assertThat(String.valueOf(js("return shown['result-title'].manifest.summarised")))
                .isEqualTo("132 of 360 variables (the standard set and KAZ:share.trade.*)");
        assertThat(driver.findElement(By.id("result-table")).getText()).contains("KAZ");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("result-view")))
                .selectByVisibleText("balance KAZ");
        wait.until(d -> String.valueOf(js("return charts['result-chart'].option.title.text"))
                .startsWith("Balance index of KAZ"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("result-view"))).selectByVisibleText("RSI");
        shot("simulate-ensemble");
        // Every figure downloads as PNG, SVG and CSV (the browser's save is captured instead of written).
        js(
                "window.savedFiles = []; window.save = (name, href) => window.savedFiles.push(name + ' ' + href.slice(0, 40));");
        for (WebElement b : driver.findElements(By.cssSelector(".downloads[data-chart='result-chart'] button"))) {
            b.click();
        }
        @SuppressWarnings("unchecked")
        List<String> saved = (List<String>) js("return window.savedFiles;");
        assertThat(saved).hasSize(3);
        assertThat(saved.get(0)).startsWith("result-chart.png data:image/png;base64,");
        assertThat(saved.get(1)).startsWith("result-chart.svg data:image/svg+xml;");
        assertThat(saved.get(2)).startsWith("result-chart.csv data:text/csv;charset=utf-8,year%2Cmean");
        // The study is in the results database and reopens.
        driver.findElement(By.id("tab-results")).click();
        wait.until(d -> d.findElements(By.cssSelector("#studies tr.study")).size() > 0);
        driver.findElement(By.cssSelector("#studies tr.study td:nth-child(2)")).click();
        wait.until(d -> painted("study-chart") > 5000);
        assertThat(driver.findElement(By.id("study-title")).getText()).contains("ensemble");
        shot("results-reopened");
        // A second study, then the two compared.
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        String body = "{\"kind\":\"ensemble\",\"runs\":500,\"scenario\":\"central-asia-prior\"}";
        String id = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(http.send(
                                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/jobs"))
                                        .header("Content-Type", "application/json")
                                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("id")
                .asText();
        ServerApiTest.waitFor(server, base, id);
        driver.findElement(By.id("tab-explore")).click();
        driver.findElement(By.id("tab-results")).click();
        // the table is rebuilt when the list arrives: wait for the new study, then tick two ensembles
        wait.until(d -> d.findElement(By.id("studies")).getText().contains("central-asia-prior"));
        List<WebElement> ensembles = driver.findElements(
                By.xpath("//table[@id='studies']//tr[contains(@class,'study')][td[3][text()='ensemble']]//input"));
        assertThat(ensembles.size()).isGreaterThanOrEqualTo(2);
        ensembles.get(0).click();
        ensembles.get(1).click();
        driver.findElement(By.id("compare-studies")).click();
        wait.until(ExpectedConditions.textToBe(By.id("study-title"), "RSI median of 2 studies"));
        wait.until(d -> painted("study-chart") > 5000);
        shot("results-compared");
    }

    @Test
    void aComparisonShowsAForestPlotPerMetric() throws Exception {
        open();
        driver.findElement(By.id("tab-simulate")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sim-kind"))).selectByValue("compare");
        WebElement runs = driver.findElement(By.id("sim-runs"));
        runs.clear();
        runs.sendKeys("100");
        WebElement strategies = driver.findElement(By.id("sim-strategies"));
        strategies.clear();
        strategies.sendKeys("multi-vector,bandwagon:RUS,neutral");
        // over the shipped posterior, decomposed over 20 of the 100 runs
        driver.findElement(By.id("sim-posterior")).sendKeys("central-asia");
        driver.findElement(By.id("sim-decompose-runs")).sendKeys("20");
        driver.findElement(By.id("sim-start")).click();
        WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(120), POLL);
        waitForDone(slow);
        slow.until(d -> painted("result-chart") > 2000);
        assertThat(driver.findElement(By.id("result-table")).getText())
                .contains("bandwagon:RUS", "neutral", "P(better)");
        assertThat(String.valueOf(js("return JSON.stringify(shown['result-title'].request)")))
                .contains("\"posterior\":\"central-asia\"", "\"decompose\":true", "\"decomposeRuns\":20");
        assertThat(js("return shown['result-title'].decompositionRuns")).isEqualTo(20L);
        List<WebElement> metrics =
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("result-view"))).getOptions();
        assertThat(metrics.size()).isGreaterThan(1);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("result-view"))).selectByIndex(1);
        String metric = metrics.get(1).getText();
        wait.until(d -> String.valueOf(js("return charts['result-chart'].option.title.text"))
                .contains(metric));
        shot("simulate-compare");
        // what carries each ΔRSI: a bar per channel and alternative, and a table whose ΔRSI row sums the parts
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("result-view")))
                .selectByVisibleText("What carries ΔRSI");
        wait.until(d -> String.valueOf(js("return charts['result-chart'].option.title.text"))
                .startsWith("What carries each ΔRSI against multi-vector (over 20 runs)"));
        assertThat(driver.findElement(By.id("result-table")).getText())
                .contains("pressure", "interaction", "ΔRSI", "bandwagon:RUS");
        assertThat(((Number) js("return charts['result-chart'].option.series.length")).intValue())
                .isEqualTo(2);
        shot("simulate-compare-decomposition");
    }

    @Test
    void aBrokenUploadShowsItsErrorNextToTheLine() throws Exception {
        open();
        driver.findElement(By.id("tab-scenarios")).click();
        String yaml = new String(ScenarioLoader.builtInBytes("central-asia"), StandardCharsets.UTF_8);
        String broken = yaml.replaceFirst("\\n  - id: \"KAZ\"\\n", "\n  - id: \"KAZ\"\n    populaton: 19\n");
        List<String> lines = List.of(broken.split("\n", -1));
        int expected = lines.indexOf("    populaton: 19") + 1;
        Path file = data.resolve("broken-upload.yaml");
        Files.writeString(file, broken);
        driver.findElement(By.id("scenario-file"))
                .sendKeys(file.toAbsolutePath().toString());
        WebElement problem =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#annotated .problem")));
        assertThat(problem.getAttribute("data-line")).isEqualTo(String.valueOf(expected));
        assertThat(problem.getText()).contains("line " + expected, "populaton");
        // The problem sits right after its line in the annotated view.
        WebElement line = driver.findElement(By.id("line-" + expected));
        assertThat(line.getAttribute("class")).contains("bad");
        assertThat(js("return document.getElementById('line-" + expected + "').nextElementSibling.dataset.line"))
                .isEqualTo(String.valueOf(expected));
        assertThat(driver.findElement(By.id("scenario-status")).getText()).contains("problem");
        shot("scenario-error");
    }

    /** Submits a job through the API and waits for it; returns its study id. */
    static String study(String body) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        java.net.http.HttpResponse<String> r = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/jobs"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.body())
                .get("id")
                .asText();
        com.fasterxml.jackson.databind.JsonNode done = ServerApiTest.waitFor(server, base, id);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        return done.get("studyId").asText();
    }

    @Test
    void studiesOfEveryKind_reopenWithTheirOwnChart_andCompareWhereTheyHaveAnRsi() throws Exception {
        Files.copy(
                Path.of("..", "examples", "bargaining", "caspian.yaml"),
                data.resolve("caspian.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.util.Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put("run", study("{\"kind\":\"run\",\"seed\":3}"));
        kinds.put("sensitivity", study("{\"kind\":\"sensitivity\",\"trajectories\":2,\"runsPerPoint\":1}"));
        kinds.put("ensemble", study("{\"kind\":\"ensemble\",\"runs\":60,\"seed\":3}"));
        kinds.put(
                "discover",
                study("{\"kind\":\"discover\",\"points\":40,\"runsPerPoint\":1,\"target\":\"not-worse\","
                        + "\"parameters\":[\"bandwagon-weight\",\"incident-base\"]}"));
        kinds.put(
                "calibrate",
                study("{\"kind\":\"calibrate\",\"scenario\":\"central-asia-prior\",\"parameters\":[\"tension-base\"],"
                        + "\"maxEvaluations\":3,\"runsPerPoint\":2}"));
        kinds.put("compare", study("{\"kind\":\"compare\",\"runs\":30,\"strategies\":[\"multi-vector\",\"neutral\"]}"));
        kinds.put("backtest", study("{\"kind\":\"backtest\",\"runs\":30}"));
        kinds.put("bargain", study("{\"kind\":\"bargain\",\"input\":\"caspian.yaml\"}"));
        kinds.put(
                "bargain ensemble",
                study("{\"kind\":\"bargain\",\"input\":\"caspian.yaml\",\"runs\":8,\"perturb\":\"positions=5\"}"));
        open();
        driver.findElement(By.id("tab-results")).click();
        wait.until(d -> kinds.values().stream()
                .allMatch(id -> d.findElement(By.id("studies")).getText().contains(id)));
        String previousTitle = "";
        for (java.util.Map.Entry<String, String> k : kinds.entrySet()) {
            String id = k.getValue();
            driver.findElement(By.xpath("//table[@id='studies']//tr[@data-id='" + id + "']/td[2]"))
                    .click();
            wait.until(d -> id.equals(js("return document.getElementById('study-chart').dataset.study")));
            wait.until(d -> painted("study-chart") > 1000);
            String title = String.valueOf(js("return charts['study-chart'].option.title.text"));
            assertThat(title).as(k.getKey()).isNotEqualTo(previousTitle).isNotBlank();
            assertThat(driver.findElement(By.id("study-title")).getText()).contains(id);
            previousTitle = title;
            shot("reopened-" + k.getKey().replace(' ', '-'));
        }
        for (String id : kinds.values()) {
            driver.findElement(By.xpath("//table[@id='studies']//tr[@data-id='" + id + "']//input"))
                    .click();
        }
        driver.findElement(By.id("compare-studies")).click();
        wait.until(d -> d.findElement(By.id("study-title")).getText().startsWith("RSI median of 4 studies"));
        assertThat(driver.findElement(By.id("study-title")).getText())
                .contains("not compared", kinds.get("sensitivity"), kinds.get("calibrate"), kinds.get("bargain"));
        wait.until(d -> painted("study-chart") > 1000);
        // a comparison counts with every strategy: run, ensemble, backtest and the comparison's two strategies
        assertThat(((Number) js("return charts['study-chart'].option.series.length")).intValue())
                .isEqualTo(5);
        shot("results-compared-every-kind");
        // Every kind's report.html, served by the API: every chart drawn by the inlined ECharts, offline.
        for (java.util.Map.Entry<String, String> k : kinds.entrySet()) {
            driver.get("http://127.0.0.1:" + server.port() + "/api/studies/" + k.getValue() + "/report");
            wait.until(d -> js("return document.body.dataset.chartsReady") != null);
            long divs = ((Number) js("return document.querySelectorAll('div.mv-chart').length")).longValue();
            assertThat(divs).as(k.getKey() + " charts").isPositive();
            assertThat(js("return document.body.dataset.chartsReady")).isEqualTo(String.valueOf(divs));
            Object unpainted = js("let n = 0; document.querySelectorAll('div.mv-chart').forEach(el => {"
                    + " const c = el.querySelector('canvas'); if (!c) { n++; return; }"
                    + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let k = 0;"
                    + " for (let i = 3; i < d.length; i += 4) if (d[i] > 0) k++; if (k < 500) n++; }); return n;");
            assertThat(((Number) unpainted).longValue())
                    .as(k.getKey() + ": charts without pixels")
                    .isZero();
            assertThat(((Number) js("return document.querySelectorAll('.mv-downloads button').length")).longValue())
                    .isEqualTo(2 * divs);
            shot("report-" + k.getKey().replace(' ', '-'));
        }
    }
}
