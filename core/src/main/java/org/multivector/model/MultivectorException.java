package org.multivector.model;

/** The one unchecked root of every exception Multivector throws on purpose. */
public class MultivectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MultivectorException(String message) {
        super(message);
    }

    public MultivectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
