package io.asyncops.engine;

/** No operation has this id (never had, or it was pruned). */
public final class OperationNotFoundException extends AsyncOpsException {
    private static final long serialVersionUID = 1L;
    private final transient OperationId id;

    public OperationNotFoundException(OperationId id) {
        super("operation not found: " + id);
        this.id = id;
    }

    public OperationId id() {
        return id;
    }
}
