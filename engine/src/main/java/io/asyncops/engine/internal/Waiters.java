package io.asyncops.engine.internal;

import io.asyncops.engine.OperationId;
import io.asyncops.engine.internal.store.Change;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The threads blocked in {@code await}, by operation; a change to an operation wakes its waiters only. Waiters do
 * not poll: a change made here or announced by another instance wakes them, and one periodic recheck for all of
 * them (the fallback for a change that was not announced, {@link Recheck}) wakes those whose operation moved past
 * the version they wait beyond. So 10,000 waiters cost no timer and no query each.
 */
final class Waiters {
    /** One blocked {@code await}: its wake-up, and the version it waits to see exceeded. */
    record Waiter(Signal signal, long afterVersion) {
    }

    /** The stored version of each operation that still exists (absent: gone). */
    @FunctionalInterface
    interface Versions {
        Map<OperationId, Long> of(Set<OperationId> ids);
    }

    private final Map<OperationId, Set<Waiter>> byId = new ConcurrentHashMap<>();

    /** Registers a waiter; register before reading the state waited on, so no change slips between. */
    Waiter register(OperationId id, long afterVersion) {
        Waiter w = new Waiter(new Signal(), afterVersion);
        // added inside the compute: added after it, it could land in a set the last waiter's unregister had just
        // dropped from the map, where no change would ever find it
        byId.compute(id, (k, set) -> {
            Set<Waiter> s = set != null ? set : ConcurrentHashMap.newKeySet();
            s.add(w);
            return s;
        });
        return w;
    }

    void unregister(OperationId id, Waiter w) {
        byId.computeIfPresent(id, (k, set) -> {
            set.remove(w);
            return set.isEmpty() ? null : set;
        });
    }

    void changed(OperationId id) {
        Set<Waiter> set = byId.get(id);
        if (set != null) {
            set.forEach(w -> w.signal().raise());
        }
    }

    /** Wakes everyone: changes may have been missed. */
    void changedAll() {
        byId.values().forEach(set -> set.forEach(w -> w.signal().raise()));
    }

    /**
     * Reads the stored versions of every operation waited on, in one go, and wakes the waiters whose operation
     * changed past their version or is gone; {@code stale} is told which operations those are first.
     */
    void recheck(Versions versions, Consumer<OperationId> stale) {
        if (byId.isEmpty()) {
            return;
        }
        Set<OperationId> ids = new HashSet<>(byId.keySet());
        Map<OperationId, Long> now = versions.of(ids);
        for (OperationId id : ids) {
            Long v = now.get(id);
            wakeIfPast(id, v == null ? Long.MAX_VALUE : v, stale);
        }
    }

    /**
     * Wakes the waiters of the changed operations among {@code changes} whose version moved past theirs;
     * {@code stale} is told which operations those are first. Operations not among them are not looked at.
     */
    void recheck(List<Change> changes, Consumer<OperationId> stale) {
        for (Change c : changes) {
            wakeIfPast(c.id(), c.version(), stale);
        }
    }

    private void wakeIfPast(OperationId id, long version, Consumer<OperationId> stale) {
        Set<Waiter> set = byId.get(id);
        if (set == null) {
            return;
        }
        boolean moved = false;
        for (Waiter w : set) {
            if (version > w.afterVersion()) {
                moved = true;
            }
        }
        if (moved) {
            stale.accept(id);
            set.forEach(w -> w.signal().raise());
        }
    }

    /** How many operations are waited on. */
    int operations() {
        return byId.size();
    }
}
