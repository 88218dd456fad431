package io.asyncops.engine.internal;

import io.asyncops.engine.OperationId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The threads blocked in {@code await}, by operation; a change to an operation wakes its waiters only. */
final class Waiters {
    private final Map<OperationId, Set<Signal>> byId = new ConcurrentHashMap<>();

    /** Registers a waiter; register before reading the state waited on, so no change slips between. */
    Signal register(OperationId id) {
        Signal s = new Signal();
        byId.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(s);
        return s;
    }

    void unregister(OperationId id, Signal s) {
        byId.computeIfPresent(id, (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    void changed(OperationId id) {
        Set<Signal> set = byId.get(id);
        if (set != null) {
            set.forEach(Signal::raise);
        }
    }

    /** Wakes everyone: changes may have been missed. */
    void changedAll() {
        byId.values().forEach(set -> set.forEach(Signal::raise));
    }
}
