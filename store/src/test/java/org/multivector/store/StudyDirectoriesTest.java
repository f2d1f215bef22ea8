package org.multivector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multivector.study.CheckpointStore;
import org.multivector.study.RequestException;
import org.multivector.study.StudyRecord;
import org.multivector.study.StudyResult;

class StudyDirectoriesTest {
    static StudyRecord record(String id) {
        return new StudyRecord(id, "run", "s", "h", 7, 1, "single", Map.of("studyId", id));
    }

    @Test
    void save_writesTheDirectoryAndRows_neverReplacesAnotherStudy(@TempDir Path dir) throws Exception {
        StudyDirectories archive = new StudyDirectories(dir);
        StudyResult run = new StudyResult.Run(null, StoreTest.small(), StoreTest.small());
        archive.save(
                "x", record("run-a"), run, Map.of("report.html", "<html></html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(dir.resolve("x/manifest.json")).content().contains("\"studyId\" : \"run-a\"");
        assertThat(dir.resolve("x/results.csv")).exists();
        assertThat(dir.resolve("x/report.html")).hasContent("<html></html>");
        // the same study again: its own directory is replaced
        archive.reserve("x", "run-a");
        archive.save("x", record("run-a"), run, Map.of());
        // another study: refused before anything is written, naming the study the directory holds
        assertThatThrownBy(() -> archive.reserve("x", "run-b"))
                .isInstanceOfSatisfying(
                        RequestException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("name"))
                .hasMessageContaining("holds another study, run-a");
        assertThatThrownBy(() -> archive.save("x", record("run-b"), run, Map.of()))
                .isInstanceOf(RequestException.class);
        assertThat(dir.resolve("x/manifest.json")).content().contains("run-a");
        // a directory that is not a study is not replaced either
        Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dir.resolve("mine/notes.txt"), "keep");
        assertThatThrownBy(() -> archive.reserve("mine", "run-c")).hasMessageContaining("not a study");
        try (var db = ResultsDatabase.open(dir.resolve(ResultsDatabase.FILE))) {
            assertThat(StoreTest.count(db, "SELECT count(*) FROM studies")).isEqualTo(1);
        }
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()))
                    .as("no hidden partial directories left")
                    .noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void checkpoints_writeWholeAndReplaceAtomically_leavingNoTemporaryFile(@TempDir Path dir) throws Exception {
        CheckpointStore.Slot slot = new FileCheckpoints(dir).slot("study");
        assertThat(slot.read(1 << 30)).isEmpty();
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        slot.write(big);
        assertThat(slot.read(1 << 30)).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
        slot.write(new byte[] {1, 2, 3});
        assertThat(slot.read(1 << 30)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactly(".study.checkpoint");
        }
        slot.delete();
        assertThat(slot.read(1 << 30)).isEmpty();
        assertThatThrownBy(() -> new FileCheckpoints(dir).slot("../evil")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointsTrustedBlindly_specialFilesAndOversizeOnesAreRefusedAtOnce(@TempDir Path dir) throws Exception {
        FileCheckpoints store = new FileCheckpoints(dir);
        Path fifo = dir.resolve(".fifo.checkpoint");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        Files.createSymbolicLink(dir.resolve(".zero.checkpoint"), Path.of("/dev/zero"));
        Files.createDirectory(dir.resolve(".dir.checkpoint"));
        for (String key : new String[] {"fifo", "zero", "dir"}) {
            // a FIFO would block the read forever and /dev/zero never end: neither is opened
            assertThatThrownBy(() -> store.slot(key).read(1 << 20))
                    .as(key)
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("not a regular file");
        }
        CheckpointStore.Slot big = store.slot("big");
        big.write(new byte[4096]);
        assertThatThrownBy(() -> big.read(4095)).hasMessageContaining("4096 bytes, more than this study's checkpoint");
        assertThat(big.read(4096)).hasValueSatisfying(b -> assertThat(b).hasSize(4096));
    }

    /** Issue 16, "a study is not atomic": what each kind of leftover of a killed save becomes at the next save. */
    @Test
    void studyNotAtomic_leftoversOfKilledSavesAreCompletedOrRemovedByTheNextSave(@TempDir Path dir) throws Exception {
        StudyDirectories archive = new StudyDirectories(dir);
        StudyResult run = new StudyResult.Run(null, StoreTest.small(), StoreTest.small());
        archive.save("a", record("run-a"), run, Map.of());
        // killed between the commit and the rename: the rows are in, the complete partial is not in place
        StudyRecord b = new StudyRecord("run-b", "run", "s", "h", 7, 1, "single", Map.of("studyId", "run-b"));
        leftover(dir, "b", "t1", b, true);
        ResultsDatabase.with(dir, db -> db.write(b, run));
        // killed before the commit: complete or not, no rows
        leftover(dir, "c", "t2", record("run-c"), true);
        leftover(dir, "d", "t3", record("run-d"), false);
        // a previous directory set aside whose study is in place, one whose study is not, an orphan lock file
        Files.createDirectories(dir.resolve(".a.old-t4"));
        Files.createDirectories(dir.resolve(".e.old-t5"));
        Files.writeString(dir.resolve(".e.old-t5/manifest.json"), "{\"studyId\": \"run-e\"}");
        Files.writeString(dir.resolve(".f.partial-t6.lock"), "");
        // a live save (this process holds its lock): left alone
        try (RunDirectory.Staged live = RunDirectory.Staged.begin(dir, "g")) {
            archive.save("h", record("run-h"), run, Map.of());
            assertThat(live.dir).isDirectory();
            assertThat(live.lockFile).exists();
        }
        assertThat(dir.resolve("b/manifest.json")).content().contains("run-b");
        assertThat(dir.resolve("c")).doesNotExist();
        assertThat(dir.resolve("d")).doesNotExist();
        assertThat(dir.resolve("e/manifest.json")).content().contains("run-e");
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a", "b", "e", "h", ResultsDatabase.FILE);
        }
    }

    /** A partial directory with its lock file (no process holds it), as a kill leaves it. */
    private static void leftover(Path dir, String name, String token, StudyRecord r, boolean complete)
            throws Exception {
        Path p = RunDirectory.partial(dir, name, token);
        Files.createDirectories(p);
        RunDirectory.writeJson(p.resolve("manifest.json"), r.manifest());
        Files.write(RunDirectory.lockFile(dir, name, token), complete ? RunDirectory.COMPLETE : new byte[0]);
    }

    /** Issue 16, "a study is not atomic": kill -9 at random moments of saving, then check every study. */
    @Test
    void studyNotAtomic_killedAtAnyMomentTheDirectoriesAndRowsAgreeAfterTheNextSave(@TempDir Path dir)
            throws Exception {
        java.util.Random random = new java.util.Random(11);
        for (int kill = 0; kill < 8; kill++) {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            SaveLoop.class.getName(),
                            dir.toString())
                    .redirectErrorStream(true)
                    .start();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
            assertThat(in.readLine()).isEqualTo("saving");
            if (kill == 0) {
                // one save completes before the first kill, however slow the machine (the JVM's start and DuckDB's
                // first open can take more than the longest wait below): the check of rows after the kills needs one
                assertThat(in.readLine()).isEqualTo("saved");
            }
            Thread.sleep(200 + random.nextInt(1200));
            p.destroyForcibly().waitFor();
        }
        try (var list = Files.list(dir)) {
            // the loop is always inside a save: the last kill left a partial behind
            assertThat(list.map(f -> f.getFileName().toString())).anyMatch(n -> n.contains(".partial-"));
        }
        new StudyDirectories(dir)
                .save("z", record("run-z"), new StudyResult.Run(null, StoreTest.small(), StoreTest.small()), Map.of());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var db = ResultsDatabase.open(dir.resolve(ResultsDatabase.FILE))) {
            assertThat(StoreTest.count(db, "SELECT count(*) FROM studies"))
                    .as("studies saved")
                    .isGreaterThan(1);
            for (String id : new String[] {"s0", "s1", "s2"}) {
                String stored = db.manifest(id);
                Path manifest = dir.resolve(id).resolve("manifest.json");
                assertThat(Files.exists(manifest))
                        .as(id + ": directory exactly when a row")
                        .isEqualTo(stored != null);
                if (stored != null) {
                    assertThat(json.readTree(manifest.toFile())).as(id).isEqualTo(json.readTree(stored));
                }
            }
        }
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    /** Issue 16, "concurrent use of one results.duckdb": a lock time-out is a clear message and leaves nothing. */
    @Test
    void concurrentUse_aLockTimeOutSavesNothingAndSaysWhy(@TempDir Path dir) throws Exception {
        StudyDirectories archive = new StudyDirectories(dir);
        StudyResult run = new StudyResult.Run(null, StoreTest.small(), StoreTest.small());
        archive.save("a", record("run-a"), run, Map.of());
        Process holder = HoldDatabase.start(dir);
        try {
            HoldDatabase.withProperty(
                    "multivector.lockWaitSeconds",
                    "1",
                    () -> assertThatThrownBy(() -> archive.save("b", record("run-b"), run, Map.of()))
                            .isInstanceOfSatisfying(
                                    org.multivector.model.StorageException.class,
                                    e -> assertThat(e.publicMessage())
                                            .isEqualTo(
                                                    "the results database is held by another process; the study was not"
                                                            + " saved"))
                            .hasMessageStartingWith(dir.resolve(ResultsDatabase.FILE) + " is held by another process")
                            .hasMessageContaining("waited 1 s")
                            .hasMessageContaining("nothing of it was written"));
        } finally {
            HoldDatabase.release(holder);
        }
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a", ResultsDatabase.FILE);
        }
    }
}
