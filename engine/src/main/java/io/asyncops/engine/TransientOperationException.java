package io.asyncops.engine;

/** Thrown by a handler for a failure worth retrying (a dependency briefly down); the engine retries with backoff. */
public class TransientOperationException extends AsyncOpsException {
    private static final long serialVersionUID = 1L;

    public TransientOperationException(String message) {
        super(message);
    }

    public TransientOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
