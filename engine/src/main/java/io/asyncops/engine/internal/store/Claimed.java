package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;

/**
 * An operation a claim leased.
 *
 * @param operation     its snapshot after the claim
 * @param previousOwner the node whose lease had expired on it (a takeover), null when it was free
 */
public record Claimed(Operation operation, String previousOwner) {
}
