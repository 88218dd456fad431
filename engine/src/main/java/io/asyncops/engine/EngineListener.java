package io.asyncops.engine;

/**
 * Observes operations on this engine instance, for metrics and logs. Called on the thread that made the
 * change, after commit; must be quick and must not throw. Calls for one operation come from different threads: a
 * worker may start an operation as soon as its submit commits, before the submitter's {@link #submitted} call, so
 * only {@link #started} before {@link #ended} (one worker's run) is ordered.
 */
public interface EngineListener {

    /** An operation was accepted by {@link Engine#submit} (not called for idempotent replays). */
    default void submitted(Operation operation) {
    }

    /** A worker of this engine started (or resumed) an operation. */
    default void started(Operation operation) {
    }

    /** An operation became terminal on this engine. */
    default void ended(Operation operation) {
    }

    /**
     * A worker of this engine resumed an operation whose lease {@code previousNode} held and let expire (that node
     * died or stalled); called after {@link #started} of the same run.
     */
    default void takenOver(Operation operation, String previousNode) {
    }

    /**
     * Some operation changed: here (submitted, started, progressed, canceled, ended) or, on a database with
     * notifications, on another engine sharing it. Only the id: read the operation if it matters. May be called
     * several times for one change.
     */
    default void changed(OperationId id) {
    }

    /** Pruning deleted {@code count} terminal operations past their retention (called only when count > 0). */
    default void pruned(int count) {
    }
}
