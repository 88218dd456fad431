package io.asyncops.engine.internal;

import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.internal.store.Claimed;
import io.asyncops.engine.internal.store.OperationStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due operations and runs each on its own virtual thread, at most {@code workers} handlers at once. It
 * claims as many as there are free workers in one statement; when a claim comes back short the queue is drained
 * and it sleeps until a wake-up (a submit here, a notice from another instance, a retry falling due) or the
 * fallback poll interval.
 *
 * <p>Two limits: {@code handlers} (a worker is free again as soon as its handler returns) and {@code inFlight}
 * (claimed and not yet ended, {@value #IN_FLIGHT_PER_WORKER} per worker): handlers keep running while the
 * previous group of endings waits for its commit, yet endings cannot pile up faster than they are written.
 */
final class Dispatcher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** The most operations one claim takes. */
    private static final int MAX_CLAIM = 128;
    /** Operations claimed and not yet ended, per worker. */
    static final int IN_FLIGHT_PER_WORKER = 4;

    private final EngineConfig config;
    private final OperationStore store;
    private final Runner runner;
    private final Semaphore handlers;
    private final Semaphore inFlight;
    private final Signal wake = new Signal();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    Dispatcher(EngineConfig config, OperationStore store, Runner runner) {
        this.config = config;
        this.store = store;
        this.runner = runner;
        this.handlers = new Semaphore(config.workers());
        this.inFlight = new Semaphore(config.workers() * IN_FLIGHT_PER_WORKER);
        this.thread = Thread.ofVirtual().name("asyncops-dispatch-" + config.nodeId()).unstarted(this);
    }

    void start() {
        thread.start();
    }

    /** Something may have become claimable. */
    void wake() {
        wake.raise();
    }

    @Override
    public void run() {
        boolean more = true;
        while (running) {
            try {
                if (!more) {
                    wake.await(config.fallbackPollInterval().toNanos());
                }
                int wanted = acquire();
                if (wanted == 0) {
                    continue;
                }
                if (!running) {
                    handlers.release(wanted);
                    inFlight.release(wanted);
                    break;
                }
                more = claimAndRun(wanted);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** Takes as many permits of both limits as are free (up to a claim's size), waiting a little for one. */
    private int acquire() throws InterruptedException {
        if (!handlers.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int h = 1 + handlers.drainPermits();
        if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            handlers.release(h);
            return 0;
        }
        int f = 1 + inFlight.drainPermits();
        int wanted = Math.min(Math.min(h, f), MAX_CLAIM);
        handlers.release(h - wanted);
        inFlight.release(f - wanted);
        return wanted;
    }

    /** Claims up to {@code wanted} operations (holding as many permits); true when the claim came back full. */
    private boolean claimAndRun(int wanted) throws InterruptedException {
        List<Claimed> claimed;
        try {
            Instant now = Times.now(config.clock());
            claimed = store.claim(config.nodeId(), wanted, now, now.plus(config.leaseDuration()));
        } catch (RuntimeException e) {
            handlers.release(wanted);
            inFlight.release(wanted);
            LOG.warn("claiming operations failed; retrying after {}: {}", config.fallbackPollInterval(), e.toString());
            TimeUnit.NANOSECONDS.sleep(config.fallbackPollInterval().toNanos());
            return false;
        }
        handlers.release(wanted - claimed.size());
        inFlight.release(wanted - claimed.size());
        for (Claimed c : claimed) {
            Thread worker = Thread.ofVirtual().name("asyncops-op-" + c.operation().id()).unstarted(() -> {
                try {
                    runner.run(c, handlers::release);
                } finally {
                    workers.remove(Thread.currentThread());
                    inFlight.release();
                }
            });
            workers.add(worker);
            worker.start();
        }
        return claimed.size() == wanted;
    }

    /** Stops claiming; interrupts running handlers and waits up to {@code waitMillis} for them to end. */
    void stop(long waitMillis) {
        running = false;
        wake.raise();
        long deadline = System.currentTimeMillis() + waitMillis;
        try {
            // not interrupted: a claim in flight must finish (an interrupt would close its connection)
            thread.join(waitMillis);
            workers.forEach(Thread::interrupt);
            for (Thread t : workers) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                t.join(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
