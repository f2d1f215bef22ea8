package org.multivector.study;

/**
 * A pluggable executor found with {@link java.util.ServiceLoader}: the {@code spark} module provides
 * one named "spark", so the CLI can use Spark when its jar is on the class path without depending on it.
 */
public interface StudyExecutorProvider {
    String name();

    /**
     * @param master the cluster URL, or null for the default
     * @param threads a parallelism hint for local modes
     */
    StudyExecutor create(String master, int threads);
}
