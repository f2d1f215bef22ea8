package org.multivector.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.multivector.engine.Variable;
import org.multivector.study.RawSink;
import org.multivector.study.RequestException;
import org.multivector.study.StudyArchive;
import org.multivector.study.StudyRecord;
import org.multivector.study.StudyResult;

/**
 * The study archive on disk: under a results directory, one directory per study ({@code manifest.json}, the tidy
 * tables of its kind, its reports and further files) and {@code results.duckdb} with every study's rows. The
 * directory is written into a hidden sibling and renamed into place; the database rows in one transaction. A
 * directory that holds another study (another id in its manifest, or no manifest at all) is never replaced;
 * the same study run again replaces its own directory. Directories are created with the process's umask.
 *
 * <p>Writes to the database are serialised on {@link #lock()}: share it with readers in the same process.
 */
public final class StudyDirectories implements StudyArchive {
    private final Path root;
    private final Object lock;

    /** An archive under {@code root}, with its own lock. */
    public StudyDirectories(Path root) {
        this(root, new Object());
    }

    /** An archive under {@code root} whose database writes hold {@code lock}. */
    public StudyDirectories(Path root, Object lock) {
        this.root = root;
        this.lock = lock;
    }

    public Path root() {
        return root;
    }

    public Object lock() {
        return lock;
    }

    @Override
    public void reserve(String directory, String studyId) {
        Path dir = root.resolve(directory);
        if (!Files.exists(dir)) {
            return;
        }
        String holds = holder(dir);
        if (!studyId.equals(holds)) {
            throw RequestException.of(
                    "name",
                    dir + " holds " + (holds == null ? "something that is not a study" : "another study, " + holds)
                            + "; choose another directory name (this study is " + studyId + ")");
        }
    }

    /** The study id in {@code dir/manifest.json}, or null. */
    static String holder(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            if (Files.size(manifest) > 64L * 1024 * 1024) {
                return null;
            }
            JsonNode m = new ObjectMapper().readTree(manifest.toFile());
            JsonNode id = m.get("studyId");
            if (id == null) {
                id = m.get("runId"); // directories of earlier versions
            }
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public RawSink rawRuns(String directory, List<Variable> variables, int firstYear, boolean resume) {
        Path raw = rawDir(directory);
        try {
            if (!resume && Files.exists(raw)) {
                RunDirectory.deleteTree(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + raw, e);
        }
        return new RawRunsParquet(raw, variables, firstYear);
    }

    private Path rawDir(String directory) {
        return root.resolve("." + directory + ".raw");
    }

    @Override
    public String save(String directory, StudyRecord record, StudyResult result, Map<String, byte[]> files) {
        reserve(directory, record.id());
        Path raw = rawDir(directory);
        Path dir = RunDirectory.writeAtomically(root, directory, tmp -> {
            RunDirectory.writeJson(tmp.resolve("manifest.json"), record.manifest());
            StudyTables.write(tmp, record, result);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(tmp.resolve(f.getKey()), f.getValue());
            }
            if (result instanceof StudyResult.Ensemble e && e.keptRuns() && Files.isDirectory(raw)) {
                Files.move(raw, tmp.resolve("runs"));
            }
        });
        try {
            synchronized (lock) {
                ResultsDatabase.with(root, db -> db.write(record, result));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot write study " + record.id() + " to " + root.resolve(ResultsDatabase.FILE) + ": "
                            + e.getMessage(),
                    e);
        }
        return dir.toString();
    }
}
