package io.asyncops.engine.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The snapshots {@code get} answers from memory, so that a status poll need not reach the database: terminal
 * ones (they never change) and running ones until they change.
 *
 * <p>Rule: every change to an operation, made here or announced by another instance, is followed by
 * {@link #changed}, which leaves a fresh marker in the entry's place. A read that missed fills the entry only if it
 * still holds what the read found before it went to the database (nothing, or the same marker), so a snapshot
 * read before a change can never be kept after the change's marker. A running snapshot is kept at most
 * {@code maxStale}: the same bound the engine's fallback polling gives waiters if an announcement was lost. With
 * {@code maxBytes} 0 nothing is kept and every read goes to the database.
 */
final class Snapshots {
    /** What {@link #changed} leaves: an entry that is not a snapshot, unique per change. */
    private static final class Marker {
    }

    private final Cache<OperationId, Object> cache;
    private final ConcurrentMap<OperationId, Object> map;
    /** Bumped by {@link #changedAll}: a read that started before it must not fill an entry after it. */
    private final AtomicLong epoch = new AtomicLong();
    private final boolean off;

    Snapshots(Duration maxStale, Duration keepTerminal, long maxBytes) {
        this.off = maxBytes == 0;
        long stale = maxStale.toNanos();
        long terminal = keepTerminal.toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((OperationId id, Object v) -> v instanceof Operation op ? weight(op) : 64)
                .expireAfter(Expiry.<OperationId, Object>writing((id, v) ->
                        Duration.ofNanos(v instanceof Operation op && op.isTerminal() ? terminal : stale)))
                // upkeep on the reading thread: by default a full read buffer hands it to the common pool, waking a
                // thread every few reads (on a status poll, a futex wake-up and a context switch per ~5 requests)
                .executor(Runnable::run)
                .build();
        this.map = cache.asMap();
    }

    /** The snapshot of {@code id}, from memory or else from {@code load} (which reads the database). */
    Optional<Operation> get(OperationId id, Function<OperationId, Optional<Operation>> load) {
        if (off) {
            return load.apply(id);
        }
        long e0 = epoch.get();
        Object seen = map.get(id);
        if (seen instanceof Operation op) {
            return Optional.of(op);
        }
        Optional<Operation> loaded = load.apply(id);
        if (loaded.isPresent()) {
            Operation op = loaded.get();
            boolean filled = seen == null ? map.putIfAbsent(id, op) == null : map.replace(id, seen, op);
            if (filled && epoch.get() != e0) {
                map.remove(id, op); // everything changed while it was read
            }
        }
        return loaded;
    }

    /** Keeps a terminal snapshot just written: nothing can change it any more (only pruning removes it). */
    void ended(Operation op) {
        if (off) {
            return;
        }
        map.put(op.id(), op);
    }

    /** {@code id} changed: what is kept of it is out of date, unless it is terminal (a terminal status is final). */
    void changed(OperationId id) {
        if (off) {
            return;
        }
        map.compute(id, (k, v) -> v instanceof Operation op && op.isTerminal() ? v : new Marker());
    }

    /** Anything may have changed (missed announcements, pruning). */
    void changedAll() {
        epoch.incrementAndGet();
        cache.invalidateAll();
    }

    /** An approximation of the memory a snapshot holds, in bytes. */
    private static int weight(Operation op) {
        long chars = length(op.input()) + length(op.result()) + length(op.checkpoint()) + length(op.resourceId())
                + length(op.kind()) + length(op.subscription()) + length(op.requestId()) + length(op.idempotencyKey())
                + length(op.owner()) + (op.error() == null ? 0 : 256);
        return (int) Math.min(Integer.MAX_VALUE, 400 + 2 * chars);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
