package io.asyncops.engine;

/** This worker no longer holds the operation's lease; whatever it tried to write was not written. */
public final class LeaseLostException extends AsyncOpsException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(OperationId id) {
        super("lease lost on operation " + id);
    }
}
