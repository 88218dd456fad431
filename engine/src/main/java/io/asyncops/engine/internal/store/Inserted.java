package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;

/**
 * What became of one {@link NewOperation}: stored, an idempotent replay of an existing operation, or a failure
 * that is the submitter's alone (its key conflicts, its resource is busy, its work threw).
 *
 * @param operation the stored operation (new or replayed); null on failure
 * @param created   true when this insert stored it, false for a replay or a failure
 * @param failure   what the submitter gets thrown (a {@link RuntimeException} or an {@link Error}), else null
 */
public record Inserted(Operation operation, boolean created, Throwable failure) {

    static Inserted created(Operation op) {
        return new Inserted(op, true, null);
    }

    static Inserted replay(Operation existing) {
        return new Inserted(existing, false, null);
    }

    static Inserted failed(Throwable failure) {
        return new Inserted(null, false, failure);
    }

    /** The operation, or the failure thrown as it is. */
    public Operation operationOrThrow() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return operation;
    }
}
