package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multivector.bargain.BargainingInputs;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.Perturbation;

/**
 * Issue 16, "checkpoints are trusted blindly": a checkpoint claiming block 2^62 completed a 20,000-run study with
 * n = 2,750, block −5 gave n = 24,000, and corrupt, empty or truncated ones ended in stack traces or an
 * OutOfMemoryError. Every field of a loaded checkpoint is now checked, and whatever is wrong is a
 * {@link CheckpointException} (exit 2) naming the file.
 */
class CheckpointValidationTest {
    private static final long RUNS = 2L * EnsembleJob.BLOCK_SIZE + 10; // blocks 0, 1, 2
    private static EnsembleJob job;
    private static byte[] twoBlocks; // a valid checkpoint: blocks 0 and 1 done

    @BeforeAll
    static void checkpoint() throws Exception {
        job = new EnsembleJob(StudyTest.defaultSpec(), 5, RUNS);
        SeriesStats total = job.newPartial();
        SeriesStats part = job.newPartial();
        for (long b = 0; b < 2; b++) {
            job.reset(part);
            job.run(b, part);
            job.merge(total, part);
        }
        twoBlocks = saved(job, "fp", 2, total);
    }

    private static <P> byte[] saved(BlockJob<P> j, String fingerprint, long next, P total) throws Exception {
        CheckpointStore.Slot slot = new MemoryCheckpoints().slot("s");
        StudyRunner.save(j, slot, fingerprint, next, total);
        return slot.read(Long.MAX_VALUE).orElseThrow();
    }

    private static long load(byte[] bytes) {
        return StudyRunner.load(job, bytes, "runs/.s.checkpoint", "fp", job.newPartial());
    }

    /** The valid checkpoint without its checksum, to tamper with and {@link StudyRunner#seal} again. */
    private static byte[] open() {
        return Arrays.copyOf(twoBlocks, twoBlocks.length - 4);
    }

    /** The checkpoint with its next-block field replaced (and a checksum that matches: a deliberate edit). */
    private static byte[] withNext(long next) {
        byte[] b = open();
        ByteBuffer.wrap(b).putLong(4 + 2 + "fp".length(), next);
        return StudyRunner.seal(b);
    }

    @Test
    void aValidCheckpointLoads_andResumesAtItsBlock() {
        assertThat(load(twoBlocks)).isEqualTo(2);
    }

    @Test
    void checkpointsTrustedBlindly_aBlockBeyondTheStudyOrBelowZeroIsRefused() {
        for (long next : new long[] {1L << 62, 4, -5, Long.MIN_VALUE}) {
            assertThatThrownBy(() -> load(withNext(next)))
                    .as("next block %d", next)
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageStartingWith("runs/.s.checkpoint: the checkpoint continues at block " + next)
                    .hasMessageContaining("expected 0..3")
                    .hasMessageContaining("start afresh");
        }
    }

    @Test
    void checkpointsTrustedBlindly_blocksClaimedButNotHeldAreRefused() {
        // valid block numbers, but the results hold blocks 0 and 1
        for (long next : new long[] {0, 1, 3}) {
            assertThatThrownBy(() -> load(withNext(next)))
                    .as("next block %d", next)
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("do not hold exactly the " + next + " blocks");
        }
    }

    @Test
    void checkpointsTrustedBlindly_emptyOrTruncatedAtAnyByteIsRefused() {
        // every cut of the header and the start of the body, then a spread through the rest
        int n = twoBlocks.length;
        for (int cut = 0; cut < n; cut = cut < 64 ? cut + 1 : cut + Math.max(1, n / 97)) {
            byte[] b = Arrays.copyOf(twoBlocks, cut);
            assertThatThrownBy(() -> load(b))
                    .as("cut at %d of %d", cut, n)
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageStartingWith("runs/.s.checkpoint: ")
                    .hasMessageContaining(cut == 0 ? "(empty)" : cut < 8 ? "not a multivector checkpoint" : "checksum");
        }
    }

