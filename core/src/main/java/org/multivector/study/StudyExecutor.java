package org.multivector.study;

/**
 * Executes a {@link BlockJob}'s blocks {@code from..job.blocks()-1} and hands partials to the sink in
 * block order on the calling thread. Implementations: {@link ThreadExecutor} (local
 * threads) and, in the {@code spark} module, a Spark executor.
 */
public interface StudyExecutor extends AutoCloseable {
    /**
     * Receives partials in block order: {@code partial} covers blocks {@code from..to-1} (one block
     * for the thread executor, a partition's blocks for Spark). It may be reused after the call.
     */
    interface Sink<P> {
        void accept(long from, long to, P partial) throws Exception;
    }

    <P> void execute(BlockJob<P> job, long fromBlock, Sink<P> sink) throws Exception;

    /** A short description for manifests ("threads(2)", "spark(local[2])"). */
    String describe();

    @Override
    default void close() {}
}
