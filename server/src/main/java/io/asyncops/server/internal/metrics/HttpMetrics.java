package io.asyncops.server.internal.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request metrics: timer {@code asyncops.http.server.requests} (Prometheus: {@code
 * asyncops_http_server_requests_seconds_count/_sum}) tagged by method, route template and status. Rule: every label
 * comes from a closed set, whatever a client sends, so the number of series stays bounded: the method is one of
 * RFC 9110's (else {@value #OTHER}), the route the matched template (never the raw path; unmatched requests share
 * one label, and past {@value #MAX_ROUTES} templates the rest share {@value #OTHER}), the status a code from 100 to
 * 599 or a named outcome such as {@code client_closed}.
 */
public final class HttpMetrics {
    /** The label of methods and routes outside the closed sets. */
    public static final String OTHER = "OTHER";
    static final int MAX_ROUTES = 256;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");
    private static final Set<String> OUTCOMES = Set.of("client_closed", "timeout");

    /** Labels of one series; built from the closed sets only, so the timers kept at hand are bounded too. */
    private record Key(String method, String route, String status) {
    }

    private final MeterRegistry registry;
    private final Set<String> routes = ConcurrentHashMap.newKeySet();
    /** The registry finds a timer by building its id from the tags, per request; a map lookup is cheaper. */
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one answered request; {@code status} is the code or a named outcome. */
    public void record(String method, String route, String status, long nanos) {
        Key key = new Key(method(method), route(route), status(status));
        Timer timer = timers.computeIfAbsent(key, k -> Timer.builder("asyncops.http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", k.method())
                .tag("route", k.route())
                .tag("status", k.status())
                .register(registry));
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records one answered request with a numeric status. */
    public void record(String method, String route, int status, long nanos) {
        record(method, route, Integer.toString(status), nanos);
    }

    static String method(String method) {
        return METHODS.contains(method) ? method : OTHER;
    }

    private String route(String route) {
        if (routes.contains(route)) {
            return route;
        }
        if (routes.size() < MAX_ROUTES) {
            routes.add(route);
            return route;
        }
        return OTHER;
    }

    static String status(String status) {
        if (OUTCOMES.contains(status)) {
            return status;
        }
        try {
            int code = Integer.parseInt(status);
            return code >= 100 && code <= 599 ? Integer.toString(code) : OTHER;
        } catch (NumberFormatException e) {
            return OTHER;
        }
    }
}
