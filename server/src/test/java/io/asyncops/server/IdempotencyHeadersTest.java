package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.protocol.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idempotency headers (PROTOCOL §4): {@code Repeatability-Request-ID} with {@code Repeatability-First-Sent} as
 * the Azure REST API guidelines have them (a {@code Repeatability-Result} on every answer, {@code rejected} with 400
 * for malformed headers and 412 outside the tracked window), {@code Idempotency-Key} quoted or not, both bounded.
 */
class IdempotencyHeadersTest {
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

    private static HttpResponse<String> start(String name, String... headers) {
        return server.send(server.request(server.http(TestServer.thing(name) + "?api-version=2024-01-01"))
                .headers(headers).PUT(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static String imf(ZonedDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body()).at("/error/code").asText();
    }

    @Test
    void aRepeatableRequestIsAcceptedAndItsRetryIsTheSameOperation() {
        String id = UUID.randomUUID().toString();
        String sent = imf(ZonedDateTime.now().minusMinutes(3));
        HttpResponse<String> first = start("rep-" + id, "Repeatability-Request-ID", id, "Repeatability-First-Sent", sent);
        HttpResponse<String> retry = start("rep-" + id, "Repeatability-Request-ID", id, "Repeatability-First-Sent", sent);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Repeatability-Result")).contains("accepted");
        assertThat(retry.headers().firstValue("Repeatability-Result")).contains("accepted");
        assertThat(retry.headers().firstValue("Azure-AsyncOperation"))
                .isEqualTo(first.headers().firstValue("Azure-AsyncOperation"));
    }

    @Test
    void malformedRepeatabilityHeadersAreRejected() throws Exception {
        String now = imf(ZonedDateTime.now());
        HttpResponse<String> noDate = start("rep-a", "Repeatability-Request-ID", "abc");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(code(noDate)).isEqualTo("MissingRepeatabilityFirstSent");
        assertThat(noDate.headers().firstValue("Repeatability-Result")).contains("rejected");

        HttpResponse<String> badDate = start("rep-b", "Repeatability-Request-ID", "abc",
                "Repeatability-First-Sent", "yesterday");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(code(badDate)).isEqualTo("InvalidRepeatabilityFirstSent");
        assertThat(badDate.headers().firstValue("Repeatability-Result")).contains("rejected");

        HttpResponse<String> longId = start("rep-c", "Repeatability-Request-ID", "r".repeat(201),
                "Repeatability-First-Sent", now);
        assertThat(longId.statusCode()).isEqualTo(400);
        assertThat(code(longId)).isEqualTo("InvalidRepeatabilityRequestId");

        HttpResponse<String> future = start("rep-d", "Repeatability-Request-ID", "abc",
                "Repeatability-First-Sent", imf(ZonedDateTime.now().plusHours(1)));
        assertThat(future.statusCode()).isEqualTo(400);

        HttpResponse<String> dateAlone = start("rep-e", "Repeatability-First-Sent", now);
        assertThat(dateAlone.statusCode()).isEqualTo(400);
        assertThat(code(dateAlone)).isEqualTo("MissingRepeatabilityRequestId");
    }

    @Test
    void aFirstSentTimeOutsideTheTrackedWindowIsAPreconditionFailure() throws Exception {
        HttpResponse<String> old = start("rep-old", "Repeatability-Request-ID", UUID.randomUUID().toString(),
                "Repeatability-First-Sent", imf(ZonedDateTime.now().minusHours(25)));
        assertThat(old.statusCode()).isEqualTo(412);
        assertThat(code(old)).isEqualTo("PreconditionFailed");
        assertThat(old.headers().firstValue("Repeatability-Result")).contains("rejected");
    }

    @Test
    void idempotencyKeysAreQuotedOrNotAndBounded() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> plain = start("key-" + key, "Idempotency-Key", key);
        HttpResponse<String> quoted = start("key-" + key, "Idempotency-Key", "\"" + key + "\"");
        assertThat(plain.statusCode()).isEqualTo(202);
        assertThat(plain.headers().firstValue("Repeatability-Result")).isEmpty();
        assertThat(quoted.headers().firstValue("Azure-AsyncOperation"))
                .isEqualTo(plain.headers().firstValue("Azure-AsyncOperation"));

        HttpResponse<String> tooLong = start("key-long", "Idempotency-Key", "k".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(code(tooLong)).isEqualTo("InvalidIdempotencyKey");
        HttpResponse<String> longest = start("key-longest", "Idempotency-Key", "k".repeat(200));
        assertThat(longest.statusCode()).isEqualTo(202);
        HttpResponse<String> empty = start("key-empty", "Idempotency-Key", "\"\"");
        assertThat(empty.statusCode()).isEqualTo(400);
    }
}
