package io.asyncops.engine.internal;

import io.asyncops.engine.internal.store.Inserted;
import io.asyncops.engine.internal.store.NewOperation;
import io.asyncops.engine.internal.store.OperationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of submits: callers hand in their new operations and wait; a free committer thread stores
 * whatever has queued up in one transaction ({@link OperationStore#insert}), so concurrent submits share one
 * durable commit. No timer: a lone submit is written at once, and submits that arrive while a commit is in flight
 * share the next one, so the commits per second stay flat as the load grows.
 *
 * <p>Two kinds of submits, two rules. Those without work (a row, nothing else) have at most one group in flight:
 * everything queued while it commits goes in the next one, so the groups are as large as the load and the cost
 * per group (a round trip, a durable write) is shared by all. Splitting them over several committers only made
 * smaller groups: a third of the throughput for the same CPU. Those with work (a provider's resource rows, one
 * round trip after another) run on any free committer of the {@code EngineConfig#submitCommitters}, so their
 * works run in parallel; a committer taking them also takes the waiting work-free submits when no group of those
 * is in flight. Each caller gets its own outcome; the store keeps one caller's failure from failing another. Two
 * committers' groups may wait on each other (two submits of one idempotency key or one exclusive resource at the
 * same instant, in reverse order): the database ends that by failing one group, which is then written one
 * submit at a time.
 *
 * <p>The queues take no lock: 32 callers woken together by one group's commit all queue their next submit at once,
 * and a lock they shared with the committer made them (and it) sleep and wake on it. A committer sleeps on the
 * condition only when it found nothing to take, and a caller signals only when one sleeps.
 */
final class Submits implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Submits.class);
    /** Rows per transaction at most: the batch of inserts stays one round trip, the transaction short. */
    static final int MAX_BATCH = 256;

    private record Pending(NewOperation row, CompletableFuture<Inserted> done) {
    }

    private final OperationStore store;
    /** Held by a committer going to sleep and by a caller waking one: no wake-up falls between the two. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a submit is queued that a waiting committer may take. */
    private final Condition ready = lock.newCondition();
    /** Committers asleep on {@link #ready} (or about to be: counted before they look at the queues a last time). */
    private final AtomicInteger idle = new AtomicInteger();
    /** The queued submits without work, and with. */
    private final Queue<Pending> plain = new ConcurrentLinkedQueue<>();
    private final Queue<Pending> withWork = new ConcurrentLinkedQueue<>();
    /** A group holding work-free submits is being committed: set by the committer that takes them. */
    private final AtomicBoolean plainInFlight = new AtomicBoolean();
    private final Thread[] threads;
    private volatile boolean running = true;
    private final LongAdder commits = new LongAdder();
    private final LongAdder stored = new LongAdder();
    /** Group commits by size: [1], [2-3], [4-7], ... [256]; logged at debug when the engine stops. */
    private final LongAdder[] sizes = new LongAdder[9];

    Submits(OperationStore store, String node, int committers) {
        this.store = store;
        this.threads = new Thread[committers];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = new LongAdder();
        }
        for (int i = 0; i < committers; i++) {
            // platform threads: they must not queue behind the request threads waiting for them on the carriers
            threads[i] = Thread.ofPlatform().daemon().name("asyncops-submit-" + node + "-" + i).unstarted(this);
        }
    }

    void start() {
        for (Thread t : threads) {
            t.start();
        }
    }

    /** Stores {@code row} with the others queued meanwhile; returns once its transaction is over. */
    Inserted submit(NewOperation row) {
        CompletableFuture<Inserted> done = new CompletableFuture<>();
        if (!running) {
            throw new IllegalStateException("the engine is closed");
        }
        (row.hasWork() ? withWork : plain).add(new Pending(row, done));
        // a work-free submit queued while a group of those commits needs no one woken: that group's committer
        // looks at the queue as soon as it is done (after clearing the flag, so it finds this one); waking an idle
        // committer for it woke a thread that found nothing to take, once per submit
        if (idle.get() > 0 && (row.hasWork() || !plainInFlight.get())) {
            // a committer sleeps or is about to: it counted itself before its last look at the queues, so either
            // that look finds this submit or this signal finds it asleep (the lock orders the two)
            lock.lock();
            try {
                ready.signal();
            } finally {
                lock.unlock();
            }
        }
        if (!running) {
            // stopped while adding: the committer may already have failed what it found, not this one
            failAll(new IllegalStateException("the engine is closed"));
        }
        try {
            // not interruptible: the caller must learn whether its operation was stored, and that is one commit away
            return done.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

    /** Submits waiting for a committer (not counting those in the transactions being written). */
    int queued() {
        return plain.size() + withWork.size();
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        List<NewOperation> rows = new ArrayList<>(MAX_BATCH);
        while (true) {
            boolean tookPlain;
            try {
                while (!takeable()) {
                    if (!running) {
                        return;
                    }
                    sleep();
                }
            } catch (InterruptedException e) {
                return;
            }
            take(withWork, batch);
            tookPlain = !plain.isEmpty() && plainInFlight.compareAndSet(false, true);
            if (tookPlain) {
                take(plain, batch);
            }
            if (batch.isEmpty()) {
                // another committer took them first
                if (tookPlain) {
                    plainInFlight.set(false);
                }
                continue;
            }
            try {
                for (Pending p : batch) {
                    rows.add(p.row());
                }
                commit(batch, rows);
            } finally {
                batch.clear();
                rows.clear();
                if (tookPlain) {
                    // this thread takes the next group itself: no one else need wake
                    plainInFlight.set(false);
                }
            }
        }
    }

    /** Something this committer may take: a submit with work, or work-free ones while no group of those commits. */
    private boolean takeable() {
        return !withWork.isEmpty() || (!plain.isEmpty() && !plainInFlight.get());
    }

    /** Sleeps until a caller signals (or 100 ms pass), unless a last look finds something to take. */
    private void sleep() throws InterruptedException {
        lock.lock();
        try {
            idle.incrementAndGet();
            try {
                if (!takeable() && running) {
                    ready.await(100, TimeUnit.MILLISECONDS);
                }
            } finally {
                idle.decrementAndGet();
            }
        } finally {
            lock.unlock();
        }
    }

    private static void take(Queue<Pending> from, List<Pending> batch) {
        Pending p;
        while (batch.size() < MAX_BATCH && (p = from.poll()) != null) {
            batch.add(p);
        }
    }

    private void commit(List<Pending> batch, List<NewOperation> rows) {
        try {
            List<Inserted> results = store.insert(rows);
            commits.increment();
            stored.add(rows.size());
            sizes[31 - Integer.numberOfLeadingZeros(rows.size())].increment();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            // the store reports per-row failures in the results; this is a fault of its own
            LOG.warn("storing {} operations failed", batch.size(), e);
            for (Pending p : batch) {
                p.done().completeExceptionally(e);
            }
        }
    }

    /** Stops after storing what is queued (graceful), or at once ({@code abandon}) failing what is queued. */
    void stop(boolean abandon) {
        running = false;
        lock.lock();
        try {
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : threads) {
            if (abandon) {
                t.interrupt();
            }
        }
        try {
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(new IllegalStateException("the engine is closed"));
        if (LOG.isDebugEnabled()) {
            StringBuilder histogram = new StringBuilder();
            for (int i = 0; i < sizes.length; i++) {
                long n = sizes[i].sum();
                if (n > 0) {
                    histogram.append(histogram.isEmpty() ? "" : ", ").append(1 << i).append(i > 0 ? "-"
                            + ((2 << i) - 1) : "").append(": ").append(n);
                }
            }
            LOG.debug("{} submits in {} group commits (groups by size {})", stored.sum(), commits.sum(), histogram);
        }
    }

    private void failAll(RuntimeException e) {
        Pending p;
        while ((p = plain.poll()) != null || (p = withWork.poll()) != null) {
            p.done().completeExceptionally(e);
        }
    }
}
