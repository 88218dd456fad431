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
 *
 * <p>An entry is a whole snapshot or a status only ({@link Status}, from {@link #status}: no input, checkpoint,
 * request or resource id, key or owner), which weighs about half as much. {@link #get} answers only from a whole
 * one and replaces a status with what it reads; {@link #status} answers from either.
 */
final class Snapshots {
    /** A marker's entry and object. */
    private static final int MARKER_BYTES = Footprint.ENTRY + 16;

    /** What {@link #changed} leaves: an entry that is not a snapshot, unique per change. */
    private static final class Marker {
    }

    /** A snapshot of the status columns only ({@code OperationStore#findStatus}). */
    private record Status(Operation op) {
    }

    /** A {@link Status} wrapper's own object, beyond its snapshot's weight. */
    private static final int STATUS_BYTES = 16;

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
                .weigher((OperationId id, Object v) -> v instanceof Operation op ? Footprint.of(op)
                        : v instanceof Status st ? Footprint.of(st.op()) + STATUS_BYTES : MARKER_BYTES)
                .expireAfter(Expiry.<OperationId, Object>writing((id, v) ->
                        Duration.ofNanos(terminal(v) ? terminal : stale)))
                // upkeep on the reading thread: by default a full read buffer hands it to the common pool, waking a
                // thread every few reads (on a status poll, a futex wake-up and a context switch per ~5 requests)
                .executor(Runnable::run)
                .build();
        this.map = cache.asMap();
    }

    /** The snapshot of {@code id}, from memory or else from {@code load} (which reads the database). */
    Optional<Operation> get(OperationId id, Function<OperationId, Optional<Operation>> load) {
        return read(id, load, false);
    }

    /** The status of {@code id}, from memory (a whole snapshot or a status) or else from {@code load}. */
    Optional<Operation> status(OperationId id, Function<OperationId, Optional<Operation>> load) {
        return read(id, load, true);
    }

    /**
     * What memory holds for {@code id} (a status only if {@code statusOnly}), else what {@code load} reads, kept as a
     * status or a whole snapshot: a whole one replaces a status, never the other way round.
     */
    private Optional<Operation> read(OperationId id, Function<OperationId, Optional<Operation>> load,
                                     boolean statusOnly) {
        if (off) {
            return load.apply(id);
        }
        long e0 = epoch.get();
        Object seen = map.get(id);
        if (seen instanceof Operation op) {
            return Optional.of(op);
        }
        if (statusOnly && seen instanceof Status st) {
            return Optional.of(st.op());
        }
        Optional<Operation> loaded = load.apply(id);
        if (loaded.isPresent()) {
            // keyed by the snapshot's own id (the caller's is another copy); its common strings shared
            Operation op = Footprint.shared(loaded.get());
            Object entry = statusOnly ? new Status(op) : op;
            boolean filled = seen == null ? map.putIfAbsent(op.id(), entry) == null
                    : map.replace(op.id(), seen, entry);
            if (filled && epoch.get() != e0) {
                map.remove(op.id(), entry); // everything changed while it was read
            }
        }
        return loaded;
    }

    /** Keeps a terminal snapshot just written: nothing can change it any more (only pruning removes it). */
    void ended(Operation op) {
        if (off) {
            return;
        }
        map.put(op.id(), Footprint.shared(op));
    }

    /** {@code id} changed: what is kept of it is out of date, unless it is terminal (a terminal status is final). */
    void changed(OperationId id) {
        if (off) {
            return;
        }
        map.compute(id, (k, v) -> terminal(v) ? v : new Marker());
    }

    private static boolean terminal(Object v) {
        return v instanceof Operation op ? op.isTerminal() : v instanceof Status st && st.op().isTerminal();
    }

    /** Anything may have changed (missed announcements, pruning). */
    void changedAll() {
        epoch.incrementAndGet();
        cache.invalidateAll();
    }

    /** The bytes the kept snapshots and markers weigh ({@link Footprint}). */
    long weightedBytes() {
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** How many entries are kept, markers included. */
    long size() {
        return cache.estimatedSize();
    }
}
