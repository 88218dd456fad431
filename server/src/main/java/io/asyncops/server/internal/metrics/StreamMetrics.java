package io.asyncops.server.internal.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients waiting on this node: {@code asyncops.longpolls.active} (status and result requests held by
 * {@code Prefer: wait}) and {@code asyncops.sse.streams.active} by stream ({@code operation}: one operation's
 * events; {@code console}: a subscription's change stream). Each is incremented when a wait begins and
 * decremented in a {@code finally} when it ends.
 */
public final class StreamMetrics {
    private final AtomicInteger longPolls = new AtomicInteger();
    private final AtomicInteger operationStreams = new AtomicInteger();
    private final AtomicInteger consoleStreams = new AtomicInteger();

    public StreamMetrics(MeterRegistry registry) {
        Gauge.builder("asyncops.longpolls.active", longPolls, AtomicInteger::get)
                .description("Status and result requests held open by Prefer: wait").register(registry);
        Gauge.builder("asyncops.sse.streams.active", operationStreams, AtomicInteger::get)
                .description("Server-sent event streams open").tag("stream", "operation").register(registry);
        Gauge.builder("asyncops.sse.streams.active", consoleStreams, AtomicInteger::get)
                .description("Server-sent event streams open").tag("stream", "console").register(registry);
    }

    public AtomicInteger longPolls() {
        return longPolls;
    }

    public AtomicInteger operationStreams() {
        return operationStreams;
    }

    public AtomicInteger consoleStreams() {
        return consoleStreams;
    }
}
