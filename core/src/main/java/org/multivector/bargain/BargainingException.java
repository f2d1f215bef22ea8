package org.multivector.bargain;

import org.multivector.model.UserInputException;

/**
 * A bargaining computation that cannot go on with this input (a check of the model failed, e.g. a PCE that does
 * not converge): the input's fault, so a user error; says which check and why.
 */
public final class BargainingException extends UserInputException {
    private static final long serialVersionUID = 1L;

    public BargainingException(String message) {
        super(message);
    }
}