    @Test
    void checkpointsTrustedBlindly_aBodyLengthOtherThanWhatFollowsIsRefusedWithoutAllocatingIt() {
        int at = 4 + 2 + 2 + 8;
        for (int claimed : new int[] {Integer.MAX_VALUE, -1, 0}) {
            byte[] b = open();
            int follow = b.length - at - 4;
            ByteBuffer.wrap(b).putInt(at, claimed);
            assertThatThrownBy(() -> load(StudyRunner.seal(b)))
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("claims " + claimed + " bytes and " + follow + " follow");
        }
        byte[] longer = Arrays.copyOf(open(), open().length + 3);
        assertThatThrownBy(() -> load(StudyRunner.seal(longer)))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("bytes and " + (longer.length - at - 4) + " follow");
    }

    @Test
    void checkpointsTrustedBlindly_otherFilesAndOtherStudiesAreRefused() throws Exception {
        assertThatThrownBy(() -> load("not a checkpoint at all".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("not a multivector checkpoint");
        SeriesStats empty = job.newPartial();
        assertThatThrownBy(() -> load(saved(job, "another", 0, empty)))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("belongs to another study (another), expected fp");
        // the same layout with tampered counts: a cell claiming more values than runs
        byte[] body = job.encode(empty);
        ByteBuffer.wrap(body).putLong(16 + 8, 99); // after years, width, columns, bins and runs
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(ByteBuffer.wrap(twoBlocks).getInt(0));
            out.writeUTF("fp");
            out.writeLong(0);
            out.writeInt(body.length);
            out.write(body);
        }
        assertThatThrownBy(() -> load(StudyRunner.seal(bytes.toByteArray())))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("cannot be read (stored summary has 99 values in a cell of 0 runs)");
    }

    @Test
    void checkpointsTrustedBlindly_aDamagedByteAnywhereIsRefused() {
        // 400 single-byte corruptions, each refused (the checksum), none merged into the results
        Random random = new Random(16);
        for (int i = 0; i < 400; i++) {
            byte[] b = twoBlocks.clone();
            int at = random.nextInt(b.length);
            b[at] ^= (byte) (1 + random.nextInt(255));
            assertThatThrownBy(() -> load(b)).as("byte %d", at).isInstanceOf(CheckpointException.class);
        }
    }

    @Test
    void checkpointsTrustedBlindly_bargainingAndSensitivityPartialsAreCheckedToo() throws Exception {
        BargainingProblem p = BargainingInputs.load(Path.of("..", "examples", "bargaining", "eaeu.yaml"));
        BargainEnsembleJob bargain = new BargainEnsembleJob(p, Perturbation.parse("positions=20"), 7, 12, 100);
        BargainEnsembleJob.Rows rows = bargain.newPartial();
        BargainEnsembleJob.Rows part = bargain.newPartial();
        bargain.run(1, part); // block 1 only, claimed as the first block
        bargain.merge(rows, part);
        byte[] b = saved(bargain, "fp", 1, rows);
        assertThatThrownBy(() -> StudyRunner.load(bargain, b, "f", "fp", bargain.newPartial()))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("do not hold exactly the 1 blocks");
        assertThat(bargain.maxEncodedBytes()).isLessThan(1L << 20);

        SensitivityJob sens = new SensitivityJob(
                StudyTest.defaultSpec(),
                new String[] {"tension-base"},
                new double[] {0},
                new double[] {1},
                new double[][] {{0.5}, {0.25}},
                1,
                3,
                "KAZ",
                "multi-vector",
                "neutral",
                2010);
        SensitivityJob.Outputs o = sens.newPartial();
        o.from = 0;
        o.to = 2;
        byte[] ok = sens.encode(o);
        ByteBuffer.wrap(ok).putInt(4, 1_000_000); // rows 0..10^6 of 2 points
        assertThatThrownBy(() -> sens.decode(ok, sens.newPartial()))
                .hasMessageContaining("points 0..1000000, expected within 0..2");
    }
}
