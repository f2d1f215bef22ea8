package org.multivector.report;

/** The head of every study report (title, subtitle, style); the charts are {@link Charts}. */
final class StudyReport {
    private StudyReport() {}

    static String head(String title, String subtitle) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlReport.esc(title)
                + "</title>" + HtmlReport.STYLE + "</head><body><h1>" + HtmlReport.esc(title) + "</h1><p><small>"
                + HtmlReport.esc(subtitle) + "</small></p>";
    }
}
