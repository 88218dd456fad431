package io.asyncops.server.internal.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request metrics: timer {@code asyncops.http.server.requests} (Prometheus: {@code
 * asyncops_http_server_requests_seconds_count/_sum}) tagged by method, route template and status. Rule: the route
 * is the matched template, never the raw path, so the number of series stays bounded.
 */
public final class HttpMetrics {
    /** Timers kept at hand; past this many, further ones are looked up in the registry each time. */
    private static final int MAX_KEPT = 1_000;

    private record Key(String method, String route, int status) {
    }

    private final MeterRegistry registry;
    /** The registry finds a timer by building its id from the tags, per request; a map lookup is cheaper. */
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String method, String route, int status, long nanos) {
        Key key = new Key(method, route, status);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = Timer.builder("asyncops.http.server.requests")
                    .description("HTTP requests by method, route template and status")
                    .tag("method", method)
                    .tag("route", route)
                    .tag("status", Integer.toString(status))
                    .register(registry);
            if (timers.size() < MAX_KEPT) {
                timers.put(key, timer);
            }
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
