package io.asyncops.engine.internal;

import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.internal.store.Fence;
import io.asyncops.engine.internal.store.OperationStore;
import java.time.Instant;
import java.util.ArrayList;
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

    /** Extends every current lease once. */
    void beat() {
        List<Lease> current = new ArrayList<>(leases.values());
        if (current.isEmpty()) {
            return;
        }
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
