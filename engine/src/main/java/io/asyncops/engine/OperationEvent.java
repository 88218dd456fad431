package io.asyncops.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an operation's timeline ({@link Engine#history}).
 *
 * @param type            what happened
 * @param at              when
 * @param attempt         the run it belongs to (1 for the first; 0 while accepted and not started)
 * @param node            the engine instance that did it, null when not known (accepted; the first start of an
 *                        operation that never reported progress)
 * @param percentComplete the progress reported, for {@link Type#PROGRESS}; null otherwise
 * @param detail          a short text: the status and error code of {@link Type#ENDED}, the node whose lease
 *                        expired for {@link Type#TAKEN_OVER}, the start of the saved state of
 *                        {@link Type#CHECKPOINT}; may be null
 */
public record OperationEvent(Type type, Instant at, int attempt, String node, Double percentComplete, String detail) {

    /** The kinds of step. */
    public enum Type {
        /** Submitted and durable. */
        ACCEPTED,
        /** A worker started a run: the first, or a retry after a transient failure or a node's shutdown. */
        STARTED,
        /** A worker resumed it because the lease of the node running it expired (that node died or stalled). */
        TAKEN_OVER,
        /** The handler reported progress. */
        PROGRESS,
        /** The handler saved resumable state. */
        CHECKPOINT,
        /** Someone asked to cancel it. */
        CANCEL_REQUESTED,
        /** It reached its terminal status. */
        ENDED
    }

    public OperationEvent {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(at, "at == null");
    }
}
