package org.multivector.study;

import java.util.Map;

/** Renders a finished study's reports — a port: the {@code report} module writes self-contained HTML. */
public interface ReportRenderer {
    /** The report files of a study (e.g. {@code report.html}): name → content. */
    Map<String, byte[]> render(StudyRecord record, StudyResult result);

    /** No reports. */
    ReportRenderer NONE = (record, result) -> Map.of();
}
