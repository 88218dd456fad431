package io.asyncops.client;

import io.asyncops.protocol.ArmError;
import java.net.URI;

/** The operation ended {@code Canceled} (or {@code Cancelled}). */
public final class OperationCanceledException extends OperationEndedException {
    private static final long serialVersionUID = 1L;

    public OperationCanceledException(String status, ArmError error, int httpStatus, String body, URI url) {
        super(status, error, httpStatus, body, url);
    }
}
