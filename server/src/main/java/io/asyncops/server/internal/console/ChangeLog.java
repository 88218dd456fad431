package io.asyncops.server.internal.console;

import io.asyncops.engine.EngineListener;
import io.asyncops.engine.OperationId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The ids of operations that changed since the console streams last looked, collected from the engine's listener
 * calls (on PostgreSQL these include other nodes' changes). Rules: while nobody watches, a change costs one
 * volatile read; the set holds at most {@code capacity} ids, past that it only remembers that it overflowed (the
 * streams then tell their browsers to reload instead of being sent every change).
 */
public final class ChangeLog implements EngineListener {
    private final int capacity;
    private final Set<OperationId> ids = ConcurrentHashMap.newKeySet();
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean watched;
    private volatile boolean overflowed;

    public ChangeLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** What changed since the last drain; {@code overflowed} when some ids were not kept. */
    record Changes(List<OperationId> ids, boolean overflowed) {
        boolean isEmpty() {
            return ids.isEmpty() && !overflowed;
        }
    }

    @Override
    public void changed(OperationId id) {
        if (!watched) {
            return;
        }
        if (ids.size() >= capacity) {
            overflowed = true;
        } else {
            ids.add(id);
        }
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Starts or stops collecting; stopping forgets what was collected. */
    void watch(boolean value) {
        watched = value;
        if (!value) {
            ids.clear();
            overflowed = false;
        }
    }

    /** Waits up to {@code timeout} for a change, then up to {@code coalesce} more for others, and takes them all. */
    Changes drain(Duration timeout, Duration coalesce) throws InterruptedException {
        if (!signal.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return new Changes(List.of(), false);
        }
        Thread.sleep(coalesce);
        signal.drainPermits();
        List<OperationId> taken = List.copyOf(ids);
        ids.removeAll(taken);
        boolean lost = overflowed;
        overflowed = false;
        return new Changes(taken, lost);
    }
}
