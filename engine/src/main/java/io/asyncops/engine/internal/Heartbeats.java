package io.asyncops.engine.internal;

import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.internal.store.Fence;
import io.asyncops.engine.internal.store.OperationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Extends the leases of every running operation of this engine in one batch per interval. A lease that could
 * not be extended (expired, or taken by another instance) is re-read and, if really gone, marked lost so its
 * handler stops at the next write or safe point.
 */
final class Heartbeats {
    private final EngineConfig config;
    private final OperationStore store;
    private final Map<OperationId, Lease> leases;
    private final Periodic periodic;

    Heartbeats(EngineConfig config, OperationStore store, Map<OperationId, Lease> leases) {
        this.config = config;
        this.store = store;
        this.leases = leases;
        this.periodic = new Periodic("heartbeat-" + config.nodeId(), config.heartbeatInterval(), this::beat);
    }

    void start() {
        periodic.start();
    }

    /**
     * Leases extended per transaction. An extension locks its rows until it commits, and an operation's ending
     * (group-committed) waits for that lock: one transaction for all of 10,000 leases held every ending behind it
     * for over a second each interval. Small transactions hold a row for milliseconds.
     */
    static final int BATCH = 128;

    /**
     * Extends every current lease once, {@link #BATCH} per transaction, in the order of their ids (a fixed order:
     * which rows share a transaction does not depend on the map's iteration order).
     */
    void beat() {
        List<Lease> current = new ArrayList<>(leases.values());
        current.sort(Comparator.comparing(l -> l.id().toString()));
        for (int from = 0; from < current.size(); from += BATCH) {
            extend(current.subList(from, Math.min(current.size(), from + BATCH)));
        }
    }

    private void extend(List<Lease> current) {
        List<Fence> fences = new ArrayList<>(current.size());
        for (Lease lease : current) {
            fences.add(lease.fence());
        }
        Instant now = Times.now(config.clock());
        boolean[] extended = store.extend(fences, now, now.plus(config.leaseDuration()));
        for (int i = 0; i < extended.length; i++) {
            Lease lease = current.get(i);
            if (!extended[i] && leases.get(lease.id()) == lease && lease.refreshAfterMiss(fences.get(i).version())) {
                // only a cancellation flag moved the version: extend with the new one
                store.extend(List.of(lease.fence()), now, now.plus(config.leaseDuration()));
            }
        }
    }

    void stop() {
        periodic.stop();
    }
}
