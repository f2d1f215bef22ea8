package org.multivector.server;

import java.util.Map;

/** A request that cannot be served: its HTTP status and a JSON body ({@code error}, maybe {@code problems}). */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final transient Map<String, Object> body;

    ApiException(int status, String message) {
        this(status, Map.of("error", message));
    }

    ApiException(int status, Map<String, Object> body) {
        super(String.valueOf(body.get("error")));
        this.status = status;
        this.body = body;
    }
}
