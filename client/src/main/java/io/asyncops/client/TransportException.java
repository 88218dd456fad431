package io.asyncops.client;

import java.net.URI;

/** A request could not be completed (connection refused, reset, timed out...) even after the retries. */
public final class TransportException extends LroException {
    private static final long serialVersionUID = 1L;

    private final URI url;

    public TransportException(String message, URI url, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    /** The URL that could not be reached. */
    public URI url() {
        return url;
    }
}
