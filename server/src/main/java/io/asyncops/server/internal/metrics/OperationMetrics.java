package io.asyncops.server.internal.metrics;

import io.asyncops.engine.EngineListener;
import io.asyncops.engine.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Operation metrics fed by the engine: {@code asyncops.operations.submitted} and {@code asyncops.operations.started}
 * by kind, {@code asyncops.operations.ended} by kind and status, the histogram {@code asyncops.operation.duration}
 * (submit to end, by kind and status, with fixed buckets from 10 ms to 2 h so that Prometheus'
 * {@code histogram_quantile} gives p50/p95/p99), {@code asyncops.operation.retries} (the runs beyond the first
 * that ended operations needed: transient failures, restarts and takeovers) and {@code asyncops.lease.takeovers} (runs that resumed an operation whose node's
 * lease expired). Counts what this node saw: sum over nodes in Prometheus. Labels come from closed sets: kinds
 * are the registered handlers' kinds, statuses the five of the engine.
 */
public final class OperationMetrics implements EngineListener {
    /** The duration histogram's bucket bounds: Azure operations take from milliseconds to about an hour. */
    static final Duration[] DURATION_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2)};

    private final MeterRegistry registry;
    private final Counter takeovers;
    private final Counter retries;

    public OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.takeovers = Counter.builder("asyncops.lease.takeovers")
                .description("Runs that resumed an operation whose node's lease had expired (the node died or stalled)")
                .register(registry);
        this.retries = Counter.builder("asyncops.operation.retries")
                .description("Runs beyond the first that ended operations needed (transient failures, restarts, takeovers)")
                .register(registry);
    }

    @Override
    public void submitted(Operation operation) {
        Counter.builder("asyncops.operations.submitted").description("Operations accepted")
                .tag("kind", operation.kind()).register(registry).increment();
    }

    @Override
    public void started(Operation operation) {
        Counter.builder("asyncops.operations.started").description("Operation runs started or resumed")
                .tag("kind", operation.kind()).register(registry).increment();
    }

    @Override
    public void takenOver(Operation operation, String previousNode) {
        takeovers.increment();
    }

    @Override
    public void ended(Operation operation) {
        String status = operation.status().tag();
        Counter.builder("asyncops.operations.ended").description("Operations that reached a terminal status")
                .tag("kind", operation.kind()).tag("status", status).register(registry).increment();
        if (operation.attempt() > 1) {
            // counted once per operation, by the node that ends it: the runs it needed beyond the first
            retries.increment(operation.attempt() - 1);
        }
        if (operation.endedAt() != null) {
            Timer.builder("asyncops.operation.duration").description("Time from submit to terminal status")
                    .tag("kind", operation.kind()).tag("status", status)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry)
                    .record(Duration.between(operation.createdAt(), operation.endedAt()));
        }
    }
}
