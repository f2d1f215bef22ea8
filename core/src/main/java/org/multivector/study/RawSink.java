package org.multivector.study;

/**
 * Receives the raw outputs of a block of runs (for {@code --keep-runs}). Called from worker threads,
 * one call per block, possibly concurrently for different blocks: implementations must be
 * thread-safe. Only the local executor supports it.
 */
public interface RawSink {
    /**
     * @param block the block number
     * @param firstRun the run index of the first run in {@code outputs}
     * @param runs how many runs {@code outputs} holds, each {@code outputSize} values, year-major
     */
    void block(long block, long firstRun, int runs, double[] outputs, int outputSize) throws Exception;
}
