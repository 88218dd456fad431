package io.asyncops.client;

import static io.asyncops.client.ScriptedServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.client.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which URL is polled: the header preference, the original URL, relative and replaced URLs. */
class HeaderRulesTest {
    private final ScriptedServer server = ScriptedServer.start();
    private final LroClient client = Fast.client();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void azureAsyncOperationWinsOverOperationLocationAndLocation() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202,
                        "Azure-AsyncOperation", "/aao", "Operation-Location", "/ol", "Location", "/loc"))
                .on("GET", "/aao", (r, n) -> json(200, n < 2 ? "{\"status\":\"InProgress\"}" : "{\"status\":\"Succeeded\"}"))
                .on("GET", "/loc", (r, n) -> json(200, "{\"answer\":42}"));

        LroResult result = client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(server.requests("GET", "/aao")).hasSize(2);
        assertThat(server.requests("GET", "/ol")).isEmpty();
        assertThat(result.json().get("answer").asInt()).as("POST reads its Location at the end").isEqualTo(42);
        assertThat(result.polls()).isEqualTo(2);
    }

    @Test
    void operationLocationWinsOverLocation() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Operation-Location", "/ol", "Location", "/loc"))
                .on("GET", "/ol", (r, n) -> json(200, "{\"status\":\"Succeeded\"}"))
                .on("GET", "/loc", (r, n) -> json(200, "{\"from\":\"location\"}"));

        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(server.requests("GET", "/ol")).hasSize(1);
    }

    @Test
    void locationAloneIsPolledUntilItStopsAnswering202() {
        server.on("DELETE", "/thing", (r, n) -> Reply.headers(202, "Location", "/loc"))
                .on("GET", "/loc", (r, n) -> n < 3 ? Reply.headers(202, "Location", "/loc") : Reply.of(204));

        LroResult result = client.begin(LroRequest.delete(server.url("/thing"))).waitForCompletion();

        assertThat(result.httpStatus()).isEqualTo(204);
        assertThat(server.requests("GET", "/loc")).hasSize(3);
    }

    @Test
    void aPutAnswered201WithANonTerminalStatePollsTheOriginalUrl() {
        server.on("PUT", "/servers/s1", (r, n) -> json(201, "{\"properties\":{\"provisioningState\":\"Creating\"}}"))
                .on("GET", "/servers/s1", (r, n) -> json(200, n < 2
                        ? "{\"properties\":{\"provisioningState\":\"Creating\"}}"
                        : "{\"name\":\"s1\",\"properties\":{\"provisioningState\":\"Succeeded\"}}"));

        LroResult result = client.begin(LroRequest.put(server.url("/servers/s1"), "{}")).waitForCompletion();

        assertThat(result.json().get("name").asText()).isEqualTo("s1");
        assertThat(server.requests("GET", "/servers/s1")).hasSize(2);
    }

    @Test
    void a204IsDoneAtOnce() {
        server.on("DELETE", "/thing", (r, n) -> Reply.of(204));

        SyncPoller poller = client.begin(LroRequest.delete(server.url("/thing")));

        assertThat(poller.isDone()).isTrue();
        assertThat(poller.latest().status()).isEqualTo("Succeeded");
        assertThat(poller.waitForCompletion().httpStatus()).isEqualTo(204);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aTerminalStateInTheFirstAnswerIsDoneAtOnceWhateverTheHeadersSay() {
        server.on("PATCH", "/thing", (r, n) -> json(200, "{\"properties\":{\"provisioningState\":\"Succeeded\"}}",
                "Azure-AsyncOperation", "/never"));

        SyncPoller poller = client.begin(LroRequest.patch(server.url("/thing"), "{}"));

        assertThat(poller.isDone()).isTrue();
        poller.waitForCompletion();
        assertThat(server.requests("GET", "/never")).isEmpty();
    }

    @Test
    void aFailedStateInTheFirstAnswerFailsAtOnce() {
        server.on("PUT", "/thing", (r, n) -> json(200, "{\"properties\":{\"provisioningState\":\"Failed\"},"
                + "\"error\":{\"code\":\"QuotaExceeded\",\"message\":\"No more.\"}}"));

        assertThatThrownBy(() -> client.begin(LroRequest.put(server.url("/thing"), "{}")))
                .isInstanceOfSatisfying(OperationFailedException.class,
                        e -> assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("QuotaExceeded")));
    }

    @Test
    void relativeUrlsAreResolvedAgainstTheRequest() {
        server.on("PUT", "/a/b/thing", (r, n) -> Reply.headers(201, "Azure-AsyncOperation", "../status/1?x=1"))
                .on("GET", "/a/status/1", (r, n) -> json(200, "{\"status\":\"Succeeded\"}"))
                .on("GET", "/a/b/thing", (r, n) -> json(200, "{\"ok\":true}"));

        client.begin(LroRequest.put(server.url("/a/b/thing"), "{}")).waitForCompletion();

        assertThat(server.requests("GET", "/a/status/1")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("x=1"));
    }

    @Test
    void aNewLocationOnAPollReplacesThePollingUrl() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Location", "/first"))
                .on("GET", "/first", (r, n) -> Reply.headers(202, "Location", "/second"))
                .on("GET", "/second", (r, n) -> json(200, "{\"at\":\"second\"}"));

        LroResult result = client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(result.json().get("at").asText()).isEqualTo("second");
        assertThat(server.requests("GET", "/first")).hasSize(1);
    }

    @Test
    void aNewAzureAsyncOperationOnAPollReplacesTheStatusUrl() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/s1"))
                .on("GET", "/s1", (r, n) -> json(200, "{\"status\":\"InProgress\"}", "Azure-AsyncOperation", "/s2"))
                .on("GET", "/s2", (r, n) -> json(200, "{\"status\":\"Succeeded\"}"));

        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(server.requests("GET", "/s1")).hasSize(1);
        assertThat(server.requests("GET", "/s2")).hasSize(1);
    }

    @Test
    void aHeaderThatIsNotAUrlIsIgnoredAndTheNextOneUsed() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "ht tp://bad url", "Location", "/loc"))
                .on("GET", "/loc", (r, n) -> json(200, "{\"done\":true}"));

        assertThat(client.begin(LroRequest.post(server.url("/start"))).waitForCompletion().json().get("done").asBoolean())
                .isTrue();
    }

    @Test
    void unknownStatusStringsMeanStillRunning() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/s"))
                .on("GET", "/s", (r, n) -> json(200, switch (n) {
                    case 1 -> "{\"status\":\"Provisioning\"}";
                    case 2 -> "{\"status\":\"SomethingNew\"}";
                    case 3 -> "{\"status\":\"accepted\"}";
                    default -> "{\"status\":\"SUCCEEDED\"}";
                }));

        LroResult result = client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(result.polls()).isEqualTo(4);
    }

    @Test
    void failedAndCanceledCarryTheArmError() {
        String failure = "{\"status\":\"Failed\",\"error\":{\"code\":\"Conflict\",\"message\":\"Name taken.\","
                + "\"target\":\"name\",\"details\":[{\"code\":\"Inner\",\"message\":\"why\"}]}}";
        server.on("PUT", "/a", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/sa"))
                .on("GET", "/sa", (r, n) -> json(200, failure))
                .on("PUT", "/b", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/sb"))
                .on("GET", "/sb", (r, n) -> json(200, "{\"status\":\"Canceled\",\"error\":{\"code\":\"OperationCanceled\","
                        + "\"message\":\"Canceled by the user.\"}}"));

        assertThatThrownBy(() -> client.begin(LroRequest.put(server.url("/a"), "{}")).waitForCompletion())
                .isInstanceOfSatisfying(OperationFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo("Failed");
                    assertThat(e.error()).hasValueSatisfying(err -> {
                        assertThat(err.code()).isEqualTo("Conflict");
                        assertThat(err.message()).isEqualTo("Name taken.");
                        assertThat(err.target()).isEqualTo("name");
                        assertThat(err.details()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("Inner"));
                    });
                    assertThat(e.body()).isEqualTo(failure);
                    assertThat(e.url().getPath()).isEqualTo("/sa");
                });
        assertThatThrownBy(() -> client.begin(LroRequest.put(server.url("/b"), "{}")).waitForCompletion())
                .isInstanceOfSatisfying(OperationCanceledException.class,
                        e -> assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("OperationCanceled")))
                .hasMessageContaining("Canceled by the user.");
    }

    @Test
    void aRefusedStartRequestIsAnHttpErrorWithTheArmError() {
        server.on("PUT", "/a", (r, n) -> json(409, "{\"error\":{\"code\":\"Conflict\",\"message\":\"Busy.\"}}"));

        assertThatThrownBy(() -> client.begin(LroRequest.put(server.url("/a"), "{}")))
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.method()).isEqualTo("PUT");
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("Conflict"));
                });
    }
}
