package io.asyncops.client;

import io.asyncops.protocol.ArmError;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A request was answered with an HTTP error that is not transient (a 4xx, or a 5xx that stayed after the
 * retries): the start request was refused, or a poll or the final GET failed.
 */
public final class HttpErrorException extends LroException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final URI url;
    private final int httpStatus;
    private final transient ArmError error;
    private final String body;

    public HttpErrorException(String method, URI url, int httpStatus, ArmError error, String body) {
        super(describe(method, url, httpStatus, error, body));
        this.method = Objects.requireNonNull(method, "method == null");
        this.url = Objects.requireNonNull(url, "url == null");
        this.httpStatus = httpStatus;
        this.error = error;
        this.body = body == null ? "" : body;
    }

    private static String describe(String method, URI url, int status, ArmError error, String body) {
        String what = method + " " + url + " answered HTTP " + status;
        if (error != null) {
            return what + ": " + error.code() + (error.message() != null ? ": " + error.message() : "");
        }
        if (body != null && !body.isBlank()) {
            String oneLine = body.strip().replaceAll("\\s+", " ");
            return what + ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine);
        }
        return what;
    }

    /** The method of the failed request. */
    public String method() {
        return method;
    }

    /** The URL of the failed request. */
    public URI url() {
        return url;
    }

    /** The HTTP status. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The error the body carried (ARM JSON or classic XML), when it could be read. */
    public Optional<ArmError> error() {
        return Optional.ofNullable(error);
    }

    /** The response body, never null. */
    public String body() {
        return body;
    }
}
