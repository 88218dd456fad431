package io.asyncops.server.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.biztalk.BizTalkTimings;
import io.asyncops.protocol.Json;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.classic.ClassicPlane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL: what one node started, the other reads at once. The operation list names each
 * operation with its resource id and kind, a classic operation under the {@code x-ms-request-id} its caller holds,
 * and {@code /{subscription}/operations/{that id}} answers for it on either node.
 */
class MultiNodeReadsTest {
    static final String SUB = "11111111-2222-3333-4444-555555555555";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void eitherNodeListsAndAnswersForWhatTheOtherStarted(@TempDir Path pgDir, @TempDir Path data) throws Exception {
        try (StoppablePostgres pg = StoppablePostgres.start(pgDir);
             AsyncOpsServer a = node(pg, data, "node-a");
             AsyncOpsServer b = node(pg, data, "node-b")) {
            String token = a.tokens().mint("reader", List.of(SUB), Duration.ofHours(1)); // both nodes share the key

            HttpResponse<String> started = send(a, "PUT", "/" + SUB + "/cloudservices/multinode/resources/biztalkservices"
                    + "/biztalk/multinodebt", token, "<Resource xmlns=\"http://schemas.microsoft.com/windowsazure\">"
                    + "<Name>multinodebt</Name><Type>biztalk</Type><Plan>Standard</Plan><SchemaVersion>1.0</SchemaVersion>"
                    + "<IntrinsicSettings><Edition>Standard</Edition><Region>West US</Region></IntrinsicSettings></Resource>",
                    "application/xml");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String requestId = started.headers().firstValue("x-ms-request-id").orElseThrow();

            HttpResponse<String> onB = send(b, "GET", "/" + SUB + "/operations/" + requestId, token, null, null);
            assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
            assertThat(onB.body()).contains("<ID>" + requestId + "</ID>").contains("<Status>InProgress</Status>");

            assertThat(send(a, "PUT", "/subscriptions/" + SUB + "/resourcegroups/multinode?api-version=2025-04-01",
                    token, "{\"location\":\"westus\"}", "application/json").statusCode()).isEqualTo(201);
            HttpResponse<String> armStart = send(a, "PUT", "/subscriptions/" + SUB + "/resourceGroups/multinode/providers"
                    + "/Microsoft.Sql/servers/multinode-sql?api-version=2021-11-01", token, "{\"location\":\"westus\","
                    + "\"properties\":{\"administratorLogin\":\"sqladmin\",\"administratorLoginPassword\":"
                    + "\"Passw0rd!Passw0rd\"}}", "application/json");
            assertThat(armStart.statusCode()).as(armStart.body()).isEqualTo(202);

            JsonNode list = Json.mapper().readTree(send(b, "GET", "/subscriptions/" + SUB
                    + "/operationStatuses?api-version=2021-11-01", token, null, null).body()).path("value");
            JsonNode classic = find(list, requestId);
            assertThat(classic.path("id").asText()).isEqualTo("/" + SUB + "/operations/" + requestId);
            assertThat(classic.path("kind").asText()).startsWith("BizTalk/services/");
            assertThat(classic.path("resourceId").asText()).containsIgnoringCase("multinodebt");
            String armOperation = URI.create(armStart.headers().firstValue("Azure-AsyncOperation").orElseThrow())
                    .getPath().replaceAll(".*/", "");
            JsonNode arm = find(list, armOperation);
            assertThat(arm.path("id").asText()).contains("/operationStatuses/" + armOperation);
            assertThat(arm.path("kind").asText()).startsWith("Microsoft.Sql/");
            assertThat(arm.path("resourceId").asText()).endsWithIgnoringCase("/servers/multinode-sql");
        }
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError(name + " is not listed: " + list);
    }

    private static AsyncOpsServer node(StoppablePostgres pg, Path data, String id) {
        return AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(data)
                .database(pg.jdbcUrl(), StoppablePostgres.USER, StoppablePostgres.PASSWORD)
                .timeScale(1).shutdownGrace(Duration.ofSeconds(1)).engine(e -> e.nodeId(id))
                .addPlane(new ArmPlane()).addPlane(new ClassicPlane(BizTalkTimings.DEFAULT)).build());
    }

    private HttpResponse<String> send(AsyncOpsServer node, String method, String path, String token, String body,
                                      String type) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(node.httpUri() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("x-ms-version", "2013-04-26")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            r.header("Content-Type", type);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
