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
    /** Per route label, the method (as sent) and numeric status it was last answered with, and their timer. */
    private final Map<String, Last> lastByRoute = new ConcurrentHashMap<>();

    private record Last(String method, int status, Timer timer) {
    }

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one answered request; {@code status} is the code or a named outcome. */
    public void record(String method, String route, String status, long nanos) {
        timer(method(method), route(route), status(status)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Records one answered request with a numeric status. A route's requests mostly repeat one method and status
     * (every poll of a status monitor is a GET answered 200), so the timer they last used is kept per route label
     * (a closed set, see {@link #route}) and taken again without building the series' labels.
     */
    public void record(String method, String route, int status, long nanos) {
        String r = route(route);
        Last last = lastByRoute.get(r);
        Timer timer;
        if (last != null && last.status() == status && last.method().equals(method)) {
            timer = last.timer();
        } else {
            timer = timer(method(method), r, status(Integer.toString(status)));
            lastByRoute.put(r, new Last(method, status, timer));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String method, String route, String status) {
        return timers.computeIfAbsent(new Key(method, route, status), k -> Timer
                .builder("asyncops.http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", k.method())
                .tag("route", k.route())
                .tag("status", k.status())
                .register(registry));
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
