package io.asyncops.server;

import static io.asyncops.server.TestServer.SUB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.classic.ClassicPlane;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AsyncOpsServer#reset()} on a server with the real ARM and classic planes: what requests created is gone
 * (resources of both planes, operations, idempotency, the ring of recent requests), a handler running at the reset
 * writes nothing afterwards, and tokens minted before still work.
 */
class ResetTest {
    static final String ARM = "/subscriptions/" + SUB;
    static final String SQL = "?api-version=2021-11-01";
    static final String GROUPS = "?api-version=2025-04-01";
    static final String BIZTALK = "/" + SUB + "/cloudservices/cs1/resources/biztalkservices/biztalk/reset1";

    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, b -> b.timeScale(0.005).recentRequests(8)
                .addPlane(new ArmPlane()).addPlane(new ClassicPlane()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void resetForgetsResourcesAndOperationsOfEveryPlaneAndKeepsTokensValid() throws Exception {
        String token = server.token();
        assertThat(call("PUT", ARM + "/resourcegroups/rg1" + GROUPS, "{\"location\":\"westus\"}").statusCode())
                .isEqualTo(201);
        String sqlServer = ARM + "/resourceGroups/rg1/providers/Microsoft.Sql/servers/reset-sql-1" + SQL;
        String serverBody = "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\","
                + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\",\"version\":\"12.0\"}}";
        HttpResponse<String> created = server.send(server.request(server.http(sqlServer))
                .header("Content-Type", "application/json").header("Idempotency-Key", "create-1")
                .PUT(HttpRequest.BodyPublishers.ofString(serverBody)));
        assertThat(created.statusCode()).isEqualTo(202);
        String status = created.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        assertThat(server.awaitTerminal(status).path("status").asText()).isEqualTo("Succeeded");
        HttpResponse<String> biztalk = server.send(server.request(server.http(BIZTALK))
                .header("Content-Type", "application/xml; charset=utf-8").header("x-ms-version", "2013-04-26")
                .PUT(HttpRequest.BodyPublishers.ofString(biztalkXml())));
        assertThat(biztalk.statusCode()).isEqualTo(202);
        // a thing of the test plane that runs for minutes: running when the reset comes
        HttpResponse<String> running = server.put("long-1", "{\"steps\":1,\"stepMillis\":10000000}");
        assertThat(running.statusCode()).isEqualTo(202);
        String runningOp = id(running.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        assertThat(server.server().recentRequests()).isNotEmpty();

        server.server().reset();

        assertThat(server.server().recentRequests()).isEmpty();
        assertThat(call("GET", ARM + "/resourcegroups/rg1" + GROUPS, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", sqlServer, null).statusCode()).isEqualTo(404);
        assertThat(server.send(server.request(server.http(BIZTALK)).header("x-ms-version", "2013-04-26"))
                .statusCode()).isEqualTo(404);
        assertThat(server.send(server.request(java.net.URI.create(status))).statusCode()).isEqualTo(404);
        JsonNode list = io.asyncops.protocol.Json.mapper().readTree(
                call("GET", ARM + "/operationStatuses?api-version=2021-11-01", null).body());
        assertThat(list.path("value")).isEmpty();
        assertThat(rows("asyncops_operation")).isZero();
        assertThat(rows("emu_resource")).as("the provider core's store (every plane's resources)").isZero();

        // the token minted before the reset still opens the same names, which are free again
        assertThat(server.send(server.request(server.http(ARM + "/resourcegroups/rg1" + GROUPS))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"westus\"}"))).statusCode()).isEqualTo(201);
        HttpResponse<String> again = server.send(server.request(server.http(sqlServer))
                .header("Content-Type", "application/json").header("Idempotency-Key", "create-1")
                .PUT(HttpRequest.BodyPublishers.ofString(serverBody)));
        assertThat(again.statusCode()).isEqualTo(202);
        String againStatus = again.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        assertThat(id(againStatus)).isNotEqualTo(id(status)); // the idempotency key went with the reset
        assertThat(server.awaitTerminal(againStatus).path("status").asText()).isEqualTo("Succeeded");
        assertThat(server.server().recentRequests()).hasSizeLessThanOrEqualTo(8)
                .last().satisfies(r -> assertThat(r.path()).contains("/operationStatuses/" + id(againStatus)));
        // the handler that ran at the reset stopped without ending its (deleted) operation
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> effectsOf(runningOp) == 0);
    }

    @Test
    void theRingOfRecentRequestsKeepsTheLastOnesWithTheirStatus() {
        server.server().reset();
        for (int i = 0; i < 10; i++) {
            call("GET", ARM + "/resourcegroups/missing-" + i + GROUPS, null);
        }
        server.send(HttpRequest.newBuilder(server.http(ARM + "/resourcegroups/no-token" + GROUPS)));

        var recent = server.server().recentRequests();

        assertThat(recent).hasSize(8);
        assertThat(recent.get(0).path()).contains("missing-3");
        assertThat(recent.get(6).path()).endsWith("/resourcegroups/missing-9" + GROUPS);
        assertThat(recent.get(6).status()).isEqualTo(404);
        assertThat(recent.get(7).status()).isEqualTo(401);
        assertThat(recent.get(7).method()).isEqualTo("GET");
        assertThat(recent.get(7).requestId()).isNotBlank();
        assertThat(recent.get(7).toString()).contains("GET /subscriptions/", " -> 401 in ", "x-ms-request-id");
    }

    static HttpResponse<String> call(String method, String path, String json) {
        HttpRequest.Builder b = server.request(server.http(path));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return server.send(b);
    }

    static String id(String statusUrl) {
        String path = java.net.URI.create(statusUrl).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String biztalkXml() {
        return "<Resource xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>reset1</Name><Type>biztalk</Type>"
                + "<Plan>Standard</Plan><SchemaVersion>1.0</SchemaVersion><IntrinsicSettings><Edition>Standard"
                + "</Edition><Region>West US</Region></IntrinsicSettings></Resource>";
    }

    static long rows(String table) throws SQLException {
        return count("select count(*) from " + table);
    }

    static long effectsOf(String operationId) throws SQLException {
        return count("select count(*) from test_ops_effects where operation_id = '" + operationId + "'");
    }

    static long count(String sql) throws SQLException {
        try (Connection c = server.server().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
