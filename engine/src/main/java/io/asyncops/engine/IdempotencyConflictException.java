package io.asyncops.engine;

/** A submit reused an idempotency key with a different input. */
public final class IdempotencyConflictException extends AsyncOpsException {
    private static final long serialVersionUID = 1L;
    private final transient OperationId existing;

    public IdempotencyConflictException(String key, OperationId existing) {
        super("idempotency key " + key + " was used for operation " + existing + " with a different input");
        this.existing = existing;
    }

    /** The operation the key belongs to. */
    public OperationId existing() {
        return existing;
    }
}
