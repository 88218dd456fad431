package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationHistory;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStats;
import io.asyncops.engine.Page;
import io.asyncops.engine.TransactionalWork;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where operations live. Every method is one transaction; writes to claimed operations are fenced and report
 * whether they applied instead of throwing. Implementations are thread-safe.
 */
public interface OperationStore {

    /**
     * Stores new operations (version 1, due at once), each with its work and the correlation id of its starting
     * request, in as few transactions as it can; per
     * operation (in order) what became of it. One operation's conflict, busy resource or failing work fails
     * that operation only: {@link io.asyncops.engine.IdempotencyConflictException},
     * {@link io.asyncops.engine.ResourceBusyException} or the work's exception, in its {@link Inserted}.
     */
    List<Inserted> insert(List<NewOperation> batch);

    Optional<StoredOperation> find(OperationId id);

    /**
     * The columns of {@code id} a status monitor shows ({@link Rows#readStatus}): request id, resource id, input,
     * checkpoint, idempotency key and owner are null; empty if unknown.
     */
    Optional<Operation> findStatus(OperationId id);

    /** The stored version of each of {@code ids} that still exists, read in few statements. */
    Map<OperationId, Long> versions(Set<OperationId> ids);

    /**
     * The operations whose latest change has a stamp above {@code after}, lowest stamp first, at most
     * {@code limit} of them. Stamps are taken when a write runs, not when it commits: a write in flight can
     * commit with a stamp below one already read.
     */
    List<Change> changedSince(long after, int limit);

    /** The highest change stamp any stored operation carries; 0 when none does. */
    long lastStamp();

    /** The newest operation with this request id. */
    Optional<Operation> findByRequestId(String requestId);

    Page<Operation> list(OperationQuery query);

    /**
     * Claims up to {@code limit} due operations for {@code owner} until {@code leaseUntil}: their newest snapshots,
     * each with the node whose expired lease it took over (null when it was free). A start after the first is
     * recorded in the operation's history in the same transaction.
     */
    List<Claimed> claim(String owner, int limit, Instant now, Instant leaseUntil);

    /** Extends the leases still held at {@code now} to {@code until}; per fence, whether it applied. */
    boolean[] extend(List<Fence> fences, Instant now, Instant until);

    /**
     * Saves a running handler's progress, and records {@code step} in its history when not null; false when the
     * fence no longer holds.
     */
    boolean save(Fence fence, Progress progress, Instant now, Step step);

    /**
     * Ends or releases operations in one transaction, effects included; per ending, whether it applied (an
     * ending whose fence no longer holds changes nothing and its effect is not run). If an effect throws, the
     * batch is retried one ending at a time and the failing ending's exception is reported in its place.
     */
    List<Finished> finish(List<Ending> endings, Instant now);

    /**
     * Asks to cancel: an operation no live lease holds ends {@code Canceled} at once, with the work {@code undo}
     * gives for it in the same transaction; a leased one is flagged.
     *
     * @return the new snapshot and whether this request ended it; empty when unknown
     */
    Optional<Cancellation> requestCancel(OperationId id, Instant now, Function<Operation, TransactionalWork> undo);

    /** The operation with its timeline; empty when unknown. */
    Optional<OperationHistory> history(OperationId id);

    /** Counts per status and the oldest non-terminal operation, of one subscription or (null) of all. */
    OperationStats stats(String subscription);

    /** Deletes up to {@code limit} terminal operations that ended before {@code endedBefore}; how many. */
    int prune(Instant endedBefore, int limit);

    /** Deletes every operation and runs {@code work}, in one transaction; how many operations. */
    int purge(TransactionalWork work);
}
