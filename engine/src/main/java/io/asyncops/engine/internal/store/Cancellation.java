package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;

/**
 * The result of a cancellation request.
 *
 * @param operation the snapshot after the request
 * @param ended     true when this request ended the operation (no live lease held it)
 */
public record Cancellation(Operation operation, boolean ended) {
}
