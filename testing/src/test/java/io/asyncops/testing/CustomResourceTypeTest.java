package io.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.engine.OperationStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A resource type of the test's own (a custom provider) is served by the emulator with the ARM protocol. */
class CustomResourceTypeTest {

    @Test
    void aCustomTypeIsCreatedThroughA202AndPolls() throws Exception {
        ResourceType widgets = ResourceType.builder("Contoso.Widgets/widgets", "/subscriptions/{subscriptionId}"
                        + "/resourceGroups/{resourceGroupName}/providers/Contoso.Widgets/widgets/{widgetName}")
                .apiVersions("2024-01-01")
                .put(VerbStyle.createdOrOk(Duration.ofSeconds(20)))
                .delete(VerbStyle.accepted(Duration.ofSeconds(5)))
                .build();
        try (AsyncOpsEmulator emu = AsyncOps.emulator().tls(false).resourceTypes(widgets).start();
             HttpClient http = HttpClient.newHttpClient()) {
            String arm = emu.baseUrl() + "/subscriptions/" + emu.subscription() + "/resourceGroups/rg1";
            assertThat(send(http, emu, "PUT", arm + "?api-version=2025-04-01", "{\"location\":\"westus\"}")
                    .statusCode()).isEqualTo(201);

            HttpResponse<String> accepted = send(http, emu, "PUT", arm + "/providers/Contoso.Widgets/widgets/w1"
                    + "?api-version=2024-01-01", "{\"location\":\"westus\",\"properties\":{\"size\":3}}");

            assertThat(accepted.statusCode()).isIn(201, 202);
            assertThat(emu.operations().awaitIdle()).singleElement().satisfies(op -> {
                assertThat(op.kind()).isEqualTo("Contoso.Widgets/widgets/write");
                assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
            });
            HttpResponse<String> read = send(http, emu, "GET", arm + "/providers/Contoso.Widgets/widgets/w1"
                    + "?api-version=2024-01-01", null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"provisioningState\":\"Succeeded\"", "\"size\":3");
        }
    }

    static HttpResponse<String> send(HttpClient http, AsyncOpsEmulator emu, String method, String url, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + emu.token());
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
