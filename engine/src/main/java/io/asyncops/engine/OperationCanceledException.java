package io.asyncops.engine;

/** Thrown at a safe point of a handler once cancellation was requested; the operation ends {@code Canceled}. */
public final class OperationCanceledException extends AsyncOpsException {
    private static final long serialVersionUID = 1L;

    public OperationCanceledException(OperationId id) {
        super("operation " + id + " was canceled");
    }
}
