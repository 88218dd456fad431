package io.asyncops.client;

import io.asyncops.protocol.ArmError;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An operation that reached a terminal state other than {@code Succeeded}. Carries the server's error, when it sent
 * one, and the body of the response that said so.
 */
public abstract sealed class OperationEndedException extends LroException
        permits OperationFailedException, OperationCanceledException {
    private static final long serialVersionUID = 1L;

    private final String status;
    private final transient ArmError error;
    private final int httpStatus;
    private final String body;
    private final URI url;

    OperationEndedException(String status, ArmError error, int httpStatus, String body, URI url) {
        super(describe(status, error, url));
        this.status = Objects.requireNonNull(status, "status == null");
        this.error = error;
        this.httpStatus = httpStatus;
        this.body = body == null ? "" : body;
        this.url = url;
    }

    private static String describe(String status, ArmError error, URI url) {
        String what = "The operation ended " + status;
        if (error != null) {
            what += ": " + error.code() + (error.message() != null ? ": " + error.message() : "");
        }
        return url != null ? what + " (" + url + ")" : what;
    }

    /** The terminal status as the server spelled it, e.g. {@code Failed}. */
    public String status() {
        return status;
    }

    /** The server's error object ({@code error} of a status monitor, or the classic error mapped to one). */
    public Optional<ArmError> error() {
        return Optional.ofNullable(error);
    }

    /** The HTTP status of the response that reported the end. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The body of the response that reported the end, never null. */
    public String body() {
        return body;
    }

    /** The URL that reported the end. */
    public URI url() {
        return url;
    }
}
