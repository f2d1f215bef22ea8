package org.multivector.spark;

import org.multivector.study.StudyExecutor;
import org.multivector.study.StudyExecutorProvider;

/** Makes {@code --engine spark} available when this module is on the class path. */
public final class SparkExecutorProvider implements StudyExecutorProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public StudyExecutor create(String master, int threads) {
        return new SparkExecutor(master);
    }
}
