package com.contoso.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.auth.TokenMinter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom provider over real HTTP: PUT answers 201 with Azure-AsyncOperation, the poll ends Succeeded, GET shows the work. */
class WidgetsTest {
    static final String SUB = "00000000-0000-0000-0000-000000000001";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWidgetIsBuiltThroughTheLongRunningOperationProtocol() throws Exception {
        Path builds = data.resolve("widgets");
        try (AsyncOpsServer server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(data)
                .timeScale(0.5).addResourceType(Widgets.type(builds)).build())) {
            String token = TokenMinter.forDataDir(data).mint("tester", List.of(SUB), Duration.ofHours(1));
            String base = server.httpUri() + "/subscriptions/" + SUB + "/resourceGroups/rg1";
            String widget = base + "/providers/Contoso.Widgets/widgets/w1?api-version=2024-01-01";

            assertThat(send("PUT", base + "?api-version=2025-04-01", "{\"location\":\"westus\"}", token).statusCode())
                    .isEqualTo(201);
            HttpResponse<String> refused = send("PUT", widget, "{\"location\":\"westus\",\"properties\":{}}", token);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("InvalidParts");

            HttpResponse<String> created = send("PUT", widget,
                    "{\"location\":\"westus\",\"properties\":{\"parts\":[\"gear\",\"spring\"]}}", token);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).at("/properties/provisioningState").asText()).isEqualTo("Creating");
            String status = created.headers().firstValue("Azure-AsyncOperation").orElseThrow();
            JsonNode[] monitor = new JsonNode[1];
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                monitor[0] = JSON.readTree(send("GET", status, null, token).body());
                return !monitor[0].path("status").asText().equals("InProgress");
            });
            assertThat(monitor[0].path("status").asText()).isEqualTo("Succeeded");

            JsonNode read = JSON.readTree(send("GET", widget, null, token).body());
            assertThat(read.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
            assertThat(read.at("/properties/size").asLong()).isEqualTo(10);
            assertThat(read.at("/properties/digest").asText()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest("gearspring".getBytes(StandardCharsets.UTF_8))));
            assertThat(Files.readString(builds.resolve("w1/part-1"))).isEqualTo("spring");

            HttpResponse<String> deleted = send("DELETE", widget, null, token);
            assertThat(deleted.statusCode()).isEqualTo(202);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> send("GET", widget, null, token).statusCode() == 404);
        }
    }

    private HttpResponse<String> send(String method, String url, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
