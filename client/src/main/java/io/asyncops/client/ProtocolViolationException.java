package io.asyncops.client;

import java.net.URI;

/**
 * The server broke the long-running-operation protocol in a way no rule can recover from: a {@code 202} with no
 * URL to poll, a status monitor without a {@code status}, a body that is not the JSON it claims to be, a PUT that
 * ended without the resource.
 */
public final class ProtocolViolationException extends LroException {
    private static final long serialVersionUID = 1L;

    private final URI url;
    private final int httpStatus;

    public ProtocolViolationException(String message, URI url, int httpStatus) {
        super(message + " (HTTP " + httpStatus + " from " + url + ")");
        this.url = url;
        this.httpStatus = httpStatus;
    }

    /** The URL whose response broke the protocol. */
    public URI url() {
        return url;
    }

    /** The HTTP status of that response. */
    public int httpStatus() {
        return httpStatus;
    }
}
