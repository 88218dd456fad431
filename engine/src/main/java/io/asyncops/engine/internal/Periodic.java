package io.asyncops.engine.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run every {@code interval} on its own virtual thread until stopped. A failing run is logged and the next
 * one comes on time; stopping wakes the thread at once instead of waiting out the interval.
 */
final class Periodic implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final Duration interval;
    private final Runnable task;
    private final String what;
    private final Signal stop = new Signal();
    private final Thread thread;
    private volatile boolean running = true;

    /** {@code what} names the task in its thread's name and in the failure log line. */
    Periodic(String what, Duration interval, Runnable task) {
        this.what = what;
        this.interval = interval;
        this.task = task;
        this.thread = Thread.ofVirtual().name("asyncops-" + what).unstarted(this);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (running) {
            try {
                stop.await(interval.toNanos());
                if (running) {
                    task.run();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.toString());
            }
        }
    }

    /** Stops the task and waits (up to 5 s) for a run in progress to finish. */
    void stop() {
        running = false;
        stop.raise();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
