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
}
