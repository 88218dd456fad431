package io.asyncops.engine.internal.store;

import io.asyncops.engine.OperationId;

/**
 * An operation's version as of its latest change stamp: what the waiters' fallback recheck reads.
 *
 * @param id      the operation
 * @param version its stored version
 * @param stamp   the change stamp of the write that made that version
 */
public record Change(OperationId id, long version, long stamp) {
}
