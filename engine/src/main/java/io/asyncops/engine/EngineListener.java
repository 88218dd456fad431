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
}
