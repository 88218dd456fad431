package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import java.time.Instant;

/**
 * An operation with the lease columns the public snapshot does not show.
 *
 * @param operation  the snapshot
 * @param leaseOwner the node holding (or last holding) its lease, null when none
 * @param dueAt      when a worker may next claim it; null once terminal
 */
public record StoredOperation(Operation operation, String leaseOwner, Instant dueAt) {

    /** True when {@code node} holds an unexpired lease on it at {@code now}. */
    public boolean leasedBy(String node, Instant now) {
        return !operation.isTerminal() && node.equals(leaseOwner) && dueAt != null && dueAt.isAfter(now);
    }
}
