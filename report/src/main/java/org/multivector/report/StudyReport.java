package org.multivector.report;

import java.util.List;
import java.util.Locale;
import org.multivector.study.SeriesStats;

/** Self-contained HTML pieces for study reports: bands over time and a forest plot (inline SVG). */
final class StudyReport {
    private StudyReport() {}

    static String head(String title, String subtitle) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlReport.esc(title)
                + "</title>" + HtmlReport.STYLE + "</head><body><h1>" + HtmlReport.esc(title) + "</h1><p><small>"
                + HtmlReport.esc(subtitle) + "</small></p>";
    }

    /** One band per series: 5–95 % (light), 25–75 % (darker), the median (line). */
    record Band(String name, SeriesStats stats, int column, String colour) {}

    static String bands(String title, int firstYear, List<Band> bands, double yMin, double yMax, int width) {
        int height = 250;
        int left = 40;
        int right = 18;
        int top = 10;
        int bottom = 40;
        int years = bands.get(0).stats().years();
        double x0 = firstYear;
        double x1 = firstYear + Math.max(1, years - 1);
        StringBuilder b = new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + HtmlReport.esc(title) + "\">");
        b.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
                left,
                top,
                width - left - right,
                height - top - bottom));
        for (int k = 0; k <= 4; k++) {
            double v = yMin + (yMax - yMin) * k / 4;
            double py = top + (height - top - bottom) * (1 - (double) k / 4);
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    left - 4,
                    py + 3,
                    yMax - yMin >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v)));
        }
        for (int yr = (int) Math.ceil(x0 / 5) * 5; yr <= x1; yr += 5) {
            double px = left + (width - left - right) * (yr - x0) / (x1 - x0);
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>",
                    px,
                    height - bottom + 12,
                    yr));
        }
        int legendX = left;
        for (Band band : bands) {
            SeriesStats s = band.stats();
            int k = band.column();
            for (double[] qs : new double[][] {{0.05, 0.95, 0.15}, {0.25, 0.75, 0.25}}) {
                StringBuilder upper = new StringBuilder();
                StringBuilder lower = new StringBuilder();
                for (int y = 0; y < years; y++) {
                    double lo = s.quantile(y, k, qs[0]);
                    double hi = s.quantile(y, k, qs[1]);
                    if (Double.isNaN(lo) || Double.isNaN(hi)) {
                        continue;
                    }
                    double px = left + (width - left - right) * y / (x1 - x0);
                    upper.append(
                            String.format(Locale.ROOT, "%.1f,%.1f ", px, py(hi, yMin, yMax, top, height - bottom)));
                    lower.insert(
                            0, String.format(Locale.ROOT, "%.1f,%.1f ", px, py(lo, yMin, yMax, top, height - bottom)));
                }
                b.append("<polygon points=\"")
                        .append(upper)
                        .append(lower)
                        .append("\" fill=\"")
                        .append(band.colour())
                        .append("\" fill-opacity=\"")
                        .append(qs[2])
                        .append("\" stroke=\"none\"/>");
            }
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < years; y++) {
                double m = s.quantile(y, k, 0.5);
                if (Double.isNaN(m)) {
                    continue;
                }
                double px = left + (width - left - right) * y / (x1 - x0);
                path.append(path.length() == 0 ? "M" : " L")
                        .append(String.format(Locale.ROOT, "%.1f %.1f", px, py(m, yMin, yMax, top, height - bottom)));
            }
            b.append("<path d=\"")
                    .append(path)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(band.colour())
                    .append("\" stroke-width=\"1.8\"/>");
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>",
                    legendX,
                    height - 14,
                    band.colour(),
                    legendX + 13,
                    height - 10,
                    HtmlReport.esc(band.name())));
            legendX += 18 + 6 * band.name().length();
        }
        b.append("</svg><figcaption>")
                .append(HtmlReport.esc(title))
                .append(" — median, 25–75 % and 5–95 % of runs</figcaption></figure>");
        return b.toString();
    }

    private static double py(double v, double yMin, double yMax, int top, int bottom) {
        double c = Math.max(yMin, Math.min(yMax, v));
        return top + (bottom - top) * (1 - (c - yMin) / (yMax - yMin));
    }

    /** A row of a forest plot: a label, the estimate and its interval. */
    record Row(String label, double estimate, double lo, double hi) {}

    /** Forest plot: one row per estimate with its 95 % interval and a zero line. */
    static String forest(String title, List<Row> rows, int width) {
        int rowH = 22;
        int left = 170;
        int right = 20;
        int top = 10;
        int height = top + rows.size() * rowH + 30;
        double min = 0;
        double max = 0;
        for (Row r : rows) {
            if (!Double.isNaN(r.lo())) {
                min = Math.min(min, r.lo());
                max = Math.max(max, r.hi());
            } else if (!Double.isNaN(r.estimate())) {
                min = Math.min(min, r.estimate());
                max = Math.max(max, r.estimate());
            }
        }
        double pad = 0.05 * Math.max(1e-9, max - min);
        min -= pad;
        max += pad;
        StringBuilder b = new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + HtmlReport.esc(title) + "\">");
        double span = max - min;
        int plotW = width - left - right;
        double zero = left + plotW * (0 - min) / span;
        b.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>",
                zero,
                top,
                zero,
                height - 28));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double cy = top + i * rowH + rowH / 2.0;
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    left - 8,
                    cy + 4,
                    HtmlReport.esc(r.label())));
            if (Double.isNaN(r.estimate())) {
                continue;
            }
            double lo = Double.isNaN(r.lo()) ? r.estimate() : r.lo();
            double hi = Double.isNaN(r.hi()) ? r.estimate() : r.hi();
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" stroke-width=\"1.5\"/>"
                            + "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"%s\"/>",
                    left + plotW * (lo - min) / span,
                    cy,
                    left + plotW * (hi - min) / span,
                    cy,
                    left + plotW * (r.estimate() - min) / span - 4,
                    cy - 4,
                    r.estimate() >= 0 ? "#2e7d32" : "#c62828"));
        }
        for (int k = 0; k <= 4; k++) {
            double v = min + span * k / 4;
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    left + plotW * (double) k / 4,
                    height - 12,
                    String.format(Locale.ROOT, Math.abs(span) >= 10 ? "%.1f" : "%.3f", v)));
        }
        b.append("</svg><figcaption>").append(HtmlReport.esc(title)).append("</figcaption></figure>");
        return b.toString();
    }

    /**
     * Reliability diagram: mean forecast (x) against observed frequency (y) per forecast bin, circles sized by
     * the number of forecasts, with the diagonal of perfect calibration.
     */
    static String reliability(String title, org.multivector.validate.ForecastScores.ReliabilityBin[] bins, int size) {
        int left = 44;
        int top = 10;
        int plot = size - left - 14;
        int height = top + plot + 34;
        StringBuilder b = new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size
                + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + HtmlReport.esc(title) + "\">");
        b.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ccc\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>",
                left,
                top,
                plot,
                plot,
                left,
                top + plot,
                left + plot,
                top));
        for (int k = 0; k <= 4; k++) {
            double v = k / 4.0;
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.2f</text>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%.2f</text>",
                    left - 4,
                    top + plot * (1 - v) + 3,
                    v,
                    left + plot * v,
                    top + plot + 12,
                    v));
        }
        long max = 1;
        for (var bin : bins) {
            max = Math.max(max, bin.count());
        }
        for (var bin : bins) {
            if (bin.count() == 0) {
                continue;
            }
            double r = 3 + 9 * Math.sqrt((double) bin.count() / max);
            b.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.6\">"
                            + "<title>%.2f-%.2f: %d forecasts, mean %.3f, observed %.3f</title></circle>",
                    left + plot * bin.meanForecast(),
                    top + plot * (1 - bin.observedFrequency()),
                    r,
                    HtmlReport.COLOURS[0],
                    bin.from(),
                    bin.to(),
                    bin.count(),
                    bin.meanForecast(),
                    bin.observedFrequency()));
        }
        b.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">x: mean forecast, y: observed"
                        + " frequency, area: forecasts</text>",
                left + plot / 2.0,
                height - 6));
        b.append("</svg><figcaption>").append(HtmlReport.esc(title)).append("</figcaption></figure>");
        return b.toString();
    }
}
