package io.asyncops.engine.internal.store;

import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.TransactionalWork;
import java.time.Instant;
import java.util.Objects;

/**
 * The end of a worker's run of an operation: a terminal status with its effect, or (status {@code InProgress})
 * a return to the queue until {@code dueAt}, as after a transient failure or when an engine closes.
 *
 * @param fence  what the worker must still hold
 * @param status the terminal status, or {@code InProgress} to release it until {@code dueAt}
 * @param result the result of a success, else null
 * @param error  the error of a failure or cancellation, else null
 * @param dueAt  when it may be claimed again (releases only)
 * @param effect work committed with it (terminal endings only)
 * @param holdsNothing true when the operation is known to hold no resource (it names none), so that its end
 *                     need not look for a hold to give back; false when it may hold one
 */
public record Ending(Fence fence, OperationStatus status, String result, OperationError error,
                     Instant dueAt, TransactionalWork effect, boolean holdsNothing) {

    public Ending {
        Objects.requireNonNull(fence, "fence == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(effect, "effect == null");
        if (!status.isTerminal() && (status != OperationStatus.IN_PROGRESS || dueAt == null)) {
            throw new IllegalArgumentException("a release needs InProgress and a due time, not " + status);
        }
    }

    /** Ends the operation with a terminal status. */
    public static Ending terminal(Fence fence, OperationStatus status, String result, OperationError error,
                                  TransactionalWork effect) {
        return new Ending(fence, status, result, error, null, effect, false);
    }

    /** Gives the operation back to the queue, claimable from {@code dueAt}. */
    public static Ending release(Fence fence, Instant dueAt) {
        return new Ending(fence, OperationStatus.IN_PROGRESS, null, null, dueAt, TransactionalWork.none(), false);
    }

    /** This ending, for an operation known to hold no resource (see {@code holdsNothing}). */
    public Ending holdingNothing() {
        return new Ending(fence, status, result, error, dueAt, effect, true);
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }

    public boolean hasEffect() {
        return effect != TransactionalWork.none();
    }
}
