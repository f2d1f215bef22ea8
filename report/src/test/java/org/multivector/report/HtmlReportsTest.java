package org.multivector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.multivector.engine.Variable;
import org.multivector.scenario.Overlay;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.study.BacktestRequest;
import org.multivector.study.BargainRequest;
import org.multivector.study.CalibrateRequest;
import org.multivector.study.CheckpointStore;
import org.multivector.study.CompareRequest;
import org.multivector.study.EnsembleRequest;
import org.multivector.study.RawSink;
import org.multivector.study.RequestException;
import org.multivector.study.RunRequest;
import org.multivector.study.ScenarioCatalog;
import org.multivector.study.ScenarioChoice;
import org.multivector.study.SensitivityRequest;
import org.multivector.study.StudyArchive;
import org.multivector.study.StudyRecord;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import org.multivector.study.ThreadExecutor;

/** Every kind's report: one offline file whose charts are ECharts options with titled axes, legends and marks. */
class HtmlReportsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final ScenarioCatalog CATALOG = new ScenarioCatalog() {
        @Override
        public Source scenario(String reference) {
            return new Source(reference, reference + ".yaml", ScenarioLoader.builtInBytes(reference));
        }

        @Override
        public Overlay overlay(String reference) {
            throw RequestException.of("overlays", "none here");
        }

        @Override
        public Source issue(String reference) {
            try {
                byte[] b = java.nio.file.Files.readAllBytes(
                        java.nio.file.Path.of("..", "examples", "bargaining", reference));
                return new Source(reference, reference, b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    };

    /** Keeps the report of the last saved study. */
    static final class Keep implements StudyArchive {
        final Map<String, String> reports = new LinkedHashMap<>();

        @Override
        public void reserve(String directory, String studyId) {}

        @Override
        public RawSink rawRuns(String directory, List<Variable> variables, int firstYear, boolean resume) {
            return (block, firstRun, runs, outputs, size) -> {};
        }

        @Override
        public String save(String directory, StudyRecord record, StudyResult result, Map<String, byte[]> files) {
            reports.put(record.kind(), new String(files.get("report.html"), StandardCharsets.UTF_8));
            return directory;
        }
    }

    static Stream<StudyRequest> requests() {
        return Stream.of(
                new RunRequest(null, null),
                new EnsembleRequest(null, 1L, 40L, false),
                new CompareRequest(null, 1L, 20L, null, List.of("multi-vector", "neutral"), null),
                new SensitivityRequest(null, 1L, null, 2, null, 1, null, null, null),
                new CalibrateRequest(
                        ScenarioChoice.of("central-asia-prior"), 1L, null, List.of("tension-base"), 2, 3, null, null),
                new BacktestRequest(null, 1L, 20L, null, null),
                new BargainRequest("caspian.yaml", null, null, null, null, null, null, null),
                new BargainRequest("caspian.yaml", null, null, null, null, null, 6, "positions=5"));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void everyKind_oneOfflineFile_chartsWithTitledAxesAndLegends(StudyRequest request) throws Exception {
        Keep keep = new Keep();
        StudyService service = new StudyService(CATALOG, keep, CheckpointStore.NONE, new HtmlReports(), "test");
        try (ThreadExecutor ex = new ThreadExecutor(1)) {
            service.run(request, StudyService.Execution.on(ex));
        }
        String html = keep.reports.get(request.kind());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("</body></html>");
        // offline: ECharts inlined, nothing fetched
        assertThat(html).contains("<script>", "echarts").doesNotContain("<script src", "<link ", "src=\"http");
        Matcher m = Pattern.compile(
                        "<div class=\"mv-chart\"[^>]*></div><script type=\"application/json\">(.*?)</script>",
                        Pattern.DOTALL)
                .matcher(html);
        List<JsonNode> charts = new ArrayList<>();
        while (m.find()) {
            charts.add(JSON.readTree(m.group(1)));
        }
        assertThat(charts).as("charts").isNotEmpty();
        for (JsonNode c : charts) {
            assertThat(c.path("title").path("text").asText()).as(c.toString()).isNotBlank();
            assertThat(c.path("legend").path("data"))
                    .as("legend of " + c.path("title"))
                    .isNotEmpty();
            boolean graph = c.path("series").get(0).path("type").asText().equals("graph");
            if (!graph) {
                String x = c.path("xAxis").path("name").asText();
                String y = c.path("yAxis").path("name").asText();
                assertThat(x).as("x axis of " + c.path("title")).isNotBlank();
                if (!c.path("yAxis").path("type").asText().equals("category")) {
                    assertThat(y).as("y axis of " + c.path("title")).isNotBlank();
                }
                if (x.equals("year")) {
                    assertThat(c.toString())
                            .as("last observed year marked in " + c.path("title"))
                            .contains("last observed");
                }
            }
        }
    }

    /** The decomposition's paragraph says which runs it split: the comparison's own, or a smaller one's. */
    @Test
    void comparisonReport_saysOverWhichRunsTheDecompositionRan() throws Exception {
        List<String> two = List.of("multi-vector", "neutral");
        Keep keep = new Keep();
        StudyService service = new StudyService(CATALOG, keep, CheckpointStore.NONE, new HtmlReports(), "test");
        try (ThreadExecutor ex = new ThreadExecutor(1)) {
            service.run(new CompareRequest(null, 1L, 20L, null, two, null), StudyService.Execution.on(ex));
            assertThat(keep.reports.get("compare")).contains("Over the comparison's 20 runs.");
            service.run(
                    new CompareRequest(null, 1L, 20L, null, two, null, true, null, 8L), StudyService.Execution.on(ex));
            assertThat(keep.reports.get("compare"))
                    .contains("Over a comparison of 8 runs on the same seed (of the 20 above)");
        }
    }
}
