package io.asyncops.engine.internal.store;

import io.asyncops.engine.OperationId;

/**
 * What a worker must still hold for a write to its operation to apply: the version it last saw and its lease.
 *
 * @param id      the operation
 * @param version the version the worker's last write (or its claim) produced
 * @param owner   the node that holds the lease
 */
public record Fence(OperationId id, long version, String owner) {
}
