package io.asyncops.client;

import static io.asyncops.client.ScriptedServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.client.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the result is read: final-state-via and Azure's defaults per method. */
class FinalStateTest {
    private final ScriptedServer server = ScriptedServer.start();
    private final LroClient client = Fast.client();

    @BeforeEach
    void script() {
        for (String method : new String[] {"PUT", "PATCH", "POST", "DELETE"}) {
            server.on(method, "/res", (r, n) -> Reply.headers(202,
                    "Azure-AsyncOperation", "/status", "Location", "/result"));
        }
        server.on("GET", "/status", (r, n) -> json(200,
                        "{\"status\":\"Succeeded\",\"resourceLocation\":\"/elsewhere\",\"from\":\"status\"}"))
                .on("GET", "/result", (r, n) -> json(200, "{\"from\":\"location\"}"))
                .on("GET", "/res", (r, n) -> json(200, "{\"from\":\"original\"}"))
                .on("GET", "/elsewhere", (r, n) -> json(200, "{\"from\":\"resourceLocation\"}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String from(LroRequest request) {
        LroResult result = client.begin(request).waitForCompletion();
        return result.hasBody() ? result.json().get("from").asText() : "";
    }

    @Test
    void putAndPatchReadTheOriginalUrlByDefault() {
        assertThat(from(LroRequest.put(server.url("/res"), "{}"))).isEqualTo("original");
        assertThat(from(LroRequest.patch(server.url("/res"), "{}"))).isEqualTo("original");
    }

    @Test
    void postReadsItsLocationByDefault() {
        assertThat(from(LroRequest.post(server.url("/res")))).isEqualTo("location");
    }

    @Test
    void postWithoutLocationReadsTheStatusMonitor() {
        server.on("POST", "/action", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/status"));
        assertThat(from(LroRequest.post(server.url("/action")))).isEqualTo("status");
    }

    @Test
    void deleteReadsNothingAfterTheStatusMonitor() {
        LroResult result = client.begin(LroRequest.delete(server.url("/res"))).waitForCompletion();

        assertThat(result.body()).isEmpty();
        assertThat(server.requests("GET", "/result")).isEmpty();
        assertThat(server.requests("GET", "/res")).isEmpty();
    }

    @Test
    void eachFinalStateViaIsObeyed() {
        LroRequest put = LroRequest.put(server.url("/res"), "{}");
        assertThat(from(put.withFinalStateVia(FinalStateVia.AZURE_ASYNC_OPERATION))).isEqualTo("status");
        assertThat(from(put.withFinalStateVia(FinalStateVia.LOCATION))).isEqualTo("location");
        assertThat(from(put.withFinalStateVia(FinalStateVia.ORIGINAL_URI))).isEqualTo("original");
        assertThat(from(put.withFinalStateVia(FinalStateVia.OPERATION_LOCATION))).isEqualTo("resourceLocation");
    }

    @Test
    void operationLocationMonitorsReadTheirResourceLocationByDefault() {
        server.on("POST", "/analyze", (r, n) -> Reply.headers(202, "Operation-Location", "/status"));
        assertThat(from(LroRequest.post(server.url("/analyze")))).isEqualTo("resourceLocation");
    }

    @Test
    void aFailedFinalGetIsAnHttpError() {
        server.on("GET", "/result", (r, n) -> json(403, "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"no\"}}"));

        assertThatThrownBy(() -> client.begin(LroRequest.post(server.url("/res"))).waitForCompletion())
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.url().getPath()).isEqualTo("/result");
                });
    }

    @Test
    void wireNamesMapToTheEnum() {
        assertThat(FinalStateVia.fromWireName("Original-URI")).isEqualTo(FinalStateVia.ORIGINAL_URI);
        assertThat(FinalStateVia.fromWireName("azure-async-operation")).isEqualTo(FinalStateVia.AZURE_ASYNC_OPERATION);
        assertThatThrownBy(() -> FinalStateVia.fromWireName("somewhere")).hasMessageContaining("somewhere");
    }
}
