package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import io.asyncops.engine.TransactionalWork;
import java.util.Objects;

/**
 * An operation to store: its first snapshot (version 1, due at once), whether it holds its resource while it
 * runs, and the work that commits with it.
 *
 * @param operation the snapshot to store
 * @param exclusive     true when no other non-terminal exclusive operation may hold its resource
 * @param correlationId the correlation id of the request that starts it (kept for its history), may be null
 * @param work          run in the transaction that stores it, only if the row is new (not for a replay)
 */
public record NewOperation(Operation operation, boolean exclusive, String correlationId, TransactionalWork work) {
    public NewOperation {
        Objects.requireNonNull(operation, "operation == null");
        Objects.requireNonNull(work, "work == null");
    }

    /** True when it brings work to run in its transaction. */
    public boolean hasWork() {
        return work != TransactionalWork.none();
    }
}
