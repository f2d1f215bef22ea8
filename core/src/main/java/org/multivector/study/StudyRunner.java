package org.multivector.study;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Runs a {@link BlockJob} on an executor, merging block partials in block order into one total, and
 * keeps a resumable checkpoint: after every few seconds of progress it replaces the checkpoint
 * slot's content with the total so far and the next block number ({@link CheckpointStore.Slot#write}
 * is atomic). A process killed at any point leaves either the previous or the new checkpoint, never
 * a torn one; resuming continues from it, and because blocks are merged in the
 * same order, the result is bit-identical to an uninterrupted run.
 */
public final class StudyRunner {
    private static final int MAGIC = 0x4D565332; // "MVS2": version 2 ends in a CRC-32C
    /** Magic, fingerprint (modified UTF-8, at most 65,535 bytes and its length), next block, body length. */
    private static final long HEADER_BYTES = 4 + 2 + 65_535 + 8 + 4 + 4;

    /** Told how many runs are done out of how many, after every block. */
    public interface Progress {
        void update(long runsDone, long runsTotal);

        Progress NONE = (d, t) -> {};
    }

    /** Thrown when a study stops on request; the checkpoint then holds everything done so far. */
    public static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;

        public Stopped(String message) {
            super(message);
        }
    }

    private StudyRunner() {}

    public static <P> P run(
            BlockJob<P> job,
            StudyExecutor executor,
            String fingerprint,
            CheckpointStore.Slot checkpoint,
            boolean resume,
            long checkpointMillis,
            Progress progress)
            throws Exception {
        return run(job, executor, fingerprint, checkpoint, resume, checkpointMillis, progress, () -> false);
    }

    /**
     * @param fingerprint identifies the study (scenario hash, seed, runs, …); a checkpoint with another
     *     fingerprint is refused
     * @param checkpoint the checkpoint slot, or null for none
     * @param resume whether to continue from an existing checkpoint
     * @param stop polled after every block; when true, the checkpoint is saved and {@link Stopped} thrown
     */
    public static <P> P run(
            BlockJob<P> job,
            StudyExecutor executor,
            String fingerprint,
            CheckpointStore.Slot checkpoint,
            boolean resume,
            long checkpointMillis,
            Progress progress,
            java.util.function.BooleanSupplier stop)
            throws Exception {
        P total = job.newPartial();
        long from = 0;
        if (checkpoint != null && resume) {
            Optional<byte[]> saved;
            try {
                saved = checkpoint.read(job.maxEncodedBytes() + HEADER_BYTES);
            } catch (java.io.IOException e) {
                throw new CheckpointException(checkpoint.describe(), e.getMessage());
            }
            if (saved.isPresent()) {
                from = load(job, saved.get(), checkpoint.describe(), fingerprint, total);
            }
        }
        long runsTotal = 0;
        long done = 0;
        for (long b = 0; b < job.blocks(); b++) {
            long n = job.runsIn(b);
            runsTotal += n;
            if (b < from) {
                done += n;
            }
        }
        progress.update(done, runsTotal);
        long[] state = {done, System.currentTimeMillis()};
        boolean[] saved = {from > 0};
        long all = runsTotal;
        executor.execute(job, from, (first, end, partial) -> {
            job.merge(total, partial);
            for (long b = first; b < end; b++) {
                state[0] += job.runsIn(b);
            }
            progress.update(state[0], all);
            long now = System.currentTimeMillis();
            if (stop.getAsBoolean() && end < job.blocks()) {
                if (checkpoint != null) {
                    save(job, checkpoint, fingerprint, end, total);
                }
                throw new Stopped("stopped after " + state[0] + " of " + all + " runs");
            }
            if (checkpoint != null && end < job.blocks() && now - state[1] >= checkpointMillis) {
                save(job, checkpoint, fingerprint, end, total);
                state[1] = now;
                saved[0] = true;
            }
        });
        if (checkpoint != null && saved[0]) {
            // a study long enough to have checkpointed keeps its whole result until it is saved: if saving fails (a
            // full disk, a database held by another process), resuming saves it without running it again
            save(job, checkpoint, fingerprint, job.blocks(), total);
        }
        return total;
    }

    static <P> void save(BlockJob<P> job, CheckpointStore.Slot slot, String fingerprint, long nextBlock, P total)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] body = job.encode(total);
            out.writeInt(MAGIC);
            out.writeUTF(fingerprint);
            out.writeLong(nextBlock);
            out.writeInt(body.length);
            out.write(body);
        }
        slot.write(seal(bytes.toByteArray()));
    }

    /** The bytes followed by their CRC-32C, which {@link #load} checks before anything else is read. */
    static byte[] seal(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 4);
        java.nio.ByteBuffer.wrap(out).putInt(bytes.length, (int) crc.getValue());
        return out;
    }

    /**
     * Reads a checkpoint into {@code into} and returns the block to continue from. Every field is checked before
     * it is used: the magic number, the checksum over all other bytes (so a damaged byte anywhere is refused, not
     * merged into the results), the study's fingerprint, the next block within {@code 0..blocks}, the body's
     * length against the bytes that follow it, the body itself (by the job's decoder, which checks its own counts)
     * and that the decoded total holds exactly the blocks before the next one. Anything else is refused with a
     * {@link CheckpointException} naming the file: a checkpoint is never trusted to complete a study.
     */
    static <P> long load(BlockJob<P> job, byte[] saved, String file, String fingerprint, P into) {
        if (saved.length < 8 || java.nio.ByteBuffer.wrap(saved).getInt(0) != MAGIC) {
            throw new CheckpointException(
                    file, "not a multivector checkpoint" + (saved.length == 0 ? " (empty)" : " of this version"));
        }
        int n = saved.length - 4;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(saved, 0, n);
        if ((int) crc.getValue() != java.nio.ByteBuffer.wrap(saved).getInt(n)) {
            throw new CheckpointException(file, "the checkpoint is damaged or truncated (its checksum does not match)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved, 0, n))) {
            in.readInt();
            String stored = in.readUTF();
            if (!stored.equals(fingerprint)) {
                throw new CheckpointException(
                        file, "the checkpoint belongs to another study (" + stored + "), expected " + fingerprint);
            }
            long next = in.readLong();
            if (next < 0 || next > job.blocks()) {
                throw new CheckpointException(
                        file, "the checkpoint continues at block " + next + ", expected 0.." + job.blocks());
            }
            int length = in.readInt();
            if (length < 0 || length != in.available()) {
                throw new CheckpointException(
                        file, "the checkpoint's body claims " + length + " bytes and " + in.available() + " follow");
            }
            byte[] body = new byte[length];
            in.readFully(body);
            try {
                job.decode(body, into);
            } catch (java.io.IOException | RuntimeException e) {
                throw new CheckpointException(file, "the checkpoint's results cannot be read (" + reason(e) + ")");
            }
            if (!job.holdsFirst(into, next)) {
                throw new CheckpointException(
                        file, "the checkpoint's results do not hold exactly the " + next + " blocks it claims done");
            }
            return next;
        } catch (java.io.IOException e) {
            // a header cut short
            throw new CheckpointException(file, "the checkpoint is truncated (" + reason(e) + ")");
        }
    }

    private static String reason(Exception e) {
        return e instanceof java.io.EOFException || e.getMessage() == null ? "it ends early" : e.getMessage();
    }
}
