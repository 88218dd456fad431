package io.asyncops.server.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {
    private static final String ROUTE = "/subscriptions/{sub}/operationStatuses/{id}";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpMetrics metrics = new HttpMetrics(registry);

    private long count(String method, String route, String status) {
        Timer t = registry.find("asyncops.http.server.requests")
                .tag("method", method).tag("route", route).tag("status", status).timer();
        return t == null ? 0 : t.count();
    }

    @Test
    void theTimerKeptPerRouteIsTakenOnlyForTheSameMethodAndStatus() {
        // alternating methods and statuses on one route: each request lands in its own series, never in the last one's
        metrics.record("GET", ROUTE, 200, 1_000);
        metrics.record("GET", ROUTE, 200, 1_000);
        metrics.record("GET", ROUTE, 404, 1_000);
        metrics.record("POST", ROUTE, 404, 1_000);
        metrics.record("GET", ROUTE, 200, 1_000);
        metrics.record("GET", "unmatched", 200, 1_000);
        metrics.record("GET", ROUTE, "client_closed", 1_000);
        metrics.record("GET", ROUTE, 200, 1_000);

        assertThat(count("GET", ROUTE, "200")).isEqualTo(4);
        assertThat(count("GET", ROUTE, "404")).isEqualTo(1);
        assertThat(count("POST", ROUTE, "404")).isEqualTo(1);
        assertThat(count("GET", "unmatched", "200")).isEqualTo(1);
        assertThat(count("GET", ROUTE, "client_closed")).isEqualTo(1);
    }

    @Test
    void labelsStayInTheirClosedSetsOnTheNumericPathToo() {
        metrics.record("BREW", ROUTE, 200, 1_000);
        metrics.record("BREW", ROUTE, 200, 1_000);
        metrics.record("GET", ROUTE, 999, 1_000);
        for (int i = 0; i < HttpMetrics.MAX_ROUTES + 10; i++) {
            metrics.record("GET", "/route/" + i, 200, 1_000);
        }

        assertThat(count(HttpMetrics.OTHER, ROUTE, "200")).isEqualTo(2);
        assertThat(count("GET", ROUTE, HttpMetrics.OTHER)).isEqualTo(1);
        assertThat(count("GET", HttpMetrics.OTHER, "200")).isEqualTo(11); // the routes past the cap share one label
        assertThat(registry.find("asyncops.http.server.requests").timers()).hasSize(HttpMetrics.MAX_ROUTES + 2);
    }
}
