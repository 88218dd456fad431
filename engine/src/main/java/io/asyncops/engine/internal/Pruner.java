package io.asyncops.engine.internal;

import io.asyncops.engine.EngineConfig;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the engine's pruning every {@code pruneInterval}; several instances may prune at once harmlessly. */
final class Pruner implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);

    private final EngineConfig config;
    private final IntSupplier prune;
    private final Signal stop = new Signal();
    private final Thread thread;
    private volatile boolean running = true;

    Pruner(EngineConfig config, IntSupplier prune) {
        this.config = config;
        this.prune = prune;
        this.thread = Thread.ofVirtual().name("asyncops-prune-" + config.nodeId()).unstarted(this);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (running) {
            try {
                stop.await(config.pruneInterval().toNanos());
                if (running) {
                    prune.getAsInt();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("pruning failed: {}", e.toString());
            }
        }
    }

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
