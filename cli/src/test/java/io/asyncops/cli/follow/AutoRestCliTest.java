package io.asyncops.cli.follow;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.client.conformance.AutoRestTestServer;
import io.asyncops.protocol.Json;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The CLI follows the AutoRest test server's operations with the documented exit codes. */
class AutoRestCliTest {
    private static AutoRestTestServer server;

    @BeforeAll
    static void start() throws IOException {
        AutoRestTestServer.unavailableReason().ifPresent(reason -> {
            System.out.println("Skipping the CLI tests against the AutoRest test server: " + reason);
            Assumptions.abort(reason);
        });
        server = AutoRestTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} -> exit {2}")
    @CsvSource({
            "PUT,    /lro/putasync/retry/succeeded,               0",
            "PUT,    /lro/put/201/creating/succeeded/200,         0",
            "POST,   /lro/post/202/retry/200,                     0",
            "DELETE, /lro/delete/provisioning/202/accepted/200/succeeded, 0",
            "PUT,    /lro/retryerror/putasync/retry/succeeded,    0",
            "PUT,    /lro/putasync/retry/failed,                  1",
            "POST,   /lro/postasync/retry/failed,                 1",
            "PUT,    /lro/putasync/noretry/canceled,              2",
            "DELETE, /lro/deleteasync/retry/canceled,             2",
            "PUT,    /lro/nonretryerror/put/400,                  4",
            "POST,   /lro/error/post/202/nolocation,              4",
            "PUT,    /lro/error/putasync/retry/invalidjsonpolling, 4"})
    void exitCodesFollowTheOutcome(String method, String path, int exit) {
        Cli cli = method.equals("DELETE")
                ? Cli.run("call", method, server.url(path).toString(), "--poll-interval", "1ms")
                : Cli.run("call", method, server.url(path).toString(), "-d", "{}", "--poll-interval", "1ms");
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(exit);
    }

    @Test
    void theResultOfAPutIsPrinted() throws IOException {
        Cli cli = Cli.run("call", "PUT", server.url("/lro/putasync/retry/succeeded").toString(), "-d", "{}",
                "--poll-interval", "1ms");
        assertThat(Json.mapper().readTree(cli.out()).path("properties").path("provisioningState").asText())
                .isEqualTo("Succeeded");
    }

    @Test
    void customHeadersReachEveryPoll() {
        String url = server.url("/lro/customheader/putasync/retry/succeeded").toString();
        assertThat(Cli.run("call", "PUT", url, "-d", "{}", "--poll-interval", "1ms").exitCode()).isEqualTo(4);
        Cli cli = Cli.run("call", "PUT", url, "-d", "{}", "--poll-interval", "1ms",
                "-H", "x-ms-client-request-id: 9C4D50EE-2D56-4CD3-8152-34347DC9F2B0");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
    }

    @Test
    void finalStateViaIsAnOption() {
        Cli cli = Cli.run("call", "POST", server.url("/lro/LROPostDoubleHeadersFinalAzureHeaderGet").toString(),
                "--final-state-via", "azure-async-operation", "--poll-interval", "1ms");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("\"status\": \"succeeded\"");
    }

    @Test
    void waitFollowsARelativeLocationResult() {
        Cli cli = Cli.run("wait", server.url("/lroParameterizedEndpoints/results/1").toString(), "--poll-interval", "1ms");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).isEqualTo("\"success\"\n");
    }
}
