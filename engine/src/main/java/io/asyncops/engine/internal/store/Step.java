package io.asyncops.engine.internal.store;

import io.asyncops.engine.OperationEvent;

/**
 * A step of a running handler to record in its operation's history with the progress write that makes it.
 *
 * @param type            {@link OperationEvent.Type#PROGRESS} or {@link OperationEvent.Type#CHECKPOINT}
 * @param attempt         the run's attempt
 * @param percentComplete the progress, for a progress step
 * @param detail          a short text, may be null
 */
public record Step(OperationEvent.Type type, int attempt, Double percentComplete, String detail) {
}
