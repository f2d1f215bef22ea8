package org.multivector.bargain;

import org.multivector.model.MultivectorException;

/** A bargaining computation that cannot go on (a check of the model failed); says which and why. */
public final class BargainingException extends MultivectorException {
    private static final long serialVersionUID = 1L;

    public BargainingException(String message) {
        super(message);
    }
}
