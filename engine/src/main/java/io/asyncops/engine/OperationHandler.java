package io.asyncops.engine;

/**
 * Runs operations of one kind. May run more than once for the same operation (after a crash or a lost lease),
 * so it should be resumable: read {@link OperationContext#checkpoint()} and save progress with
 * {@link OperationContext#checkpoint(String)}.
 *
 * <p>Exceptions: {@link OperationCanceledException} (thrown by the context) ends the operation {@code Canceled};
 * an exception for which {@link #isTransient(Throwable)} is true is retried with backoff up to the engine's cap;
 * any other exception fails the operation with code {@code InternalServerError} and no stack trace in its message.
 */
@FunctionalInterface
public interface OperationHandler {

    /** Does the work and says how it ended. */
    Outcome run(OperationContext context) throws Exception;

    /**
     * The work that undoes a submit when the operation is canceled while no worker holds it (still queued,
     * waiting for a retry, or left by a worker that died), so this handler never sees the cancellation. It
     * commits in the transaction that ends the operation {@code Canceled}: for instance, a resource created in
     * state {@code Creating} at submit is removed. Called on the engine that receives the cancel request, so
     * register handlers there too. Nothing by default.
     */
    default TransactionalWork canceledWithoutWorker(Operation operation) {
        return TransactionalWork.none();
    }

    /** Whether a failure is worth a retry; by default only {@link TransientOperationException}. */
    default boolean isTransient(Throwable failure) {
        return failure instanceof TransientOperationException;
    }
}
