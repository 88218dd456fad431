package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;

/**
 * The result of an insert: the new operation, or the existing one an idempotent replay found.
 *
 * @param operation the stored operation
 * @param created   false for a replay
 */
public record Inserted(Operation operation, boolean created) {
}
