package io.asyncops.engine.internal;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationHistory;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.internal.store.Fence;
import io.asyncops.engine.internal.store.OperationStore;
import io.asyncops.engine.internal.store.Progress;
import io.asyncops.engine.internal.store.Step;
import io.asyncops.engine.internal.store.StoredOperation;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * This engine's hold on one claimed operation while its handler runs: the version its writes are fenced on,
 * the handler's reported progress, and whether cancellation was asked or the lease was lost. Writes to the
 * operation go through it one at a time.
 */
final class Lease {
    private final Operation claimed;
    private final String owner;
    private final OperationStore store;
    private final Supplier<Instant> now;
    private final ReentrantLock lock = new ReentrantLock();
    /** Wakes a handler sleeping in {@code OperationContext.sleep} when cancellation is asked or the lease lost. */
    private final Signal attention = new Signal();
    private long version;
    private Progress progress;
    /** Steps this run recorded in the history; bounded by {@link OperationHistory#MAX_STEPS_PER_RUN}. */
    private int steps;
    private volatile boolean cancelRequested;
    private volatile boolean lost;

    Lease(Operation claimed, String owner, OperationStore store, Supplier<Instant> now) {
        this.claimed = claimed;
        this.owner = owner;
        this.store = store;
        this.now = now;
        this.version = claimed.version();
        this.progress = new Progress(claimed.percentComplete(), claimed.checkpoint(), claimed.expectedEndAt());
        this.cancelRequested = claimed.cancelRequested();
    }

    OperationId id() {
        return claimed.id();
    }

    Operation claimed() {
        return claimed;
    }

    Fence fence() {
        lock.lock();
        try {
            return new Fence(claimed.id(), version, owner);
        } finally {
            lock.unlock();
        }
    }

    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    Progress progress() {
        lock.lock();
        try {
            return progress;
        } finally {
            lock.unlock();
        }
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    boolean lost() {
        return lost;
    }

    Signal attention() {
        return attention;
    }

    /** Cancellation was asked (seen here or told by the engine). */
    void markCancelRequested() {
        cancelRequested = true;
        attention.raise();
    }

    /** The lease is gone (another worker may hold the operation now); nothing more may be written. */
    void markLost() {
        lost = true;
        attention.raise();
    }

    /**
     * Writes the handler's new progress, fenced, with {@code step} for the history (null for none; dropped once
     * this run recorded its share); false when the lease is lost.
     */
    boolean save(Progress next, Step step) {
        lock.lock();
        try {
            Step recorded = step != null && steps < OperationHistory.MAX_STEPS_PER_RUN ? step : null;
            for (int tries = 0; tries < 5 && !lost; tries++) {
                if (store.save(new Fence(claimed.id(), version, owner), next, now.get(), recorded)) {
                    version++;
                    progress = next;
                    if (recorded != null) {
                        steps++;
                    }
                    return true;
                }
                if (!refresh()) {
                    return false;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** After a write of a fence with {@code usedVersion} missed: re-reads unless a later write moved on. */
    boolean refreshAfterMiss(long usedVersion) {
        lock.lock();
        try {
            return version != usedVersion ? !lost : refresh();
        } finally {
            lock.unlock();
        }
    }

    /** Looks at the row again (another instance changed it): picks up a cancellation or finds the lease lost. */
    void recheck() {
        lock.lock();
        try {
            if (!lost) {
                refresh();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Records that a write with the current fence applied and bumped the version. */
    void advanced() {
        lock.lock();
        try {
            version++;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-reads the row after a fenced write missed. If this engine still holds an unexpired lease of the same
     * attempt, someone only flagged a cancellation: adopt the new version. Otherwise the lease is lost.
     */
    private boolean refresh() {
        Optional<StoredOperation> row = store.find(claimed.id());
        if (row.isPresent() && row.get().leasedBy(owner, now.get())
                && row.get().operation().attempt() == claimed.attempt()) {
            Operation op = row.get().operation();
            version = op.version();
            if (op.cancelRequested()) {
                markCancelRequested();
            }
            return true;
        }
        markLost();
        return false;
    }
}
