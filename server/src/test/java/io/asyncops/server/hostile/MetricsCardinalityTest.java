package io.asyncops.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.server.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} stays small whatever clients send: 10,000 requests with invented methods and random paths (the
 * attack that took it from 47 KB to 28.8 MB) leave it under a fixed size, because every label comes from a closed
 * set (unknown methods are {@code OTHER}, unmatched paths share one route label).
 */
class MetricsCardinalityTest {
    private static final int REQUESTS = 10_000;
    private static final int MAX_METRICS_BYTES = 64 * 1024;

    @Test
    void tenThousandRandomMethodsAndPathsLeaveMetricsUnderAFixedSize(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            int before = metrics(http, server).length();
            Random random = new Random(7);
            List<Future<Integer>> sent = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < REQUESTS; i++) {
                    String method = randomToken(random);
                    String path = "/" + randomToken(random) + "/" + random.nextInt() + (random.nextBoolean()
                            ? "/subscriptions/" + TestServer.SUB + "/x" + random.nextInt() : "");
                    HttpRequest request = HttpRequest.newBuilder(URI.create(server.server().httpUri() + path))
                            .timeout(Duration.ofSeconds(30))
                            .method(method, HttpRequest.BodyPublishers.noBody()).build();
                    sent.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
                }
                for (Future<Integer> f : sent) {
                    assertThat(f.get()).isBetween(400, 499);
                }
            }
            String after = metrics(http, server);
            System.out.printf("/metrics: %d bytes before, %d bytes after %d requests with random methods and paths%n",
                    before, after.length(), REQUESTS);
            assertThat(after.length()).isLessThan(MAX_METRICS_BYTES);
            assertThat(after).contains("method=\"OTHER\"").contains("route=\"unmatched\"");
        }
    }

    private static String metrics(HttpClient http, TestServer server) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.server().httpUri() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** 1 to 12 characters an HTTP method token may hold. */
    private static String randomToken(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
