package org.multivector.model;

/**
 * Bad user input: a scenario, an issue file or a study request that cannot be used as given. Adapters map it
 * to their own convention for the user's fault (the command line exits with 2, the HTTP API answers 400);
 * every other exception is a programming error (exit 1, HTTP 500). Messages name files, lines and request
 * fields, never an adapter's spelling of them (no command-line flags).
 */
public class UserInputException extends MultivectorException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
