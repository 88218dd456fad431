package io.asyncops.engine.internal;

import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Operation;
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
 * Claims due operations and runs each on its own virtual thread, at most {@code workers} at once. It claims as
 * many as there are free workers in one statement; when a claim comes back short the queue is drained and it
 * sleeps until a wake-up (a submit here, a notice from another instance, a retry falling due) or the fallback
 * poll interval.
 */
final class Dispatcher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** The most operations one claim takes. */
    private static final int MAX_CLAIM = 128;

    private final EngineConfig config;
    private final OperationStore store;
    private final Runner runner;
    private final Semaphore slots;
    private final Signal wake = new Signal();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    Dispatcher(EngineConfig config, OperationStore store, Runner runner) {
        this.config = config;
        this.store = store;
        this.runner = runner;
        this.slots = new Semaphore(config.workers());
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
                if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                int free = 1 + slots.drainPermits();
                if (!running) {
                    slots.release(free);
                    break;
                }
                int wanted = Math.min(free, MAX_CLAIM);
                slots.release(free - wanted);
                more = claimAndRun(wanted);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** Claims up to {@code wanted} operations (holding as many slots); true when the claim came back full. */
    private boolean claimAndRun(int wanted) throws InterruptedException {
        List<Operation> claimed;
        try {
            Instant now = Times.now(config.clock());
            claimed = store.claim(config.nodeId(), wanted, now, now.plus(config.leaseDuration()));
        } catch (RuntimeException e) {
            slots.release(wanted);
            LOG.warn("claiming operations failed; retrying after {}: {}", config.fallbackPollInterval(), e.toString());
            TimeUnit.NANOSECONDS.sleep(config.fallbackPollInterval().toNanos());
            return false;
        }
        slots.release(wanted - claimed.size());
        for (Operation op : claimed) {
            Thread worker = Thread.ofVirtual().name("asyncops-op-" + op.id()).unstarted(() -> {
                try {
                    runner.run(op);
                } finally {
                    workers.remove(Thread.currentThread());
                    slots.release();
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
