package io.asyncops.client;

import io.asyncops.protocol.ArmError;
import java.net.URI;

/** The operation ended {@code Failed}. */
public final class OperationFailedException extends OperationEndedException {
    private static final long serialVersionUID = 1L;

    public OperationFailedException(String status, ArmError error, int httpStatus, String body, URI url) {
        super(status, error, httpStatus, body, url);
    }
}
