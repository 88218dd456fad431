package io.asyncops.server.internal.http;

import io.asyncops.server.RecentRequest;
import io.asyncops.server.spi.RequestIds;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A ring of the last requests the server answered, installed first (before {@link RequestFilter}) so that it sees
 * every answer's final status. Bounded: at most {@code capacity} entries, each with a cut path; the oldest go first.
 */
public final class RecentRequests implements Filter {
    private final int capacity;
    private final ArrayDeque<RecentRequest> ring;

    public RecentRequests(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new ArrayDeque<>(capacity);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        String query = req.query().rawValue();
        String path = req.path().rawPath() + (query.isEmpty() ? "" : "?" + query); // as sent, before any rewrite
        AtomicBoolean recorded = new AtomicBoolean();
        Runnable record = () -> {
            if (recorded.compareAndSet(false, true)) {
                RequestIds ids = req.context().get(RequestIds.class).orElse(null);
                add(new RecentRequest(at, req.prologue().method().text(), path, res.status().code(),
                        Duration.ofNanos(System.nanoTime() - start), ids == null ? null : ids.requestId(),
                        ids == null ? null : ids.clientRequestId()));
            }
        };
        // before the answer leaves, so that a client that got it finds it here; after the chain for answers that
        // were never sent (a dropped connection)
        res.beforeSend(record);
        try {
            chain.proceed();
        } finally {
            record.run();
        }
    }

    private synchronized void add(RecentRequest request) {
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(request);
    }

    /** The kept requests, oldest first. */
    public synchronized List<RecentRequest> snapshot() {
        return List.copyOf(ring);
    }

    /** Forgets every kept request. */
    public synchronized void clear() {
        ring.clear();
    }
}
