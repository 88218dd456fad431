package io.asyncops.server.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.testing.TestOpsPlane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped for 10 s while 50 operations run, then started again. While it is down, starts and polls answer
 * {@code 503} with {@code Retry-After} at once (no hang on the pool) and {@code /health/ready} is down; once it is back,
 * readiness returns and every operation ends, {@code Succeeded}, exactly once: a transient database error never ends
 * an operation.
 */
class PostgresOutageTest {
    static final String SUB = "11111111-2222-3333-4444-555555555555";
    private static final int OPERATIONS = 50;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void fiftyOperationsSurviveATenSecondOutage(@TempDir Path pgDir, @TempDir Path data) throws Exception {
        try (StoppablePostgres pg = StoppablePostgres.start(pgDir);
             AsyncOpsServer server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(data)
                     .database(pg.jdbcUrl(), StoppablePostgres.USER, StoppablePostgres.PASSWORD)
                     .timeScale(1).shutdownGrace(Duration.ofSeconds(1)).addPlane(new TestOpsPlane()).build())) {
            String token = server.tokens().mint("outage", List.of(SUB), Duration.ofHours(1));
            List<String> statusUrls = new ArrayList<>();
            for (int i = 0; i < OPERATIONS; i++) {
                HttpResponse<String> r = start(server, token, "outage-" + i);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                statusUrls.add(r.headers().firstValue("Azure-AsyncOperation").orElseThrow());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> progress(statusUrls.get(0), token) > 0);

            pg.down();
            long downAt = System.nanoTime();
            HttpResponse<String> startWhileDown = timed(() -> start(server, token, "while-down"));
            assertUnavailable(startWhileDown);
            HttpResponse<String> pollWhileDown = timed(() -> get(statusUrls.get(OPERATIONS - 1), token));
            assertUnavailable(pollWhileDown);
            await().atMost(Duration.ofSeconds(8)).until(() -> get(server.httpUri() + "/health/ready", null)
                    .statusCode() == 503);
            long left = OUTAGE.toNanos() - (System.nanoTime() - downAt);
            Thread.sleep(Math.max(0, left / 1_000_000));
            pg.up();

            await().atMost(Duration.ofSeconds(30)).until(() -> get(server.httpUri() + "/health/ready", null)
                    .statusCode() == 200);
            Map<String, String> endings = new HashMap<>();
            for (String url : statusUrls) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    HttpResponse<String> r = get(url, token);
                    return r.statusCode() == 200 && !Json.mapper().readTree(r.body()).path("status").asText()
                            .equals("InProgress");
                });
                JsonNode monitor = Json.mapper().readTree(get(url, token).body());
                endings.put(monitor.path("name").asText(), monitor.path("status").asText()
                        + " " + monitor.path("error").path("code").asText(""));
            }
            assertThat(endings).hasSize(OPERATIONS);
            assertThat(endings.values()).as("every operation ends Succeeded").allMatch(s -> s.startsWith("Succeeded"));
            Map<String, Integer> effects = effects(pg);
            for (String id : endings.keySet()) {
                assertThat(effects.get(id)).as("operation %s ended exactly once", id).isEqualTo(1);
            }
        }
    }

    private static void assertUnavailable(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(Json.mapper().readTree(r.body()).at("/error/code").asText()).isEqualTo("ServiceUnavailable");
    }

    /** Runs {@code call} and checks it did not hang on the pool. */
    private static HttpResponse<String> timed(Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = call.run();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("while the database is down: %d in %d ms%n", r.statusCode(), ms);
        assertThat(ms).as("answered without waiting out the outage").isLessThan(6_000);
        return r;
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    private HttpResponse<String> start(AsyncOpsServer server, String token, String name) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.httpUri() + "/subscriptions/" + SUB
                        + "/resourceGroups/rg/providers/Test.Ops/things/" + name + "-" + UUID.randomUUID()
                        + "?api-version=" + TestOpsPlane.API_VERSION)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"steps\":30,\"stepMillis\":400}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double progress(String url, String token) throws Exception {
        return Json.mapper().readTree(get(url, token).body()).path("percentComplete").asDouble();
    }

    private static Map<String, Integer> effects(StoppablePostgres pg) throws Exception {
        Map<String, Integer> ends = new HashMap<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), StoppablePostgres.USER, StoppablePostgres.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT operation_id, COUNT(*) FROM test_ops_effects GROUP BY operation_id")) {
            while (rs.next()) {
                ends.put(rs.getString(1), rs.getInt(2));
            }
        }
        return ends;
    }
}
