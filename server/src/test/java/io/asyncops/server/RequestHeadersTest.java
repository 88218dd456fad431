package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PROTOCOL §0: the headers of every response, success or error. */
class RequestHeadersTest {
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
    void everyAnswerHasAFreshRequestIdACorrelationIdAndADate() {
        HttpResponse<String> a = server.get("/subscriptions/" + TestServer.SUB + "/operationStatuses?api-version=2024-01-01");
        HttpResponse<String> b = server.get("/subscriptions/" + TestServer.SUB + "/operationStatuses?api-version=2024-01-01");
        assertThat(a.statusCode()).isEqualTo(200);
        String idA = a.headers().firstValue("x-ms-request-id").orElseThrow();
        String idB = b.headers().firstValue("x-ms-request-id").orElseThrow();
        assertThat(idA).matches("[0-9a-f-]{36}").isNotEqualTo(idB);
        assertThat(a.headers().firstValue("x-ms-correlation-request-id").orElseThrow()).matches("[0-9a-f-]{36}");
        assertThat(a.headers().allValues("Date")).hasSize(1);
        ZonedDateTime.parse(a.headers().firstValue("Date").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(a.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(a.headers().firstValue("x-ms-client-request-id")).isEmpty();
    }

    @Test
    void correlationAndClientRequestIdsAreEchoed() {
        HttpResponse<String> r = server.send(server.request(server.http("/subscriptions/" + TestServer.SUB
                        + "/operationStatuses?api-version=2024-01-01"))
                .header("x-ms-correlation-request-id", "corr-123")
                .header("x-ms-client-request-id", "client-abc"));
        assertThat(r.headers().firstValue("x-ms-correlation-request-id")).contains("corr-123");
        assertThat(r.headers().firstValue("x-ms-client-request-id")).contains("client-abc");
    }

    @Test
    void aClientRequestIdLongerThan128IsABadRequestWithIds() throws Exception {
        HttpResponse<String> ok = server.send(server.request(server.http("/health/live"))
                .header("x-ms-client-request-id", "x".repeat(128)));
        assertThat(ok.statusCode()).isEqualTo(200);
        HttpResponse<String> r = server.send(server.request(server.http("/subscriptions/" + TestServer.SUB
                        + "/operationStatuses?api-version=2024-01-01"))
                .header("x-ms-client-request-id", "x".repeat(129)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).path("code").asText()).isEqualTo("InvalidClientRequestId");
        assertThat(r.headers().firstValue("x-ms-request-id")).isPresent();
        assertThat(r.headers().firstValue("Date")).isPresent();
        assertThat(r.headers().firstValue("x-ms-client-request-id")).isEmpty();
    }

    @Test
    void errorAnswersCarryTheIdsToo() throws Exception {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.http("/subscriptions/x/operationStatuses"))
                .header("x-ms-client-request-id", "mine"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("x-ms-request-id")).isPresent();
        assertThat(r.headers().firstValue("x-ms-client-request-id")).contains("mine");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }

    static JsonNode error(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body()).path("error");
    }
}
