package io.asyncops.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * The durable operation engine. Thread-safe; one per process per database is the rule, several processes may
 * share a PostgreSQL database (each operation still ends exactly once).
 *
 * <p>Guarantees: {@link #submit} returns only after the operation is committed; a terminal status never
 * changes; an operation whose worker died is resumed by another worker after its lease expires.
 */
public interface Engine extends AutoCloseable {

    /** Migrates the database if configured, starts workers and returns the running engine. */
    static Engine start(EngineConfig config) {
        return io.asyncops.engine.internal.DefaultEngine.start(config);
    }

    /**
     * Submits an operation; it is durable when this returns.
     *
     * @throws IdempotencyConflictException when the idempotency key was used with another input
     * @throws ResourceBusyException        when the submission is exclusive and its resource is held
     * @throws IllegalArgumentException     when this engine has handlers and none for its kind (an engine that
     *                                      only submits, with no handlers, accepts any kind)
     */
    default Operation submit(Submission submission) {
        return submit(submission, TransactionalWork.none());
    }

    /**
     * Submits an operation and runs {@code inSameTransaction} in the transaction that stores it. If the
     * submission is an idempotent replay of an existing operation, the work is not run and the existing
     * operation is returned.
     *
     * <p>Concurrent submits share one commit (group commit): the work runs on the engine's committer thread, in a
     * savepoint of its own, in a transaction that may hold other callers' operations. Work that throws fails only
     * its own submit (its row and its writes are rolled back); it may run again if its transaction has to be
     * retried, and only the run that commits counts. Keep it to the database: no locks held by the caller.
     */
    Operation submit(Submission submission, TransactionalWork inSameTransaction);

    /** The operation's current snapshot, empty if unknown or pruned. */
    Optional<Operation> get(OperationId id);

    /**
     * The operation's current status: what a status monitor shows and its lookup checks (id, kind, subscription,
     * status, percentage, times, result, error, attempt, cancel request, version), as fresh as {@link #get}; empty if
     * unknown or pruned. Its request id, resource id, input, checkpoint, idempotency key and owner may be null: a
     * status poll neither reads nor keeps them, so the engine keeps more statuses in the same memory and reads fewer
     * bytes of the row. By default the whole snapshot.
     */
    default Optional<Operation> status(OperationId id) {
        return get(id);
    }

    /**
     * The newest operation started by the request with this id ({@link Submission#requestId()}), empty if none:
     * the handle of APIs that name operations by request id (the classic Service Management plane).
     */
    Optional<Operation> getByRequestId(String requestId);

    /** A page of operations, newest first. */
    Page<Operation> list(OperationQuery query);

    /**
     * The operation with its timeline (accepted, starts and takeovers, progress and checkpoints, cancel requests,
     * end), for people looking at one operation; empty if unknown or pruned. Reads the database every time.
     */
    Optional<OperationHistory> history(OperationId id);

    /**
     * How many operations there are per status and the creation time of the oldest non-terminal one, for one
     * subscription or, with {@code null}, for all. Counts the database every time: cache it.
     */
    OperationStats stats(String subscription);

    /**
     * Requests cancellation. An operation no worker holds ends {@code Canceled} at once, with its handler's
     * {@link OperationHandler#canceledWithoutWorker} work in the same transaction; a running one ends
     * {@code Canceled} at its handler's next safe point (or as the handler decides). Idempotent; a terminal operation is returned as is.
     *
     * @throws OperationNotFoundException when the id is unknown
     */
    Operation cancel(OperationId id);

    /**
     * Waits until the operation's version exceeds {@code afterVersion} or {@code timeout} passes, whichever is
     * first, and returns its snapshot then (immediately if it already changed). Woken by changes made on any
     * engine sharing the database. The base of long polling.
     *
     * @return empty when the operation is unknown
     */
    Optional<Operation> await(OperationId id, long afterVersion, Duration timeout) throws InterruptedException;

    /** How long a poller should wait before asking about {@code operation} again ({@code Retry-After}). */
    Duration retryAfter(Operation operation);

    /** Deletes terminal operations past the retention period, in batches; returns how many were deleted. */
    int prune();

    /**
     * Deletes every operation, whatever its status, and runs {@code inSameTransaction} in the same transaction: a
     * clean slate for tests that reuse one engine between cases (the test emulator's reset), never a production
     * tool. Handlers running here lose their lease at once and write nothing more; engines sharing the database
     * find theirs gone at their next heartbeat. Idempotency keys go with their operations.
     *
     * @return how many operations were deleted
     */
    int purge(TransactionalWork inSameTransaction);

    /** Stops workers (running handlers are interrupted; their operations resume elsewhere) and releases resources. */
    @Override
    void close();
}
