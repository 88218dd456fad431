package io.asyncops.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.cli.follow.Cli;
import io.asyncops.protocol.Json;
import io.asyncops.server.TestServer;
import io.asyncops.server.testing.TestOpsPlane;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asyncops ops} (the list) and {@code asyncops wait --cancel} against asyncops' own server (real HTTP, real
 * JWTs, the engine on H2), through its test plane.
 */
class OpsCommandTest {
    @TempDir
    static Path dataDir;
    private static TestServer server;
    private static String subscriptionUrl;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        subscriptionUrl = server.http("/subscriptions/" + TestServer.SUB).toString();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String started(String body) {
        var r = server.put("t" + UUID.randomUUID().toString().substring(0, 8), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.headers().firstValue("Azure-AsyncOperation").orElseThrow();
    }

    private static String id(String statusUrl) {
        String path = statusUrl.substring(0, statusUrl.indexOf('?'));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<JsonNode> json(Cli cli) throws IOException {
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        return StreamSupport.stream(Json.mapper().readTree(cli.out()).spliterator(), false).toList();
    }

    @Test
    void listsTheSubscriptionsOperationsWithTheirStatusAndStatusUrl() throws IOException {
        String ok = started("{\"steps\":1,\"stepMillis\":10}");
        String failed = started("{\"steps\":1,\"stepMillis\":10,\"fail\":\"QuotaExceeded\"}");
        server.awaitTerminal(ok);
        server.awaitTerminal(failed);

        Cli table = Cli.run("ops", subscriptionUrl, "--token", server.token(), "--api-version",
                TestOpsPlane.API_VERSION);

        assertThat(table.exitCode()).as(table.toString()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("STATUS").contains("STATUS URL");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Succeeded").endsWith(ok));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Failed").contains("QuotaExceeded").endsWith(failed));

        List<JsonNode> onlyFailed = json(Cli.run("ops", subscriptionUrl, "--token", server.token(), "--status", "Failed",
                "-o", "json"));
        assertThat(onlyFailed).isNotEmpty().allSatisfy(m -> assertThat(m.path("status").asText()).isEqualTo("Failed"));
        assertThat(onlyFailed).anySatisfy(m -> assertThat(m.path("name").asText()).isEqualTo(id(failed)));

        assertThat(json(Cli.run("ops", subscriptionUrl, "--token", server.token(), "--top", "1", "-o", "json")))
                .hasSize(1);
    }

    @Test
    void followsNextLinksUntilEveryOperationIsListed() throws IOException {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            mine.add(id(started("{\"steps\":0}")));
        }

        List<JsonNode> all = json(Cli.run("ops", subscriptionUrl, "--token", server.token(), "--top", "0",
                "-o", "json"));

        // more than one page of 100: every operation, each once
        List<String> names = all.stream().map(m -> m.path("name").asText()).toList();
        assertThat(names).hasSizeGreaterThan(100).doesNotHaveDuplicates().containsAll(mine);
    }

    @Test
    void waitCancelEndsARunningOperationCanceledAndLeavesAnEndedOneAlone() throws IOException {
        String running = started("{\"steps\":100,\"stepMillis\":200}");

        Cli canceled = Cli.run("wait", running, "--cancel", "--token", server.token(), "-o", "json");

        assertThat(canceled.exitCode()).as(canceled.toString()).isEqualTo(2);
        assertThat(Json.mapper().readTree(canceled.out()).path("status").asText()).isEqualTo("Canceled");
        assertThat(server.awaitTerminal(running).path("status").asText()).isEqualTo("Canceled");

        String ended = started("{\"steps\":1,\"stepMillis\":10}");
        server.awaitTerminal(ended);
        Cli tooLate = Cli.run("wait", ended, "--cancel", "--token", server.token());
        assertThat(tooLate.exitCode()).as(tooLate.toString()).isZero();
        assertThat(tooLate.out()).contains("\"status\":\"Succeeded\"");
    }

    @Test
    void refusalsAreExitFourWithTheReason() {
        Cli other = Cli.run("ops", server.http("/subscriptions/" + TestServer.OTHER_SUB).toString(),
                "--token", server.token());
        assertThat(other.exitCode()).isEqualTo(4);
        assertThat(other.err()).contains("HTTP 404");
        assertThat(other.out()).isEmpty();

        Cli noToken = Cli.run("ops", subscriptionUrl);
        assertThat(noToken.exitCode()).isEqualTo(4);
        assertThat(noToken.err()).contains("HTTP 401").contains("AuthenticationFailed");

        Cli notASubscription = Cli.run("ops", server.http("/health/live").toString(), "--token", server.token());
        assertThat(notASubscription.exitCode()).isEqualTo(4);
        assertThat(notASubscription.err()).contains("is not a subscription URL");

        Cli badFilter = Cli.run("ops", subscriptionUrl, "--token", server.token(), "--status", "Sleeping");
        assertThat(badFilter.exitCode()).isEqualTo(4);
        assertThat(badFilter.err()).contains("HTTP 400").contains("InvalidFilterParameter");
    }
}
