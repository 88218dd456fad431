package io.asyncops.engine.internal;

import io.asyncops.engine.internal.store.Ending;
import io.asyncops.engine.internal.store.Finished;
import io.asyncops.engine.internal.store.OperationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of operation endings: workers hand in their endings and wait; one thread writes whatever has
 * queued up in one transaction. No timer: a lone ending commits at once, and endings that arrive while a commit
 * is in flight share the next one, so the commits per second stay flat as the load grows.
 */
final class Committer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
    private static final int MAX_BATCH = 256;

    /** What became of an ending, and the instant its transaction used (the operation's end time). */
    record Done(Finished finished, Instant at) {
    }

    private record Pending(Ending ending, CompletableFuture<Done> done) {
    }

    /** By id, as {@code UUID.toString()} orders them: the high then the low 64 bits, unsigned. */
    private static final Comparator<Pending> BY_ID = (a, b) -> {
        java.util.UUID x = a.ending().fence().id().value();
        java.util.UUID y = b.ending().fence().id().value();
        int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    };

    private final OperationStore store;
    private final Clock clock;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    Committer(OperationStore store, Clock clock, String node) {
        this.store = store;
        this.clock = clock;
        this.thread = Thread.ofVirtual().name("asyncops-commit-" + node).unstarted(this);
    }

    void start() {
        thread.start();
    }

    CompletableFuture<Done> submit(Ending ending) {
        CompletableFuture<Done> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the engine is closed"));
            return done;
        }
        queue.add(new Pending(ending, done));
        return done;
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                break;
            } finally {
                batch.clear();
            }
        }
        failAll(new IllegalStateException("the engine stopped before the ending was written"));
    }

    private void commit(List<Pending> batch) {
        Instant at = Times.now(clock);
        // operation rows locked in the heartbeats' order (by id), so a group of endings and a heartbeat's batch never
        // wait on each other's rows in a cycle (PostgreSQL would break the deadlock by failing one of them)
        // (the ids' unsigned order is their text's order, as the heartbeats sort them, without writing the text)
        batch.sort(BY_ID);
        List<Ending> endings = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            endings.add(p.ending());
        }
        try {
            List<Finished> results = store.finish(endings, at);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(new Done(results.get(i), at));
            }
        } catch (RuntimeException e) {
            if (io.asyncops.engine.StoreException.isTransient(e)) {
                // the database is away: the runners write their endings again once it is back
                LOG.warn("writing {} operation endings failed; the database could not be reached: {}", batch.size(),
                        e.toString());
            } else {
                LOG.warn("writing {} operation endings failed", batch.size(), e);
            }
            for (Pending p : batch) {
                p.done().completeExceptionally(e);
            }
        }
    }

    /** Stops after writing what is queued (graceful), or at once ({@code abandon}) failing what is queued. */
    void stop(boolean abandon) {
        running = false;
        if (abandon) {
            thread.interrupt();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(new IllegalStateException("the engine is closed"));
    }

    private void failAll(RuntimeException e) {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(e);
        }
    }
}
