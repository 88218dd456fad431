package io.asyncops.engine.internal;

import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.LeaseLostException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationCanceledException;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationHandler;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.StoreException;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.TransactionalWork;
import io.asyncops.engine.internal.store.Claimed;
import io.asyncops.engine.internal.store.Ending;
import io.asyncops.engine.internal.store.Fence;
import io.asyncops.engine.internal.store.Finished;
import io.asyncops.engine.internal.store.OperationStore;
import io.asyncops.engine.internal.store.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed operation: its handler under a {@link Lease}, then its ending through the {@link Committer}.
 * Decides what a handler's result or exception means: an outcome, a retry after backoff, a failure.
 */
final class Runner {
    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
    /** The first and the longest wait before writing an ending again to a database that was away. */
    private static final long FIRST_STORE_WAIT_MILLIS = 100;
    private static final long MAX_STORE_WAIT_MILLIS = 2_000;

    /** What the engine learns from a run. */
    interface Events {
        void started(Operation operation);

        /** A run resumed an operation whose lease {@code previousNode} held and let expire. */
        void takenOver(Operation operation, String previousNode);

        void changed(OperationId id);

        void ended(Operation operation);

        /** A released operation becomes claimable at {@code at}. */
        void dueAt(Instant at);
    }

    private final EngineConfig config;
    private final OperationStore store;
    private final Committer committer;
    private final Map<OperationId, Lease> leases;
    private final Events events;
    private volatile boolean closing;
    private volatile boolean halted;

    Runner(EngineConfig config, OperationStore store, Committer committer, Map<OperationId, Lease> leases,
           Events events) {
        this.config = config;
        this.store = store;
        this.committer = committer;
        this.leases = leases;
        this.events = events;
    }

    /** From now on, an interrupted handler gives its operation back to the queue. */
    void closing() {
        closing = true;
    }

    /** From now on nothing is written: the engine is being abandoned as if its process died. */
    void halt() {
        halted = true;
        closing = true;
        leases.values().forEach(Lease::markLost);
    }

    /**
     * Runs the claimed operation's handler, calls {@code handlerDone} as soon as it returned (the slot of a
     * running handler is free while its ending waits for the next group commit), then writes the ending.
     */
    void run(Claimed claim, Runnable handlerDone) {
        Operation claimed = claim.operation();
        Lease lease = new Lease(claimed, config.nodeId(), store, () -> Times.now(config.clock()));
        leases.put(claimed.id(), lease);
        boolean handlerRunning = true;
        try {
            events.started(claimed);
            if (claim.previousOwner() != null) {
                events.takenOver(claimed, claim.previousOwner());
            }
            events.changed(claimed.id());
            Ending ending = execute(lease);
            if (ending != null && claimed.resourceId() == null) {
                ending = ending.holdingNothing(); // nothing to give back at its end
            }
            handlerRunning = false;
            handlerDone.run();
            if (ending != null && !halted) {
                finish(lease, ending);
            }
        } catch (RuntimeException e) {
            LOG.warn("running operation {} failed; its lease will expire and it will run again", claimed.id(), e);
        } finally {
            leases.remove(claimed.id(), lease);
            if (handlerRunning) {
                handlerDone.run();
            }
        }
    }

    /** Runs the handler; the ending to write, or null when nothing may be written (lease lost, halted). */
    private Ending execute(Lease lease) {
        Operation op = lease.claimed();
        OperationHandler handler = config.handlers().get(op.kind());
        if (handler == null && op.cancelRequested()) {
            return Ending.terminal(lease.fence(), OperationStatus.CANCELED, null, OperationError.canceled(),
                    TransactionalWork.none());
        }
        if (handler == null) {
            // another instance sharing the database may know this kind: give it back for a while
            LOG.warn("no handler for kind {} of operation {}; released", op.kind(), op.id());
            return release(lease, config.retryBackoffMax());
        }
        if (op.attempt() > config.maxAttempts()) {
            return fail(lease, OperationError.internal("InternalServerError", "The operation was abandoned "
                    + (op.attempt() - 1) + " times by its workers and will not be tried again."));
        }
        RunContext context = new RunContext(lease, config.clock(), o -> events.changed(o.id()));
        try {
            Outcome outcome = handler.run(context);
            if (outcome == null) {
                LOG.warn("handler of {} returned no outcome for operation {}", op.kind(), op.id());
                return fail(lease, internalError());
            }
            return switch (outcome) {
                case Outcome.Succeeded s -> Ending.terminal(lease.fence(), OperationStatus.SUCCEEDED, s.result(),
                        null, s.effect());
                case Outcome.Failed f -> Ending.terminal(lease.fence(), OperationStatus.FAILED, null, f.error(),
                        f.effect());
                case Outcome.Canceled c -> Ending.terminal(lease.fence(), OperationStatus.CANCELED, null,
                        OperationError.canceled(), c.effect());
            };
        } catch (OperationCanceledException e) {
            return Ending.terminal(lease.fence(), OperationStatus.CANCELED, null, OperationError.canceled(),
                    TransactionalWork.none());
        } catch (LeaseLostException e) {
            return null;
        } catch (InterruptedException e) {
            return interrupted(lease);
        } catch (Throwable t) {
            if (lease.lost() || halted) {
                return null;
            }
            if (closing && Thread.currentThread().isInterrupted()) {
                return interrupted(lease);
            }
            if (StoreException.isTransient(t)) {
                // the database is briefly away: never an ending; the operation runs again once it is back
                LOG.info("operation {}: the database could not be reached; it runs again: {}", op.id(), t.toString());
                return release(lease, backoff(1));
            }
            if (handler.isTransient(t)) {
                if (op.attempt() < config.maxAttempts()) {
                    LOG.info("operation {} failed transiently on attempt {}: {}", op.id(), op.attempt(), t.toString());
                    return release(lease, backoff(op.attempt()));
                }
                return fail(lease, OperationError.internal("InternalServerError", "The operation failed after "
                        + op.attempt() + " attempts: " + t.getMessage()));
            }
            LOG.warn("handler of {} failed operation {}", op.kind(), op.id(), t);
            return fail(lease, internalError());
        }
    }

