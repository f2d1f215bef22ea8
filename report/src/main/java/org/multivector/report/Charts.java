package org.multivector.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.multivector.study.SeriesStats;

/**
 * The charts of every report, drawn by ECharts (the same library as the dashboard), inlined so a report stays one
 * offline file. A chart is a {@code <div class="mv-chart">} followed by its ECharts option as JSON; {@link #finish}
 * adds ECharts and a small runtime ({@code report.js}) that draws each chart and gives it PNG and SVG downloads.
 *
 * <p>Every chart has a title, axes with names and units, a legend, and on time axes a dashed mark at the last
 * observed year. Intervals are drawn at least 3 px wide; where one is narrower than a pixel at the chart's scale
 * the caption says so and why.
 */
final class Charts {
    /** The ECharts build inlined in every report (its WebJar). */
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIBRARY = read(ECHARTS) + "\n" + read("/org/multivector/report/report.js");

    private Charts() {}

    private static String read(String resource) {
        try (InputStream in = Charts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page's HTML with ECharts and the runtime added before {@code </body>} (when it has charts). */
    static String finish(String html) {
        if (!html.contains("class=\"mv-chart\"")) {
            return html;
        }
        int end = html.lastIndexOf("</body>");
        // a script's text must not contain its own end tag
        String lib = "<script>" + LIBRARY.replace("</script", "<\\/script") + "</script>";
        return end < 0 ? html + lib : html.substring(0, end) + lib + html.substring(end);
    }

    /** A chart: its div and its option, which the runtime draws. */
    static String chart(String name, Map<String, Object> option, int width, int height, String caption) {
        String json;
        try {
            json = JSON.writeValueAsString(option).replace("</", "<\\/").replace("<!--", "<\\!--");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "<figure><div class=\"mv-chart\" data-name=\"" + HtmlReport.esc(name) + "\" style=\"width:" + width
                + "px;height:" + height + "px\"></div><script type=\"application/json\">" + json + "</script>"
                + (caption == null || caption.isEmpty()
                        ? ""
                        : "<figcaption>" + HtmlReport.esc(caption) + "</figcaption>")
                + "</figure>";
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    static Map<String, Object> title(String text) {
        return map("text", text, "left", "center", "textStyle", map("fontSize", 13));
    }

    static List<Object> values(double[] v) {
        List<Object> out = new ArrayList<>();
        for (double x : v) {
            out.add(Double.isFinite(x) ? x : null);
        }
        return out;
    }

    static List<Object> labels(double[] x) {
        List<Object> out = new ArrayList<>();
        for (double v : x) {
            out.add(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
        }
        return out;
    }

    /** A dashed vertical mark at {@code year} on a category time axis, labelled "last observed". */
    static Map<String, Object> lastObserved(Integer year) {
        if (year == null) {
            return null;
        }
        return map(
                "symbol",
                "none",
                "silent",
                true,
                "lineStyle",
                map("color", "#555", "type", "dashed"),
                "label",
                map("formatter", "last observed " + year, "position", "insideEndTop", "fontSize", 10),
                "data",
                List.of(map("xAxis", String.valueOf(year))));
    }

    /** x rounded away from 0 to two significant digits, for an axis bound. */
    static double nice(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        double step = Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - 1);
        return (x > 0 ? Math.ceil(x / step) : Math.floor(x / step)) * step;
    }

    static Map<String, Object> axis(String type, String name, Object min, Object max) {
        return map("type", type, "name", name, "nameLocation", "middle", "nameGap", 36, "min", min, "max", max);
    }

    /**
     * Lines over a category x axis (years or turns).
     *
     * @param lastObserved the year to mark, or null
     */
    static String lines(
            String title,
            String xName,
            double[] x,
            String yName,
            List<HtmlReport.Line> lines,
            double yMin,
            double yMax,
            Integer lastObserved,
            int width,
            String caption) {
        List<Object> series = new ArrayList<>();
        List<Object> legend = new ArrayList<>();
        boolean marked = false;
        for (HtmlReport.Line l : lines) {
            Map<String, Object> s = map(
                    "name",
                    l.name().isEmpty() ? " " : l.name(),
                    "type",
                    l.dots() ? "scatter" : "line",
                    "data",
                    values(l.values()),
                    "symbol",
                    l.dots() ? "circle" : "none",
                    "symbolSize",
                    l.dots() ? 5 : null,
                    "color",
                    l.colour(),
                    "connectNulls",
                    false);
            if (!marked && lastObserved != null) {
                s.put("markLine", lastObserved(lastObserved));
                marked = true;
            }
            series.add(s);
            if (!l.name().isEmpty() && !legend.contains(l.name())) {
                legend.add(l.name());
            }
        }
        int legendRows = 1
                + legend.stream().mapToInt(n -> String.valueOf(n).length() + 4).sum() * 7 / Math.max(200, width - 40);
        int top = 40 + 18 * legendRows;
        Map<String, Object> option = map(
                "title",
                title(title),
                "tooltip",
                map("trigger", "axis"),
                "legend",
                map("top", 22, "data", legend),
                "grid",
                map("left", 66, "right", 25, "top", top, "bottom", 45),
                "xAxis",
                map("type", "category", "data", labels(x), "name", xName, "nameLocation", "middle", "nameGap", 26),
                "yAxis",
                axis("value", yName, yMin, yMax),
                "series",
                series);
        return chart(title, option, width, 250 + 18 * legendRows, caption);
    }

    /** Points of one scatter series: {@code xy[i] = {x, y}}. */
    record Points(String name, double[][] xy, String colour, int size) {}

    /** A scatter over two value axes. */
    static String scatter(
            String title,
            String xName,
            String yName,
            List<Points> series,
            double xMin,
            double xMax,
            double yMin,
            double yMax,
            int width,
            String caption) {
        List<Object> out = new ArrayList<>();
        List<Object> legend = new ArrayList<>();
        for (Points p : series) {
            List<Object> data = new ArrayList<>();
            for (double[] xy : p.xy()) {
                data.add(List.of(xy[0], xy[1]));
            }
            out.add(map(
                    "name", p.name(), "type", "scatter", "data", data, "symbolSize", p.size(), "color", p.colour()));
            legend.add(p.name());
        }
        Map<String, Object> option = map(
                "title",
                title(title),
                "tooltip",
                map("trigger", "item"),
                "legend",
                map("top", 22, "data", legend),
                "grid",
                map("left", 66, "right", 25, "top", 60, "bottom", 45),
                "xAxis",
                map("type", "value", "name", xName, "nameLocation", "middle", "nameGap", 26, "min", xMin, "max", xMax),
                "yAxis",
                axis("value", yName, yMin, yMax),
                "series",
                out);
        return chart(title, option, width, 360, caption);
    }

    /** One band per series: 5–95 % (light), 25–75 % (darker), the median (line). */
    record Band(String name, SeriesStats stats, int column, String colour) {}

    /** Bands over time of ensemble summaries. */
    static String bands(
            String title,
            int firstYear,
            List<Band> bands,
            String yName,
            double yMin,
            double yMax,
            Integer lastObserved,
            int width) {
        int years = bands.get(0).stats().years();
        double[] x = new double[years];
        for (int y = 0; y < years; y++) {
            x[y] = firstYear + y;
        }
        List<Object> series = new ArrayList<>();
        List<Object> legend = new ArrayList<>();
        double widest = 0;
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            String n = b.name();
            double[][] q = new double[5][years];
            double[] qs = {0.05, 0.25, 0.5, 0.75, 0.95};
            for (int k = 0; k < 5; k++) {
                for (int y = 0; y < years; y++) {
                    q[k][y] = b.stats().quantile(y, b.column(), qs[k]);
                }
            }
            for (int y = 0; y < years; y++) {
                if (Double.isFinite(q[4][y] - q[0][y])) {
                    widest = Math.max(widest, q[4][y] - q[0][y]);
                }
            }
            double[] up90 = new double[years];
            double[] up50 = new double[years];
            for (int y = 0; y < years; y++) {
                up90[y] = q[4][y] - q[0][y];
                up50[y] = q[3][y] - q[1][y];
            }
            series.add(stacked(n + " 5–95 %", q[0], n + "a", b.colour(), 0));
            series.add(stacked(n + " 5–95 %", up90, n + "a", b.colour(), 0.15));
            series.add(stacked(n + " 25–75 %", q[1], n + "b", b.colour(), 0));
            series.add(stacked(n + " 25–75 %", up50, n + "b", b.colour(), 0.3));
            series.add(map(
                    "name",
                    n + " median",
                    "type",
                    "line",
                    "data",
                    values(q[2]),
                    "symbol",
                    "none",
                    "lineStyle",
                    map("width", 2),
                    "color",
                    b.colour(),
                    "markLine",
                    i == 0 ? lastObserved(lastObserved) : null));
            legend.add(n + " median");
            if (bands.size() == 1) {
                legend.add(n + " 25–75 %");
                legend.add(n + " 5–95 %");
            }
        }
        int legendRows = 1
                + legend.stream().mapToInt(s -> String.valueOf(s).length() + 4).sum() * 7 / Math.max(200, width - 40);
        Map<String, Object> option = map(
                "title", title(title),
                "tooltip", map("trigger", "axis"),
                "legend", map("top", 22, "data", legend),
                "grid", map("left", 66, "right", 25, "top", 40 + 18 * legendRows, "bottom", 45),
                "xAxis",
                        map(
                                "type",
                                "category",
                                "data",
                                labels(x),
                                "name",
                                "year",
                                "nameLocation",
                                "middle",
                                "nameGap",
                                26),
                "yAxis", axis("value", yName, yMin, yMax),
                "series", series);
        double pixel = (yMax - yMin) / 200;
        String caption = "Median (line), 25–75 % (dark) and 5–95 % (light) of runs per year"
                + (widest < pixel
                        ? String.format(
                                Locale.ROOT,
                                "; the bands are narrower than a pixel (at most %.3g wide): the runs share the observed"
                                        + " history, and what differs between them is the model's own randomness",
                                widest)
                        : "")
                + ".";
        return chart(title, option, width, 260 + 18 * legendRows, caption);
    }

    /**
     * One layer of a stacked band: the lower edge (no fill) or the band's width on top of it (filled with
     * {@code opacity}); ECharts stacks series of the same {@code stack} name.
     */
    private static Map<String, Object> stacked(String name, double[] v, String stack, String colour, double opacity) {
        return map(
                "name",
                name,
                "type",
                "line",
                "data",
                values(v),
                "stack",
                stack,
                "symbol",
                "none",
                "lineStyle",
                map("opacity", 0),
                "areaStyle",
                opacity > 0 ? map("color", colour, "opacity", opacity) : null,
                "color",
                colour);
    }

    /** Intervals {@code [row, lo, hi]} as horizontal segments, drawn by the runtime's {@code interval} renderer. */
    private static Map<String, Object> intervals(String name, List<Object> data) {
        return map(
                "name",
                name,
                "type",
                "custom",
                "renderItem",
                "interval",
                "data",
                data,
                "encode",
                map("x", List.of(1, 2), "y", 0),
                "color",
                "#333");
    }

    /** A row of a forest plot: a label, the estimate and its interval (NaN: none). */
    record Row(String label, double estimate, double lo, double hi) {}

    /** Forest plot: one row per estimate with its interval and a zero line. */
    static String forest(String title, String xName, List<Row> rows, String intervalName, int width, String why) {
        return forest(title, xName, rows, intervalName, width, why, Double.NaN);
    }

    /**
     * A forest plot with, when {@code rope} is finite, the region of practical equivalence −rope..+rope shaded around
     * 0 (differences inside it are no practical difference).
     */
    static String forest(
            String title, String xName, List<Row> rows, String intervalName, int width, String why, double rope) {
        List<Object> cats = new ArrayList<>();
        List<Object> points = new ArrayList<>();
        List<Object> intervals = new ArrayList<>();
        double min = 0;
        double max = 0;
        double narrowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            cats.add(r.label());
            points.add(Double.isFinite(r.estimate()) ? List.of(r.estimate(), i) : List.of());
            if (Double.isFinite(r.lo()) && Double.isFinite(r.hi())) {
                intervals.add(List.of(i, r.lo(), r.hi()));
                narrowest = Math.min(narrowest, r.hi() - r.lo());
                min = Math.min(min, r.lo());
                max = Math.max(max, r.hi());
            }
            if (Double.isFinite(r.estimate())) {
                min = Math.min(min, r.estimate());
                max = Math.max(max, r.estimate());
            }
        }
        boolean band = Double.isFinite(rope) && rope > 0;
        if (band) {
            min = Math.min(min, -rope);
            max = Math.max(max, rope);
        }
        List<Object> series = new ArrayList<>();
        List<Object> legend = new ArrayList<>(List.of("estimate"));
        if (!intervals.isEmpty()) {
            series.add(intervals(intervalName, intervals));
            legend.add(intervalName);
        }
        if (band) {
            legend.add("no practical difference");
            series.add(map(
                    "name",
                    "no practical difference",
                    "type",
                    "scatter",
                    "data",
                    List.of(),
                    "color",
                    "rgba(120, 144, 156, 0.35)",
                    "markArea",
                    map(
                            "silent",
                            true,
                            "itemStyle",
                            map("color", "rgba(120, 144, 156, 0.18)"),
                            "data",
                            List.of(List.of(map("xAxis", -rope), map("xAxis", rope))))));
        }
        series.add(map(
                "name",
                "estimate",
                "type",
                "scatter",
                "data",
                points,
                "symbolSize",
                10,
                "color",
                "#2e7d32",
                "markLine",
                map(
                        "symbol",
                        "none",
                        "silent",
                        true,
                        "label",
                        map("show", false),
                        "lineStyle",
                        map("type", "dashed", "color", "#999"),
                        "data",
                        List.of(map("xAxis", 0)))));
        int height = 90 + 26 * rows.size();
        Map<String, Object> option = map(
                "title", title(title),
                "tooltip", map(),
                "legend", map("top", 22, "data", legend),
                "grid", map("left", 190, "right", 30, "top", 55, "bottom", 45),
                "xAxis",
                        band
                                ? axis(
                                        "value",
                                        xName,
                                        nice(-1.1 * Math.max(rope, -min)),
                                        nice(1.1 * Math.max(rope, max)))
                                : axis("value", xName, null, null),
                "yAxis", map("type", "category", "data", cats, "inverse", true, "axisLine", map("onZero", false)),
                "series", series);
        double pixel = (max - min) / Math.max(100, width - 220);
        String caption = why;
        if (narrowest < pixel && why != null) {
            caption = why
                    + String.format(
                            Locale.ROOT,
                            " The narrowest interval (%.3g) is less than a pixel wide here; it"
                                    + " is drawn 3 px wide.",
                            narrowest);
        }
        return chart(title, option, width, height, caption);
    }

    /**
     * Reliability diagram: mean forecast against observed frequency per forecast bin, symbols sized by the number
     * of forecasts, with the diagonal of perfect calibration.
     */
    static String reliability(
            String title, String pattern, List<org.multivector.validate.ForecastScores.ReliabilityBin> bins, int size) {
        long most = 1;
        for (var b : bins) {
            most = Math.max(most, b.count());
        }
        List<Object> pts = new ArrayList<>();
        for (var b : bins) {
            if (b.count() > 0) {
                pts.add(map(
                        "value",
                        List.of(b.meanForecast(), b.observedFrequency(), b.count()),
                        "symbolSize",
                        6 + 18 * Math.sqrt((double) b.count() / most)));
            }
        }
        Map<String, Object> option = map(
                "title", title(title),
                "tooltip", map(),
                "legend", map("top", 22, "data", List.of("forecast bins", "perfect calibration")),
                "grid", map("left", 60, "right", 25, "top", 60, "bottom", 50),
                "xAxis", axis("value", "mean forecast probability", 0, 1),
                "yAxis", axis("value", "observed frequency", 0, 1),
                "series",
                        List.of(
                                map(
                                        "name",
                                        "forecast bins",
                                        "type",
                                        "scatter",
                                        "data",
                                        pts,
                                        "color",
                                        HtmlReport.COLOURS[0]),
                                map(
                                        "name",
                                        "perfect calibration",
                                        "type",
                                        "line",
                                        "data",
                                        List.of(List.of(0, 0), List.of(1, 1)),
                                        "symbol",
                                        "none",
                                        "lineStyle",
                                        map("type", "dashed"),
                                        "color",
                                        "#999")));
        return chart(title, option, size, size, pattern + ". Symbol area: number of forecasts in the bin.");
    }

    /** Horizontal bars, largest first, with optional intervals. */
    static String bars(String title, String xName, List<Row> rows, String barName, String intervalName, int width) {
        List<Object> cats = new ArrayList<>();
        List<Object> v = new ArrayList<>();
        List<Object> iv = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            cats.add(r.label());
            v.add(Double.isFinite(r.estimate()) ? r.estimate() : null);
            if (Double.isFinite(r.lo()) && Double.isFinite(r.hi())) {
                iv.add(List.of(i, r.lo(), r.hi()));
            }
        }
        List<Object> series = new ArrayList<>();
        series.add(map("name", barName, "type", "bar", "data", v, "color", "#2471a3"));
        List<Object> legend = new ArrayList<>(List.of(barName));
        if (!iv.isEmpty()) {
            series.add(intervals(intervalName, iv));
            legend.add(intervalName);
        }
        Map<String, Object> option = map(
                "title", title(title),
                "tooltip", map(),
                "legend", map("top", 22, "data", legend),
                "grid", map("left", 200, "right", 30, "top", 55, "bottom", 45),
                "xAxis", axis("value", xName, null, null),
                "yAxis", map("type", "category", "data", cats, "inverse", true),
                "series", series);
        return chart(title, option, width, 90 + 24 * rows.size(), null);
    }

    /** A network with fixed positions: nodes {name, x, y, colour, size}, links {source, target, width, colour, dashed}. */
    static String network(
            String title,
            List<Map<String, Object>> nodes,
            List<Map<String, Object>> links,
            int w,
            int h,
            String caption) {
        Map<String, Object> option = map(
                "title", title(title),
                "tooltip", map(),
                "legend", map("top", 22, "data", List.of("state", "pole")),
                "series",
                        List.of(map(
                                "type",
                                "graph",
                                "layout",
                                "none",
                                "roam",
                                true,
                                "data",
                                nodes,
                                "links",
                                links,
                                "categories",
                                List.of(map("name", "state"), map("name", "pole")),
                                "label",
                                map("show", true),
                                "top",
                                60,
                                "bottom",
                                20)));
        return chart(title, option, w, h, caption);
    }
}
