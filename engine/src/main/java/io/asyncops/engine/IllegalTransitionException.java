package io.asyncops.engine;

/** A status change the state table does not allow (for instance, anything out of a terminal status). */
public final class IllegalTransitionException extends AsyncOpsException {
    private static final long serialVersionUID = 1L;
    private final OperationStatus from;
    private final OperationStatus to;

    public IllegalTransitionException(OperationStatus from, OperationStatus to) {
        super("illegal transition " + from + " -> " + to);
        this.from = from;
        this.to = to;
    }

    public OperationStatus from() {
        return from;
    }

    public OperationStatus to() {
        return to;
    }
}
