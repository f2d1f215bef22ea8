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
    private static final int MAGIC = 0x4D565354; // "MVST"

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
            Optional<byte[]> saved = checkpoint.read();
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
            }
        });
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
        slot.write(bytes.toByteArray());
    }

    static <P> long load(BlockJob<P> job, byte[] saved, String file, String fingerprint, P into) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not a multivector checkpoint");
            }
            String stored = in.readUTF();
            if (!stored.equals(fingerprint)) {
                throw new IOException(
                        file + ": checkpoint belongs to another study (" + stored + "), expected " + fingerprint);
            }
            long next = in.readLong();
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            job.decode(body, into);
            return next;
        }
    }
}
