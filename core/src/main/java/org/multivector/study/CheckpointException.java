package org.multivector.study;

import org.multivector.model.UserInputException;

/**
 * A checkpoint that cannot be resumed from: not a regular file, too large, truncated, damaged, of another study,
 * or claiming blocks its results do not hold. The study does not start; the message names the file and what is
 * wrong with it, and that removing it (or running the study without resuming) starts afresh.
 */
public final class CheckpointException extends UserInputException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String file, String problem) {
        super(org.multivector.scenario.Problem.printable(file + ": " + problem)
                + "; remove it, or run the study without resuming, to start afresh");
    }
}
