package io.asyncops.server.internal.metrics;

import io.asyncops.engine.EngineListener;
import io.asyncops.engine.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Operation metrics fed by the engine: {@code asyncops.operations.submitted} and {@code asyncops.operations.started}
 * by kind, {@code asyncops.operations.ended} by kind and status, and the timer {@code asyncops.operation.duration}
 * (submit to end) by kind and status. Counts what this node saw: sum over nodes in Prometheus.
 */
public final class OperationMetrics implements EngineListener {
    private final MeterRegistry registry;

    public OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
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
    public void ended(Operation operation) {
        String status = operation.status().tag();
        Counter.builder("asyncops.operations.ended").description("Operations that reached a terminal status")
                .tag("kind", operation.kind()).tag("status", status).register(registry).increment();
        if (operation.endedAt() != null) {
            Timer.builder("asyncops.operation.duration").description("Time from submit to terminal status")
                    .tag("kind", operation.kind()).tag("status", status).register(registry)
                    .record(Duration.between(operation.createdAt(), operation.endedAt()));
        }
    }
}
