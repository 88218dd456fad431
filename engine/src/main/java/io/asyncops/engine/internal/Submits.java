package io.asyncops.engine.internal;

import io.asyncops.engine.internal.store.Inserted;
import io.asyncops.engine.internal.store.NewOperation;
import io.asyncops.engine.internal.store.OperationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of submits: callers hand in their new operations and wait; a free committer thread stores
 * whatever has queued up in one transaction ({@link OperationStore#insert}), so concurrent submits share one
 * durable commit. No timer: a lone submit is written at once, and submits that arrive while every committer is
 * busy share the next commit, so the commits per second stay flat as the load grows and a submit waits at most
 * for the commits in flight before its own. Several committers ({@code EngineConfig#submitCommitters}) overlap
 * one group's statements with another's durable write, and run the work of submits that bring some (a
 * provider's resource rows, one round trip after another) in parallel. Each caller gets its own outcome; the
 * store keeps one caller's failure from failing another. Two committers' groups may wait on each other (two
 * submits of one idempotency key or one exclusive resource at the same instant, in reverse order): the database
 * ends that by failing one group, which is then written one submit at a time.
 */
final class Submits implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Submits.class);
    /** Rows per transaction at most: the batch of inserts stays one round trip, the transaction short. */
    static final int MAX_BATCH = 256;

    private record Pending(NewOperation row, CompletableFuture<Inserted> done) {
    }

    private final OperationStore store;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread[] threads;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.LongAdder commits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder stored = new java.util.concurrent.atomic.LongAdder();
    /** Group commits by size: [1], [2-3], [4-7], ... [256]; logged at debug when the engine stops. */
    private final java.util.concurrent.atomic.LongAdder[] sizes = new java.util.concurrent.atomic.LongAdder[9];

    Submits(OperationStore store, String node, int committers) {
        this.store = store;
        this.threads = new Thread[committers];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = new java.util.concurrent.atomic.LongAdder();
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
        queue.add(new Pending(row, done));
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

    /** Submits waiting for the committer (not counting those in the transaction it is writing). */
    int queued() {
        return queue.size();
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        List<NewOperation> rows = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (Pending p : batch) {
                    rows.add(p.row());
                }
                commit(batch, rows);
            } catch (InterruptedException e) {
                break;
            } finally {
                batch.clear();
                rows.clear();
            }
        }
        failAll(new IllegalStateException("the engine stopped before the operation was stored"));
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
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(e);
        }
    }
}
