package org.multivector.study;

import java.io.IOException;
import java.io.Serializable;

/**
 * A study cut into blocks of runs. Block b always holds the same runs, whatever executes it, and
 * partial results are merged in block order, so every executor (threads, Spark) gives bit-identical
 * results. Implementations are serializable so a cluster can ship them; they build their engines
 * lazily on the worker.
 *
 * @param <P> a block's partial result (mutable, reusable after {@link #reset})
 */
public interface BlockJob<P> extends Serializable {
    /** Number of blocks. */
    long blocks();

    /** Runs in block b (for progress). */
    long runsIn(long block);

    /** A new empty partial. */
    P newPartial();

    /** Empties a partial for reuse. */
    void reset(P partial);

    /** Computes block b into an empty partial. Called from worker threads; must be thread-safe. */
    void run(long block, P partial);

    /** Adds {@code part} into {@code total}. */
    void merge(P total, P part);

    /** Encodes a partial for transport or checkpointing. */
    byte[] encode(P partial) throws IOException;

    /** Decodes what {@link #encode} wrote into an empty partial. */
    void decode(byte[] bytes, P into) throws IOException;

    /**
     * Whether a partial (decoded from a checkpoint) holds the results of exactly blocks {@code 0..blocks-1}: the
     * check that keeps a damaged or foreign checkpoint from completing a study with runs missing or counted twice.
     */
    boolean holdsFirst(P partial, long blocks);

    /**
     * The most bytes {@link #encode} writes for a partial of this job (a bound, not the exact size): a checkpoint
     * larger than this is not one of this study's and is refused before it is read.
     */
    default long maxEncodedBytes() {
        return 256L << 20;
    }
}
