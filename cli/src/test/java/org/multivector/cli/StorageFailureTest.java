package org.multivector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multivector.store.HoldDatabase;

/**
 * Issue 16, "I/O errors look like bugs" and "torn checkpoint on a full disk": a full disk, an output directory that
 * cannot be made and a results database held by another process each give exit 2 and one line naming the path,
 * never a stack trace, and leave nothing partial.
 */
class StorageFailureTest {
    private static void assertUserMessage(RunCommandTest.Result r) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("multivector: ").doesNotContain("Exception", "\tat ", "internal error");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void ioErrorsLookLikeBugs_anOutputDirectoryThatIsAFileExitsTwoNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");
        RunCommandTest.Result r = RunCommandTest.run("ensemble", "-q", "--runs", "10", "--out", file.toString());
        assertUserMessage(r);
        assertThat(r.err()).contains(file.toString());
        assertThat(file).hasContent("x");
    }

    @Test
    void tornCheckpointOnAFullDisk_aFailedCheckpointWriteExitsTwoAndKeepsThePreviousOne(@TempDir Path dir)
            throws Exception {
        // /dev/full fails every write with ENOSPC, as a full disk does
        Files.write(dir.resolve(".k.request.checkpoint"), "{}".getBytes());
        Files.createSymbolicLink(dir.resolve(".k.request.checkpoint.tmp"), Path.of("/dev/full"));
        RunCommandTest.Result r =
                RunCommandTest.run("ensemble", "-q", "--runs", "10", "--out", dir.toString(), "--name", "k");
        assertUserMessage(r);
        assertThat(r.err())
                .contains("cannot write the checkpoint " + dir.resolve(".k.request.checkpoint"))
                .contains("No space left on device")
                .contains("the previous checkpoint, if any, is kept");
        assertThat(dir.resolve(".k.request.checkpoint"))
                .as("the previous one, whole")
                .hasContent("{}");
        assertThat(names(dir)).doesNotContain("k");
    }

    @Test
    void concurrentUse_aLockTimeOutExitsTwo_savesNothing_andKeepsTheResult(@TempDir Path dir) throws Exception {
        Process holder = HoldDatabase.start(dir);
        RunCommandTest.Result r;
        try {
            r = HoldDatabase.withProperty(
                    "multivector.lockWaitSeconds",
                    "1",
                    () -> RunCommandTest.run("ensemble", "-q", "--runs", "20", "--out", dir.toString(), "--name", "k"));
        } finally {
            HoldDatabase.release(holder);
        }
        assertUserMessage(r);
        assertThat(r.err())
                .contains(dir.resolve("results.duckdb") + " is held by another process")
                .contains("nothing of it was written");
        assertThat(names(dir)).containsExactly(".k.request.checkpoint", "results.duckdb");
        // once the other process is gone, the same command saves the study
        RunCommandTest.Result again = RunCommandTest.run(
                "ensemble", "-q", "--runs", "20", "--out", dir.toString(), "--name", "k", "--resume");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(names(dir)).containsExactly("k", "results.duckdb");
    }
}
