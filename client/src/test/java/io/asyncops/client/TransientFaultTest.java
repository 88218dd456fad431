package io.asyncops.client;

import static io.asyncops.client.ScriptedServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.client.ScriptedServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** I/O errors, 5xx and 429 are retried with backoff; one bad poll does not abandon the operation. */
class TransientFaultTest {
    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pollsSurviveDroppedConnections503sAnd429s() {
        server.on("PUT", "/thing", (r, n) -> n == 1 ? Reply.of(500) : Reply.headers(202, "Azure-AsyncOperation", "/s"))
                .on("GET", "/s", (r, n) -> switch (n) {
                    case 1 -> Reply.dropConnection();
                    case 2 -> json(503, "{\"error\":{\"code\":\"ServerBusy\",\"message\":\"later\"}}");
                    case 3 -> Reply.headers(429, "Retry-After", "0");
                    case 4 -> json(200, "{\"status\":\"InProgress\"}");
                    default -> json(200, "{\"status\":\"Succeeded\"}");
                })
                .on("GET", "/thing", (r, n) -> json(200, "{\"id\":\"thing\"}"));

        LroResult result = Fast.client().begin(LroRequest.put(server.url("/thing"), "{}")).waitForCompletion();

        assertThat(result.json().get("id").asText()).isEqualTo("thing");
        assertThat(server.requests("PUT", "/thing")).as("the start request was retried after its 500").hasSize(2);
        assertThat(server.requests("GET", "/s")).hasSize(5);
        assertThat(result.polls()).as("retries are not polls").isEqualTo(2);
    }

    @Test
    void a429WaitsForItsRetryAfter() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Location", "/loc"))
                .on("GET", "/loc", (r, n) -> n == 1 ? Reply.headers(429, "retry-after-ms", "300") : json(200, "{}"));

        Fast.client().begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        var polls = server.requests("GET", "/loc");
        assertThat(Duration.ofNanos(polls.get(1).nanos() - polls.get(0).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void aRetriedStartCarriesTheSameRepeatabilityHeadersAndWaitsForA429sRetryAfter() {
        server.on("PUT", "/thing", (r, n) -> switch (n) {
                    case 1 -> Reply.of(503);
                    case 2 -> Reply.headers(429, "Retry-After", "1");
                    default -> Reply.headers(202, "Azure-AsyncOperation", "/s");
                })
                .on("GET", "/s", (r, n) -> json(200, "{\"status\":\"Succeeded\"}"))
                .on("GET", "/thing", (r, n) -> json(200, "{\"id\":\"thing\"}"));

        Fast.client().begin(LroRequest.put(server.url("/thing"), "{}").withHeader("x-ms-client-request-id", "corr"))
                .waitForCompletion();

        var starts = server.requests("PUT", "/thing");
        assertThat(starts).hasSize(3);
        String id = starts.get(0).header("Repeatability-Request-ID");
        assertThat(id).isNotBlank();
        assertThat(starts).allSatisfy(s -> {
            assertThat(s.header("Repeatability-Request-ID")).isEqualTo(id);
            assertThat(s.header("Repeatability-First-Sent")).isEqualTo(starts.get(0).header("Repeatability-First-Sent"));
            assertThat(s.header("x-ms-client-request-id")).isEqualTo("corr");
        });
        assertThat(java.time.ZonedDateTime.parse(starts.get(0).header("Repeatability-First-Sent"),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)).isNotNull();
        assertThat(Duration.ofNanos(starts.get(2).nanos() - starts.get(1).nanos()))
                .as("the 429's Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(server.requests("GET", "/s").get(0).header("Repeatability-Request-ID")).as("polls carry none")
                .isNull();
    }

    @Test
    void startsKeepTheirOwnKeyOrNoneWhenAskedTo() {
        server.on("PUT", "/a", (r, n) -> json(200, "{}")).on("PUT", "/b", (r, n) -> json(200, "{}"));
        Fast.client().begin(LroRequest.put(server.url("/a"), "{}").withHeader("Idempotency-Key", "mine")).waitForCompletion();
        LroClient.create(Fast.options().repeatableStarts(false).build())
                .begin(LroRequest.put(server.url("/b"), "{}")).waitForCompletion();
        assertThat(server.requests("PUT", "/a").get(0).header("Repeatability-Request-ID")).isNull();
        assertThat(server.requests("PUT", "/a").get(0).header("Idempotency-Key")).isEqualTo("mine");
        assertThat(server.requests("PUT", "/b").get(0).header("Repeatability-Request-ID")).isNull();
    }

    @Test
    void aPersistent500EndsAsAnHttpErrorAfterTheRetries() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Location", "/loc"))
                .on("GET", "/loc", (r, n) -> json(500, "{\"error\":{\"code\":\"InternalError\",\"message\":\"boom\"}}"));
        LroClient client = LroClient.create(Fast.options().maxRetries(2).build());

        assertThatThrownBy(() -> client.begin(LroRequest.post(server.url("/start"))).waitForCompletion())
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("InternalError"));
                });
        assertThat(server.requests("GET", "/loc")).hasSize(3);
    }

    @Test
    void a4xxIsNotRetried() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Location", "/loc"))
                .on("GET", "/loc", (r, n) -> json(404, "{\"error\":{\"code\":\"OperationNotFound\",\"message\":\"gone\"}}"));

        assertThatThrownBy(() -> Fast.client().begin(LroRequest.post(server.url("/start"))).waitForCompletion())
                .isInstanceOfSatisfying(HttpErrorException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
        assertThat(server.requests("GET", "/loc")).hasSize(1);
    }

    @Test
    void anUnreachableServerIsATransportErrorAfterTheRetries() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        LroClient client = LroClient.create(Fast.options().maxRetries(2).build());

        assertThatThrownBy(() -> client.begin(LroRequest.post(URI.create("http://localhost:" + closedPort + "/x"))))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("after 3 attempts");
    }

    @Test
    void backoffGrowsAndIsCapped() {
        Backoff b = Backoff.exponential(Duration.ofMillis(100), 2.0, Duration.ofMillis(500));
        assertThat(b.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(b.delay(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(b.delay(60)).isEqualTo(Duration.ofMillis(500));
        for (int i = 0; i < 50; i++) {
            assertThat(b.withJitter(0.5).delay(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
        }
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1)))
                .hasMessageContaining("must not be below initial");
        assertThatThrownBy(() -> Backoff.fixed(Duration.ofMillis(1)).withJitter(1.5)).hasMessageContaining("1.5");
    }
}
