package org.multivector.study;

import java.util.List;
import java.util.Map;
import org.multivector.engine.Variable;

/**
 * Where finished studies are kept — a port: {@code store} writes a directory per study (manifest, tidy CSV,
 * report) and the study's rows in the results database, each atomically. Core never writes files itself.
 */
public interface StudyArchive {
    /**
     * Checks, before a study runs, that it may be saved under {@code directory}: a directory that holds another
     * study is never replaced (a {@link RequestException} on field {@code name} says which study it holds).
     */
    void reserve(String directory, String studyId);

    /**
     * A sink for the raw outputs of every run (ensembles that keep their runs), staged until {@link #save}; the
     * staged runs of an interrupted study stay for its resumption unless {@code resume} is false.
     */
    RawSink rawRuns(String directory, List<Variable> variables, int firstYear, boolean resume);

    /**
     * Saves a finished study: its directory (manifest, the tidy tables of its kind, {@code files}) and its rows in
     * the results database, each atomically.
     *
     * @param files further files of the directory (reports, overlay, text summaries): name → content
     * @return where the study now lives, for messages (a path)
     */
    String save(String directory, StudyRecord record, StudyResult result, Map<String, byte[]> files);
}
