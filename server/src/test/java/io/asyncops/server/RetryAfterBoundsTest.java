package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PROTOCOL §2: Retry-After on every non-terminal answer, within the configured floor and ceiling. */
class RetryAfterBoundsTest {

    @Test
    void retryAfterStaysWithinTheConfiguredBounds(@TempDir Path data) {
        try (TestServer server = TestServer.start(data, b -> b.retryAfterFloor(Duration.ofSeconds(2))
                .retryAfterCeiling(Duration.ofSeconds(3)))) {
            HttpResponse<String> started = server.put("ra", "{\"steps\":100,\"stepMillis\":1000}");
            assertThat(seconds(started)).isBetween(2, 3);
            String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
            String result = started.headers().firstValue("Location").orElseThrow();
            assertThat(seconds(server.send(server.request(URI.create(status))))).isBetween(2, 3);
            assertThat(seconds(server.send(server.request(URI.create(result))))).isBetween(2, 3);
            HttpResponse<String> canceled = OperationRoutesTestSupport.cancel(server, status);
            assertThat(canceled.statusCode()).isEqualTo(200);
        }
    }

    private static int seconds(HttpResponse<String> r) {
        return Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow());
    }
}
