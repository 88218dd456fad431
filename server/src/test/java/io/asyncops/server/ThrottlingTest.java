package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.protocol.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throttling like ARM: per-subscription read and write budgets reported on every answer
 * ({@code x-ms-ratelimit-remaining-subscription-reads|writes}), and, when enforced, a {@code 429} with
 * {@code Retry-After} past them; subscriptions do not share budgets, and nobody spends another's.
 */
class ThrottlingTest {
    private static final String OPS = "/subscriptions/" + TestServer.SUB + "/operationStatuses?api-version=2024-01-01";

    @Test
    void budgetsAreReportedAndEnforcedPerSubscription(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data, b -> b.throttling(
                new Throttling(true, 3, 2, Duration.ofHours(1))))) {
            for (int left = 2; left >= 0; left--) {
                HttpResponse<String> r = server.get(OPS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("x-ms-ratelimit-remaining-subscription-reads"))
                        .contains(Integer.toString(left));
            }
            HttpResponse<String> throttled = server.get(OPS);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(Json.mapper().readTree(throttled.body()).at("/error/code").asText())
                    .isEqualTo("SubscriptionRequestsThrottled");
            // one read more every 1200 s (3 per hour)
            assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1100L, 1200L);
            assertThat(throttled.headers().firstValue("x-ms-ratelimit-remaining-subscription-reads")).contains("0");

            HttpResponse<String> write = server.put("throttled-" + System.nanoTime(), "{}");
            assertThat(write.statusCode()).as("writes have their own budget").isEqualTo(202);
            assertThat(write.headers().firstValue("x-ms-ratelimit-remaining-subscription-writes")).contains("1");

            String other = "/subscriptions/" + TestServer.OTHER_SUB + "/operationStatuses?api-version=2024-01-01";
            HttpResponse<String> otherSub = server.send(server.request(server.http(other)).setHeader("Authorization",
                    "Bearer " + server.token(List.of(TestServer.SUB, TestServer.OTHER_SUB))));
            assertThat(otherSub.statusCode()).isEqualTo(200);
            assertThat(otherSub.headers().firstValue("x-ms-ratelimit-remaining-subscription-reads")).contains("2");

            // a caller who may not see the subscription does not spend its budget (and gets its 404)
            HttpResponse<String> stranger = server.send(server.request(server.http(other)));
            assertThat(stranger.statusCode()).isEqualTo(404);
            assertThat(stranger.headers().firstValue("x-ms-ratelimit-remaining-subscription-reads")).isEmpty();
        }
    }

    @Test
    void byDefaultTheBudgetsAreReportedButNotEnforced(@TempDir Path data) {
        try (TestServer server = TestServer.start(data, b -> b.throttling(
                new Throttling(false, 1, 1, Duration.ofHours(1))))) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = server.get(OPS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("x-ms-ratelimit-remaining-subscription-reads")).contains("0");
            }
        }
        try (TestServer defaults = TestServer.start(data.resolve("defaults"))) {
            assertThat(defaults.get(OPS).headers().firstValue("x-ms-ratelimit-remaining-subscription-reads"))
                    .contains("11999");
        }
    }
}
