package io.asyncops.server.internal.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Request metrics: timer {@code asyncops.http.server.requests} (Prometheus: {@code
 * asyncops_http_server_requests_seconds_count/_sum}) tagged by method, route template and status. Rule: the route
 * is the matched template, never the raw path, so the number of series stays bounded.
 */
public final class HttpMetrics {
    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String method, String route, int status, long nanos) {
        Timer.builder("asyncops.http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
