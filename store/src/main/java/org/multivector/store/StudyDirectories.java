package org.multivector.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.multivector.engine.Variable;
import org.multivector.model.StorageException;
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
            throw new StorageException(
                    "cannot clear the staged runs " + raw + ": " + StorageException.describe(e),
                    "cannot clear the staged runs: " + StorageException.reason(e),
                    e);
        }
        return new RawRunsParquet(raw, variables, firstYear);
    }

    private Path rawDir(String directory) {
        return root.resolve("." + directory + ".raw");
    }

    /**
     * Saves a study so that its directory and its database row appear together or not at all. The directory is
     * filled as a hidden partial ({@link RunDirectory.Staged}: locked by this process, marked complete when every
     * file is in), the rows are committed in one transaction, and only then is the directory renamed into place. A
     * failure before the commit removes the partial (staged raw runs go back for a resumption); a kill at any moment
     * leaves a partial that the next save under this root recovers ({@link #recover}): renamed into place if its
     * rows were committed, removed if not.
     */
    @Override
    public String save(String directory, StudyRecord record, StudyResult result, Map<String, byte[]> files) {
        reserve(directory, record.id());
        Path raw = rawDir(directory);
        Path target = root.resolve(directory);
        try (RunDirectory.Staged staged = RunDirectory.Staged.begin(root, directory)) {
            boolean movedRuns = false;
            try {
                Path tmp = staged.dir;
                RunDirectory.writeJson(tmp.resolve("manifest.json"), record.manifest());
                StudyTables.write(tmp, record, result);
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Files.write(tmp.resolve(f.getKey()), f.getValue());
                }
                if (result instanceof StudyResult.Ensemble e && e.keptRuns() && Files.isDirectory(raw)) {
                    Files.move(raw, tmp.resolve("runs"));
                    movedRuns = true;
                }
                staged.markComplete();
                synchronized (lock) {
                    ResultsDatabase.with(root, db -> {
                        recover(db);
                        db.write(record, result);
                    });
                }
            } catch (IOException | SQLException | RuntimeException e) {
                if (movedRuns && !Files.exists(raw)) {
                    Files.move(staged.dir.resolve("runs"), raw); // kept for a resumption
                }
                throw e;
            }
            try {
                staged.commit();
            } catch (IOException e) {
                // the rows are in: the partial stays, and the next save under this root renames it into place
                throw new StorageException(
                        "study " + record.id() + " is in " + root.resolve(ResultsDatabase.FILE) + " but its directory"
                                + " could not be renamed into place (" + StorageException.describe(e) + "); the next"
                                + " study saved under " + root + " completes it",
                        "the study's directory could not be renamed into place: " + StorageException.reason(e),
                        e);
            }
        } catch (ResultsDatabase.Locked e) {
            throw new StorageException(
                    root.resolve(ResultsDatabase.FILE) + " is held by another process (DuckDB lets one process write"
                            + " at a time; waited " + ResultsDatabase.lockWaitMillis() / 1000 + " s); study "
                            + record.id() + " was not saved and nothing of it was written: resume it when the other"
                            + " process has closed the file",
                    "the results database is held by another process; the study was not saved",
                    e);
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot write study " + record.id() + " to " + root.resolve(ResultsDatabase.FILE) + ": "
                            + e.getMessage() + "; nothing of it was written",
                    "the results database could not be written; the study was not saved",
                    e);
        } catch (IOException e) {
            throw new StorageException(
                    "cannot write study " + record.id() + " under " + root + ": " + StorageException.describe(e)
                            + "; nothing of it was written",
                    "the study could not be written: " + StorageException.reason(e),
                    e);
        }
        return target.toString();
    }

    private static final java.util.regex.Pattern LEFTOVER =
            java.util.regex.Pattern.compile("\\.(.+)\\.(partial|old)-([0-9a-z]{1,13})");

    /**
     * Recovers what killed saves left under the root: each partial directory whose lock file no live process
     * holds is renamed into place if it is complete and the database holds its study with the same manifest (the
     * kill came between the commit and the rename), and removed otherwise; a previous directory set aside
     * ({@code .NAME.old-T}) is removed once its study's directory is in place, or put back if it is not; lock files
     * without a directory are removed. Partials of live saves (another process, or this one) are left alone.
     */
    void recover(ResultsDatabase db) throws SQLException {
        List<Path> leftovers;
        try (var entries = Files.list(root)) {
            leftovers = entries.filter(
                            f -> LEFTOVER.matcher(f.getFileName().toString()).matches())
                    .filter(f -> Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    // partials before the directories set aside for them: an old one is put back only if no partial
                    // of its save can take its place
                    .sorted(java.util.Comparator.comparing(
                                    (Path f) -> !f.getFileName().toString().contains(".partial-"))
                            .thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            return; // best effort: the next save tries again
        }
        for (Path p : leftovers) {
            try {
                recover(db, p);
            } catch (IOException e) {
                // best effort: a leftover that cannot be moved or removed now is tried again by the next save
            }
        }
        // lock files whose directory is gone (a kill just after the rename, or before the directory was made)
        try (var entries = Files.list(root)) {
            for (Path f : entries.filter(f -> f.getFileName().toString().endsWith(".lock"))
                    .toList()) {
                String n = f.getFileName().toString();
                var m = LEFTOVER.matcher(n.substring(0, n.length() - ".lock".length()));
                if (m.matches() && !Files.exists(RunDirectory.partial(root, m.group(1), m.group(3)))) {
                    try (java.nio.channels.FileChannel ch = openLock(f)) {
                        if (ch != null && tryLock(ch)) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // best effort
        }
    }

    private void recover(ResultsDatabase db, Path p) throws IOException, SQLException {
        var m = LEFTOVER.matcher(p.getFileName().toString());
        if (!m.matches()) {
            return;
        }
        String name = m.group(1);
        String token = m.group(3);
        Path lockFile = RunDirectory.lockFile(root, name, token);
        try (java.nio.channels.FileChannel ch = openLock(lockFile)) {
            if (ch != null && !tryLock(ch)) {
                return; // a live save
            }
            Path target = root.resolve(name);
            if (m.group(2).equals("partial")) {
                boolean complete =
                        ch != null && java.util.Arrays.equals(Files.readAllBytes(lockFile), RunDirectory.COMPLETE);
                if (complete
                        && committed(db, p)
                        && (!Files.exists(target) || java.util.Objects.equals(holder(target), holder(p)))) {
                    Path old = root.resolve("." + name + ".old-" + token);
                    if (Files.exists(target)) {
                        RunDirectory.move(target, old);
                    }
                    RunDirectory.move(p, target);
                    if (Files.exists(old)) {
                        RunDirectory.deleteTree(old);
                    }
                } else {
                    RunDirectory.deleteTree(p);
                }
            } else if (Files.exists(target)) {
                RunDirectory.deleteTree(p);
            } else {
                RunDirectory.move(p, target);
            }
            Files.deleteIfExists(lockFile);
        }
    }

    /** The lock file's channel, or null if there is none. */
    private static java.nio.channels.FileChannel openLock(Path lockFile) throws IOException {
        try {
            return java.nio.channels.FileChannel.open(
                    lockFile, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    /** Takes the lock if no live save holds it (the lock goes with the channel when it is closed). */
    private static boolean tryLock(java.nio.channels.FileChannel ch) throws IOException {
        try {
            return ch.tryLock() != null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return false; // held by this process
        }
    }

    /** Whether the database holds the study of a partial directory, with the manifest the directory holds. */
    private static boolean committed(ResultsDatabase db, Path partial) throws SQLException {
        Path manifest = partial.resolve("manifest.json");
        String id = holder(partial);
        if (id == null) {
            return false;
        }
        String stored = db.manifest(id);
        if (stored == null) {
            return false;
        }
        try {
            ObjectMapper json = new ObjectMapper();
            return json.readTree(stored).equals(json.readTree(manifest.toFile()));
        } catch (IOException e) {
            return false;
        }
    }
}
