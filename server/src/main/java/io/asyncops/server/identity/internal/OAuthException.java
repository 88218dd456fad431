package io.asyncops.server.identity.internal;

import java.util.Map;

/**
 * An OAuth 2.0 error answer of the token endpoint (RFC 6749 §5.2): {@code {"error", "error_description"}} with
 * {@code status} (400, or 401 when the client authenticated with HTTP Basic, or 429 while a client is locked out)
 * and extra headers ({@code WWW-Authenticate}, {@code Retry-After}).
 */
final class OAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String error;
    private final transient Map<String, String> headers;

    OAuthException(int status, String error, String description) {
        this(status, error, description, Map.of());
    }

    OAuthException(int status, String error, String description, Map<String, String> headers) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    Map<String, String> headers() {
        return headers;
    }
}
