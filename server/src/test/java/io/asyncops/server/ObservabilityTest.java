package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} has the operation gauges read from the store (per status, oldest active age), the duration
 * histogram's buckets, takeovers, retries, the long polls and event streams open, and the connection pool; the
 * Grafana dashboard in {@code docs/grafana} is a well-formed dashboard whose every query names metrics that exist.
 */
class ObservabilityTest {
    static final Path DASHBOARD = Path.of("..", "docs", "grafana", "asyncops-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:asyncops|hikaricp)_[a-z0-9_]+)\\b");

    @TempDir
    Path data;

    @Test
    void metricsHaveTheGaugesHistogramsAndWaitsAndTheDashboardQueriesOnlyThem() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String quick = status(server.put("quick", "{\"steps\":1,\"stepMillis\":100}"));
            server.awaitTerminal(quick);
            String slow = status(server.put("slow", "{\"steps\":1000,\"stepMillis\":1000}"));
            CompletableFuture<HttpResponse<String>> longPoll = server.client().sendAsync(server.request(URI.create(slow))
                    .header("Prefer", "wait=60").build(), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<InputStream>> events = server.client().sendAsync(server.request(URI.create(slow))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            CompletableFuture<HttpResponse<InputStream>> console = server.client().sendAsync(server.request(server.http(
                            "/console/api/subscriptions/" + TestServer.SUB + "/events"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());

            Map<String, Double>[] scrape = new Map[1];
            Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                scrape[0] = scrape(server);
                assertThat(scrape[0]).containsEntry("asyncops_longpolls_active", 1.0)
                        .containsEntry("asyncops_sse_streams_active{stream=\"operation\"}", 1.0)
                        .containsEntry("asyncops_sse_streams_active{stream=\"console\"}", 1.0)
                        .containsEntry("asyncops_operations{status=\"succeeded\"}", 1.0)
                        .containsEntry("asyncops_operations{status=\"inprogress\"}", 1.0)
                        .containsEntry("asyncops_operations{status=\"failed\"}", 0.0);
            });
            Map<String, Double> m = scrape[0];
            assertThat(m.get("asyncops_operations_oldest_active_age_seconds")).isGreaterThan(0.0);
            assertThat(m).containsEntry("asyncops_lease_takeovers_total", 0.0)
                    .containsEntry("asyncops_operation_retries_total", 0.0);
            String histogram = "asyncops_operation_duration_seconds_bucket{kind=\"Test.Ops/things/write\",status=\"succeeded\",";
            assertThat(m.keySet().stream().filter(k -> k.startsWith(histogram)).count()).as("duration buckets")
                    .isEqualTo(18); // 17 bounds and +Inf
            assertThat(m.get(histogram + "le=\"0.01\"}")).isZero();
            assertThat(m.get(histogram + "le=\"+Inf\"}")).isEqualTo(1.0);
            assertThat(m).containsKey("hikaricp_connections_active{pool=\"asyncops\"}")
                    .containsKey("hikaricp_connections_max{pool=\"asyncops\"}");

            checkDashboard(m.keySet());

            server.send(server.request(URI.create(slow.replace("?", "/cancel?")))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(longPoll.get().statusCode()).isEqualTo(200);
            events.get().body().close();
            console.get().body().close();
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape(server))
                    .containsEntry("asyncops_longpolls_active", 0.0)
                    .containsEntry("asyncops_sse_streams_active{stream=\"operation\"}", 0.0));
        }
    }

    /** The dashboard's structure, and that every metric its queries name is on {@code /metrics}. */
    private static void checkDashboard(Set<String> samples) throws IOException {
        JsonNode dash = Json.mapper().readTree(Files.readString(DASHBOARD));
        assertThat(dash.path("title").asText()).isNotBlank();
        assertThat(dash.path("uid").asText()).matches("[a-zA-Z0-9_-]{1,40}");
        assertThat(dash.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dash.path("__inputs").findValuesAsText("name")).contains("DS_PROMETHEUS");
        JsonNode panels = dash.path("panels");
        assertThat(panels.isArray() && !panels.isEmpty()).isTrue();
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String sample : samples) {
            int brace = sample.indexOf('{');
            names.add(brace < 0 ? sample : sample.substring(0, brace));
        }
        Set<String> queried = new HashSet<>();
        for (JsonNode p : panels) {
            String title = p.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(ids.add(p.path("id").asInt())).as("unique panel id in %s", title).isTrue();
            assertThat(p.path("type").asText()).as(title).isIn("timeseries", "stat", "gauge", "table", "bargauge");
            JsonNode grid = p.path("gridPos");
            for (String f : List.of("x", "y", "w", "h")) {
                assertThat(grid.path(f).isInt()).as("%s gridPos.%s", title, f).isTrue();
            }
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title).isLessThanOrEqualTo(24);
            assertThat(p.path("datasource").path("uid").asText()).as(title).isEqualTo("${DS_PROMETHEUS}");
            JsonNode targets = p.path("targets");
            assertThat(targets.isArray() && !targets.isEmpty()).as(title).isTrue();
            Set<String> refIds = new HashSet<>();
            for (JsonNode t : targets) {
                assertThat(refIds.add(t.path("refId").asText())).as("unique refId in %s", title).isTrue();
                String expr = t.path("expr").asText();
                assertThat(balanced(expr)).as("balanced brackets: %s", expr).isTrue();
                Matcher matcher = METRIC.matcher(expr);
                boolean any = false;
                while (matcher.find()) {
                    any = true;
                    queried.add(matcher.group(1));
                    assertThat(names).as("a metric of %s (%s) on /metrics", title, expr).contains(matcher.group(1));
                }
                assertThat(any).as("%s queries an asyncops metric", expr).isTrue();
            }
        }
        assertThat(queried).contains("asyncops_operations", "asyncops_operation_duration_seconds_bucket",
                "asyncops_operations_oldest_active_age_seconds", "asyncops_lease_takeovers_total",
                "asyncops_operation_retries_total", "asyncops_longpolls_active", "asyncops_sse_streams_active",
                "hikaricp_connections_active");
    }

    private static boolean balanced(String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += switch (c) {
                case '(', '[', '{' -> 1;
                case ')', ']', '}' -> -1;
                default -> 0;
            };
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static Map<String, Double> scrape(TestServer server) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.http("/metrics")));
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    private static String status(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
    }
}
