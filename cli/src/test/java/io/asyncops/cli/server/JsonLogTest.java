package io.asyncops.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.testing.TestOpsPlane;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asyncops serve --log-format json} in its own process: every line on stderr is one JSON object; a
 * request's lines carry its request, correlation and client request ids; an operation's submit, start and end are
 * logged with their facts as fields, and its correlation id is kept for the console. A sample goes to
 * {@code target/json-log-sample.jsonl}.
 */
class JsonLogTest {
    static final String SUB = "11111111-2222-3333-4444-555555555555";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyLineIsJsonWithTheRequestIdsAndTheLifecycleFacts(@TempDir Path data) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.asyncops.cli.AsyncOps", "serve", "--port", "0",
                "--data-dir", data.toString(), "--time-scale", "0.1", "--node-id", "json-node",
                "--log-format", "json");
        Process p = new ProcessBuilder(command).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        try {
            String base = baseUrl(p, lines);
            await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(URI.create(base
                    + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            String token = TokenMinter.forDataDir(data).mint("it", List.of(SUB), Duration.ofHours(1));
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/subscriptions/" + SUB
                            + "/resourceGroups/rg/providers/Test.Ops/things/logged?api-version=" + TestOpsPlane.API_VERSION))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("x-ms-client-request-id", "client-42").header("x-ms-correlation-request-id", "corr-42")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"steps\":2,\"stepMillis\":200}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
            String requestId = accepted.headers().firstValue("x-ms-request-id").orElseThrow();
            URI status = URI.create(accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow());
            String operationId = status.getPath().substring(status.getPath().lastIndexOf('/') + 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> Json.mapper().readTree(http.send(HttpRequest
                    .newBuilder(status).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("status").asText().equals("Succeeded"));
            JsonNode detail = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base
                            + "/console/api/subscriptions/" + SUB + "/operations/" + operationId))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(detail.path("correlationId").asText()).isEqualTo("corr-42");
            assertThat(detail.path("requestId").asText()).isEqualTo(requestId);

            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.contains("operation ended")));
            p.destroy(); // SIGTERM: the shutdown hook drains the log queue
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);

            List<JsonNode> events = new ArrayList<>();
            for (String line : lines) {
                JsonNode node = Json.mapper().readTree(line);
                assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
                assertThat(node.has("@timestamp") && node.has("level") && node.has("message")).as(line).isTrue();
                events.add(node);
            }
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "json-log-sample.jsonl"), lines);

            JsonNode put = find(events, "io.asyncops.access", "method=PUT");
            assertThat(put.path("x-ms-request-id").asText()).isEqualTo(requestId);
            assertThat(put.path("x-ms-correlation-request-id").asText()).isEqualTo("corr-42");
            assertThat(put.path("x-ms-client-request-id").asText()).isEqualTo("client-42");

            JsonNode submitted = find(events, "io.asyncops.lifecycle", "operation submitted");
            assertThat(submitted.path("operationId").asText()).isEqualTo(operationId);
            assertThat(submitted.path("kind").asText()).isEqualTo(TestOpsPlane.WRITE);
            assertThat(submitted.path("resourceId").asText()).endsWith("/providers/Test.Ops/things/logged");
            assertThat(submitted.path("x-ms-request-id").asText()).isEqualTo(requestId);
            assertThat(submitted.path("x-ms-correlation-request-id").asText()).isEqualTo("corr-42");
            assertThat(submitted.path("x-ms-client-request-id").asText()).isEqualTo("client-42");

            JsonNode started = find(events, "io.asyncops.lifecycle", "operation started");
            assertThat(started.path("operationId").asText()).isEqualTo(operationId);
            assertThat(started.path("node").asText()).isEqualTo("json-node");
            assertThat(started.path("attempt").asInt()).isEqualTo(1);
            assertThat(started.path("x-ms-request-id").asText()).as("the starting request's id").isEqualTo(requestId);

            JsonNode ended = find(events, "io.asyncops.lifecycle", "operation ended");
            assertThat(ended.path("status").asText()).isEqualTo("Succeeded");
            assertThat(ended.path("durationMs").asLong()).isBetween(1L, 60_000L);
            assertThat(ended.path("x-ms-request-id").asText()).isEqualTo(requestId);
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode find(List<JsonNode> events, String logger, String message) {
        return events.stream()
                .filter(e -> e.path("logger_name").asText().equals(logger) && e.path("message").asText().contains(message))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + logger + " line with '" + message + "' in " + events));
    }

    private static String baseUrl(Process p, List<String> stderr) {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("  http:  ")) {
                        Thread.ofVirtual().start(() -> {
                            try {
                                out.transferTo(java.io.Writer.nullWriter());
                            } catch (IOException ignored) {
                                // the process ended
                            }
                        });
                        return line.substring(9).trim();
                    }
                }
                throw new IllegalStateException("serve exited before printing its URL: " + String.join("\n", stderr));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).orTimeout(120, TimeUnit.SECONDS).join();
    }
}