    private Ending interrupted(Lease lease) {
        Thread.interrupted();
        if (halted || lease.lost()) {
            return null;
        }
        // the engine is closing: give the operation back at once so another instance resumes it
        return Ending.release(lease.fence(), Times.now(config.clock()));
    }

    private Ending release(Lease lease, Duration after) {
        return Ending.release(lease.fence(), Times.now(config.clock()).plus(after));
    }

    private static Ending fail(Lease lease, OperationError error) {
        return Ending.terminal(lease.fence(), OperationStatus.FAILED, null, error, TransactionalWork.none());
    }

    private static OperationError internalError() {
        return OperationError.internal("InternalServerError", "The operation failed because of an internal error.");
    }

    /** {@code initial * 2^(attempt-1)}, capped. */
    Duration backoff(int attempt) {
        Duration d = config.retryBackoffInitial();
        for (int i = 1; i < attempt && d.compareTo(config.retryBackoffMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(config.retryBackoffMax()) > 0 ? config.retryBackoffMax() : d;
    }

    /**
     * Writes the ending; retries when only a cancellation flag moved the version, or when an effect failed. While
     * the database is briefly away it waits and writes the same ending again once it is back: a transient database
     * error never turns an ending into another one (if the lease lapsed meanwhile, the fenced write is refused and
     * the operation's next holder ends it).
     */
    private void finish(Lease lease, Ending ending) {
        Ending current = ending;
        long waitMillis = FIRST_STORE_WAIT_MILLIS;
        for (int tries = 0; tries < 5; ) {
            Committer.Done done;
            try {
                done = committer.submit(current).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                if (StoreException.isTransient(e.getCause()) && !halted && !closing) {
                    waitMillis = waitForStore(lease, waitMillis);
                    continue;
                }
                LOG.warn("operation {} could not be ended; it will run again: {}", lease.id(), e.getCause().toString());
                return;
            }
            Finished f = done.finished();
            if (f.failure() != null && StoreException.isTransient(f.failure()) && !halted && !closing) {
                waitMillis = waitForStore(lease, waitMillis);
                continue;
            }
            tries++;
            if (f.applied()) {
                if (current.isTerminal()) {
                    lease.advanced();
                    events.ended(snapshot(lease, current, done.at()));
                } else {
                    events.dueAt(current.dueAt());
                }
                return;
            }
            if (f.failure() != null) {
                LOG.warn("the effect of operation {} failed; the operation fails without it", lease.id(),
                        f.failure());
                current = fail(lease, internalError());
                continue;
            }
            if (!lease.refreshAfterMiss(current.fence().version())) {
                LOG.info("operation {}: lease lost before its end was written; its end is left to the new holder",
                        lease.id());
                return;
            }
            current = withFence(current, lease.fence());
        }
    }

    /** Waits before writing again to a database that was away; the next wait, longer. */
    private static long waitForStore(Lease lease, long waitMillis) {
        LOG.debug("operation {}: the database could not be reached; its ending is written again in {} ms", lease.id(),
                waitMillis);
        try {
            Thread.sleep(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.min(waitMillis * 2, MAX_STORE_WAIT_MILLIS);
    }

    private static Ending withFence(Ending e, Fence fence) {
        return new Ending(fence, e.status(), e.result(), e.error(), e.dueAt(), e.effect(), e.holdsNothing());
    }

    /** The terminal snapshot the ending wrote, built without reading it back. */
    private static Operation snapshot(Lease lease, Ending e, Instant at) {
        Operation o = lease.claimed();
        Progress p = lease.progress();
        Double percent = e.status() == OperationStatus.SUCCEEDED ? Double.valueOf(100.0) : p.percentComplete();
        return new Operation(o.id(), o.requestId(), o.kind(), o.subscription(), o.resourceId(), e.status(), percent,
                o.createdAt(), o.startedAt(), at, p.expectedEndAt(), o.input(), e.result(), e.error(), o.attempt(),
                p.checkpoint(), o.idempotencyKey(), o.owner(), false, lease.version());
    }
}
