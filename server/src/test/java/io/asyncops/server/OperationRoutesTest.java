package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import io.asyncops.server.testing.TestOpsPlane;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PROTOCOL §2 (start, status monitor, result) and §4 (long poll, SSE, cancel, list) over real HTTP. */
class OperationRoutesTest {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStartAnswers202WithAbsoluteUrlsAndTheMonitorRunsToSucceeded() throws Exception {
        HttpResponse<String> started = server.put("ok-" + UUID.randomUUID(), "{\"location\":\"eastus\",\"steps\":4,"
                + "\"stepMillis\":3000}");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.body()).isEmpty();
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String result = started.headers().firstValue("Location").orElseThrow();
        String base = server.server().httpUri().toString();
        assertThat(status).matches(base + "/subscriptions/" + TestServer.SUB
                + "/providers/Test.Ops/locations/eastus/operationStatuses/[0-9a-f-]{36}\\?api-version=2024-01-01");
        assertThat(result).isEqualTo(status.replace("/operationStatuses/", "/operationResults/"));
        assertThat(Integer.parseInt(started.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);

        HttpResponse<String> running = server.send(server.request(URI.create(status)));
        assertThat(running.statusCode()).isEqualTo(200);
        JsonNode monitor = Json.mapper().readTree(running.body());
        assertThat(monitor.path("status").asText()).isEqualTo("InProgress");
        assertThat(monitor.path("id").asText()).isEqualTo(URI.create(status).getPath());
        assertThat(monitor.path("name").asText()).isEqualTo(status.replaceAll(".*/operationStatuses/([^?]+).*", "$1"));
        assertThat(monitor.has("startTime")).isTrue();
        assertThat(monitor.has("endTime")).isFalse();
        assertThat(monitor.has("properties")).isFalse();
        assertThat(monitor.path("percentComplete").isNumber()).isTrue();
        assertThat(running.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> pending = server.send(server.request(URI.create(result)));
        assertThat(pending.statusCode()).isEqualTo(202);
        assertThat(pending.headers().firstValue("Location")).contains(result);
        assertThat(pending.headers().firstValue("Retry-After")).isPresent();

        JsonNode done = awaitTerminal(status);
        assertThat(done.path("status").asText()).isEqualTo("Succeeded");
        assertThat(done.has("endTime")).isTrue();
        assertThat(done.has("error")).isFalse();
        assertThat(done.path("percentComplete").asDouble()).isEqualTo(100.0);
        assertThat(done.path("properties").path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");
        HttpResponse<String> terminal = server.send(server.request(URI.create(status)));
        assertThat(terminal.headers().firstValue("Retry-After")).as("no Retry-After once terminal").isEmpty();

        HttpResponse<String> finalResult = server.send(server.request(URI.create(result)));
        assertThat(finalResult.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(finalResult.body()).path("type").asText()).isEqualTo("Test.Ops/things");
    }

    @Test
    void aDeleteResultIs204() {
        String name = "del-" + UUID.randomUUID();
        HttpResponse<String> started = server.send(server.request(server.http(TestServer.thing(name)
                + "?api-version=" + TestOpsPlane.API_VERSION)).DELETE());
        assertThat(started.statusCode()).isEqualTo(202);
        awaitTerminal(started.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        HttpResponse<String> result = server.send(server.request(URI.create(
                started.headers().firstValue("Location").orElseThrow())));
        assertThat(result.statusCode()).isEqualTo(204);
        assertThat(result.body()).isEmpty();
    }

    @Test
    void aFailedOperationShowsItsErrorOnTheMonitorAndTheResult() throws Exception {
        HttpResponse<String> started = server.put("bad-" + UUID.randomUUID(), "{\"fail\":\"QuotaExceeded\"}");
        JsonNode done = awaitTerminal(started.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        assertThat(done.path("status").asText()).isEqualTo("Failed");
        assertThat(done.path("error").path("code").asText()).isEqualTo("QuotaExceeded");
        assertThat(done.path("error").path("message").asText()).contains("QuotaExceeded");
        assertThat(done.has("properties")).isFalse();
        HttpResponse<String> result = server.send(server.request(URI.create(
                started.headers().firstValue("Location").orElseThrow())));
        assertThat(result.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(result.body()).path("error").path("code").asText()).isEqualTo("QuotaExceeded");
    }

    @Test
    void unknownMalformedAndForeignOperationsAre404() throws Exception {
        String base = "/subscriptions/" + TestServer.SUB + "/providers/Test.Ops/locations/westus/operationStatuses/";
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "%20")) {
            HttpResponse<String> r = server.get(base + id + "?api-version=2024-01-01");
            assertThat(r.statusCode()).as(id).isEqualTo(404);
            assertThat(code(r)).isEqualTo("OperationNotFound");
        }
        HttpResponse<String> started = server.put("mine-" + UUID.randomUUID(), "{}");
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        HttpResponse<String> other = server.send(HttpRequest.newBuilder(URI.create(status))
                .header("Authorization", "Bearer " + server.token(List.of(TestServer.OTHER_SUB))));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(code(other)).isEqualTo("OperationNotFound");
        String viaOtherSub = status.replace(TestServer.SUB, TestServer.OTHER_SUB);
        HttpResponse<String> both = server.send(HttpRequest.newBuilder(URI.create(viaOtherSub))
                .header("Authorization", "Bearer " + server.token(List.of(TestServer.SUB, TestServer.OTHER_SUB))));
        assertThat(both.statusCode()).as("an operation is only found under its own subscription").isEqualTo(404);
        HttpResponse<String> otherNamespace = server.send(server.request(URI.create(
                status.replace("/Test.Ops/", "/Microsoft.Sql/"))));
        assertThat(otherNamespace.statusCode()).isEqualTo(404);
    }

    @Test
    void apiVersionIsRequiredAndMustBeWellFormed() throws Exception {
        String path = "/subscriptions/" + TestServer.SUB + "/providers/Test.Ops/locations/westus/operationStatuses/"
                + UUID.randomUUID();
        assertThat(code(server.get(path))).isEqualTo("MissingApiVersionParameter");
        assertThat(code(server.get(path + "?api-version=yesterday"))).isEqualTo("InvalidApiVersionParameter");
        assertThat(server.get(path + "?api-version=").statusCode()).isEqualTo(400);
        HttpResponse<String> put = server.send(server.request(server.http(TestServer.thing("v") + "?api-version=1999-01-01"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(code(put)).isEqualTo("InvalidApiVersionParameter");
    }

    @Test
    void fixedPathSegmentsAreCaseInsensitive() throws Exception {
        HttpResponse<String> started = server.send(server.request(server.http(("/SUBSCRIPTIONS/" + TestServer.SUB
                        + "/RESOURCEGROUPS/rg1/PROVIDERS/test.ops/THINGS/CaseName?api-version=" + TestOpsPlane.API_VERSION)))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(started.statusCode()).isEqualTo(202);
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String shouted = status.replace("/providers/Test.Ops/locations/", "/Providers/TEST.OPS/Locations/")
                .replace("operationStatuses", "OPERATIONSTATUSES");
        JsonNode done = awaitTerminal(shouted);
        assertThat(done.path("properties").path("name").asText()).as("names keep their case").isEqualTo("CaseName");
        assertThat(done.path("properties").path("id").asText()).contains("/resourceGroups/rg1/providers/Test.Ops/things/");
    }

    @Test
    void aSecondWriteWhileOneRunsIs409() throws Exception {
        String name = "busy-" + UUID.randomUUID();
        HttpResponse<String> first = server.put(name, "{\"steps\":50,\"stepMillis\":1000}");
        assertThat(first.statusCode()).isEqualTo(202);
        HttpResponse<String> second = server.put(name, "{}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(code(second)).isEqualTo("AnotherOperationInProgress");
        cancel(first.headers().firstValue("Azure-AsyncOperation").orElseThrow());
    }

    @Test
    void longPollAnswersWhenTheOperationEnds() throws Exception {
        HttpResponse<String> started = server.put("lp-" + UUID.randomUUID(), "{\"steps\":3,\"stepMillis\":5000}");
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        long t0 = System.nanoTime();
        HttpResponse<String> r = server.send(server.request(URI.create(status)).header("Prefer", "wait=30"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Preference-Applied")).contains("wait=30");
        assertThat(Json.mapper().readTree(r.body()).path("status").asText()).isEqualTo("Succeeded");
        assertThat(ms).as("answered at the end (~1.5 s), not after the full wait").isLessThan(20_000);

        HttpResponse<String> result = server.send(server.request(URI.create(
                started.headers().firstValue("Location").orElseThrow())).header("Prefer", "wait=5"));
        assertThat(result.statusCode()).isEqualTo(200);
    }

    @Test
    void longPollGivesUpAfterTheWaitAndCapsAt60() throws Exception {
        HttpResponse<String> started = server.put("lp2-" + UUID.randomUUID(), "{\"steps\":100,\"stepMillis\":1000}");
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        long t0 = System.nanoTime();
        HttpResponse<String> r = server.send(server.request(URI.create(status)).header("Prefer", "wait=1"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(Json.mapper().readTree(r.body()).path("status").asText()).isEqualTo("InProgress");
        assertThat(ms).isGreaterThanOrEqualTo(900);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> result = server.send(server.request(URI.create(
                started.headers().firstValue("Location").orElseThrow())).header("Prefer", "wait=1"));
        assertThat(result.statusCode()).isEqualTo(202);
        assertThat(result.headers().firstValue("Preference-Applied")).contains("wait=1");
        cancel(status);
        HttpResponse<String> capped = server.send(server.request(URI.create(status)).header("Prefer", "wait=3600"));
        assertThat(capped.headers().firstValue("Preference-Applied")).contains("wait=60");
    }

    @Test
    void serverSentEventsStreamEachChangeUntilTerminal() throws Exception {
        HttpResponse<String> started = server.put("sse-" + UUID.randomUUID(), "{\"steps\":4,\"stepMillis\":2000}");
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        HttpResponse<String> stream = server.send(server.request(URI.create(status)).header("Accept", "text/event-stream"));
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<JsonNode> events = stream.body().lines().filter(l -> l.startsWith("data:"))
                .map(l -> {
                    try {
                        return Json.mapper().readTree(l.substring(5).trim());
                    } catch (Exception e) {
                        throw new AssertionError(l, e);
                    }
                }).toList();
        assertThat(events.size()).isGreaterThanOrEqualTo(2);
        assertThat(events.get(events.size() - 1).path("status").asText()).isEqualTo("Succeeded");
        assertThat(events.subList(0, events.size() - 1)).allMatch(e -> e.path("status").asText().equals("InProgress"));
        assertThat(stream.body()).contains("event:status");
    }

    @Test
    void cancelEndsTheOperationCanceledAndIsIdempotent() throws Exception {
        HttpResponse<String> started = server.put("cx-" + UUID.randomUUID(), "{\"steps\":100,\"stepMillis\":1000}");
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        HttpResponse<String> first = cancel(status);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(first.body()).path("id").asText()).isEqualTo(URI.create(status).getPath());
        JsonNode done = awaitTerminal(status);
        assertThat(done.path("status").asText()).isEqualTo("Canceled");
        assertThat(done.path("error").path("code").asText()).isEqualTo("OperationCanceled");
        HttpResponse<String> again = cancel(status);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(again.body()).path("status").asText()).isEqualTo("Canceled");
        HttpResponse<String> result = server.send(server.request(URI.create(
                started.headers().firstValue("Location").orElseThrow())));
        assertThat(result.statusCode()).isEqualTo(409);
        HttpResponse<String> foreign = server.send(HttpRequest.newBuilder(URI.create(cancelUrl(status)))
                .header("Authorization", "Bearer " + server.token(List.of(TestServer.OTHER_SUB)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void listPagesThroughTheSubscriptionsOperations() throws Exception {
        String sub = "list-" + UUID.randomUUID();
        String token = server.token(List.of(sub));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.http("/subscriptions/" + sub
                            + "/resourceGroups/rg/providers/Test.Ops/things/t" + i + "?api-version=2024-01-01"))
                    .header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofString(i == 0 ? "{}" : "{\"steps\":100,\"stepMillis\":1000}")));
            assertThat(r.statusCode()).isEqualTo(202);
            if (i == 0) {
                awaitTerminal(r.headers().firstValue("Azure-AsyncOperation").orElseThrow(), token);
            }
        }
        String url = "/subscriptions/" + sub + "/operationStatuses?api-version=2024-01-01&$top=1"
                + "&$filter=status%20eq%20'InProgress'";
        HttpResponse<String> page1 = server.send(HttpRequest.newBuilder(server.http(url))
                .header("Authorization", "Bearer " + token));
        assertThat(page1.statusCode()).isEqualTo(200);
        JsonNode body1 = Json.mapper().readTree(page1.body());
        assertThat(body1.path("value")).hasSize(1);
        assertThat(body1.path("value").get(0).path("status").asText()).isEqualTo("InProgress");
        assertThat(body1.path("value").get(0).path("id").asText()).contains("/providers/Test.Ops/locations/westus/");
        String next = body1.path("nextLink").asText();
        assertThat(next).startsWith(server.server().httpUri().toString());
        JsonNode body2 = Json.mapper().readTree(server.send(HttpRequest.newBuilder(URI.create(next))
                .header("Authorization", "Bearer " + token)).body());
        assertThat(body2.path("value")).hasSize(1);
        assertThat(body2.path("value").get(0).path("name").asText())
                .isNotEqualTo(body1.path("value").get(0).path("name").asText());
        assertThat(body2.path("nextLink").isMissingNode() || body2.path("nextLink").isNull()).isTrue();

        JsonNode all = Json.mapper().readTree(server.send(HttpRequest.newBuilder(server.http("/subscriptions/" + sub
                + "/operationStatuses?api-version=2024-01-01")).header("Authorization", "Bearer " + token)).body());
        assertThat(all.path("value")).hasSize(3);
        HttpResponse<String> hidden = server.get("/subscriptions/" + sub + "/operationStatuses?api-version=2024-01-01");
        assertThat(hidden.statusCode()).isEqualTo(404);
        HttpResponse<String> badFilter = server.send(HttpRequest.newBuilder(server.http("/subscriptions/" + sub
                        + "/operationStatuses?api-version=2024-01-01&$filter=drop%20table"))
                .header("Authorization", "Bearer " + token));
        assertThat(badFilter.statusCode()).isEqualTo(400);
        for (JsonNode op : all.path("value")) {
            if (op.path("status").asText().equals("InProgress")) {
                cancel(server.server().httpUri() + op.path("id").asText() + "?api-version=2024-01-01", token);
            }
        }
    }

    @Test
    void aRetriedStartWithTheSameKeyReturnsTheSameOperation() throws Exception {
        String firstSent = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        for (String header : List.of("Idempotency-Key", "Repeatability-Request-ID")) {
            String key = UUID.randomUUID().toString();
            String name = "idem-" + UUID.randomUUID();
            java.util.function.Function<String, HttpResponse<String>> put = body -> server.send(server.request(
                    server.http(TestServer.thing(name) + "?api-version=2024-01-01")).header(header, key)
                    .header("Repeatability-First-Sent", firstSent).PUT(HttpRequest.BodyPublishers.ofString(body)));
            if (header.equals("Idempotency-Key")) {
                put = body -> server.send(server.request(server.http(TestServer.thing(name)
                        + "?api-version=2024-01-01")).header(header, key).PUT(HttpRequest.BodyPublishers.ofString(body)));
            }
            HttpResponse<String> first = put.apply("{}");
            HttpResponse<String> retry = put.apply("{}");
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(retry.statusCode()).as(header).isEqualTo(202);
            assertThat(retry.headers().firstValue("Azure-AsyncOperation"))
                    .isEqualTo(first.headers().firstValue("Azure-AsyncOperation"));
            HttpResponse<String> other = put.apply("{\"location\":\"northeurope\"}");
            assertThat(other.statusCode()).isEqualTo(409);
            assertThat(code(other)).isEqualTo("IdempotencyKeyReused");
        }
    }

    @Test
    void theClientRequestIdIsACorrelationIdNeverAKey() throws Exception {
        String fixed = "one-id-for-everything";
        String name = "corr-" + UUID.randomUUID();
        HttpResponse<String> first = server.send(server.request(server.http(TestServer.thing(name)
                + "?api-version=2024-01-01")).header("x-ms-client-request-id", fixed)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> other = server.send(server.request(server.http(TestServer.thing(name + "-2")
                + "?api-version=2024-01-01")).header("x-ms-client-request-id", fixed)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"northeurope\"}")));
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
        assertThat(other.headers().firstValue("Azure-AsyncOperation"))
                .isNotEqualTo(first.headers().firstValue("Azure-AsyncOperation"));
        assertThat(other.headers().firstValue("x-ms-client-request-id")).contains(fixed);
    }

    @Test
    void wrongMethodsAre405AndUnknownRoutes404() throws Exception {
        String status = "/subscriptions/" + TestServer.SUB + "/providers/Test.Ops/locations/westus/operationStatuses/"
                + UUID.randomUUID() + "?api-version=2024-01-01";
        HttpResponse<String> del = server.send(server.request(server.http(status)).DELETE());
        assertThat(del.statusCode()).isEqualTo(405);
        assertThat(code(del)).isEqualTo("MethodNotAllowed");
        assertThat(del.headers().firstValue("Allow")).contains("GET");
        HttpResponse<String> unknown = server.get("/subscriptions/" + TestServer.SUB + "/nothing/here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("NotFound");
    }

    static String cancelUrl(String status) {
        return OperationRoutesTestSupport.cancelUrl(status);
    }

    static HttpResponse<String> cancel(String status) {
        return cancel(status, server.token());
    }

    static HttpResponse<String> cancel(String status, String token) {
        return server.send(HttpRequest.newBuilder(URI.create(cancelUrl(status)))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static JsonNode awaitTerminal(String status) {
        return server.awaitTerminal(status);
    }

    static JsonNode awaitTerminal(String status, String token) {
        return server.awaitTerminal(status, token);
    }

    static String code(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body()).path("error").path("code").asText();
    }
}
