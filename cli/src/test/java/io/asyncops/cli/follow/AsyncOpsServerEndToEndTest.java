package io.asyncops.cli.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.client.FinalStateVia;
import io.asyncops.client.HttpErrorException;
import io.asyncops.client.LroClient;
import io.asyncops.client.LroRequest;
import io.asyncops.client.LroResult;
import io.asyncops.client.OperationCanceledException;
import io.asyncops.client.OperationFailedException;
import io.asyncops.client.PollerOptions;
import io.asyncops.client.SyncPoller;
import io.asyncops.protocol.Json;
import io.asyncops.server.TestServer;
import io.asyncops.server.testing.TestOpsPlane;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client library and the CLI against asyncops' own server (real HTTP and HTTPS, real JWTs, the real engine on
 * H2), through the server's ARM-shaped test plane ({@code Test.Ops/things}): start, status monitor, result, failure,
 * the cancel call, long polls, resume tokens.
 */
class AsyncOpsServerEndToEndTest {
    @TempDir
    static Path dataDir;
    private static TestServer server;
    private static LroClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        client = LroClient.create(PollerOptions.custom().bearerToken(server::token).timeout(Duration.ofSeconds(60))
                .build());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static URI thing(String name) {
        return server.http(TestServer.thing(name) + "?api-version=" + TestOpsPlane.API_VERSION);
    }

    /**
     * A PUT of a test thing. The test plane has no GET route for its things (it is no resource provider), so the
     * result is read where it lives, at the Location: final-state-via location instead of Azure's PUT default.
     */
    private static LroRequest putThing(String name, String body) {
        return LroRequest.put(thing(name), body).withFinalStateVia(FinalStateVia.LOCATION);
    }

    private static String unique() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPutIsFollowedToItsResourceAsAzureSays() {
        String name = unique();
        SyncPoller poller = client.begin(putThing(name, "{\"steps\":4,\"stepMillis\":250}"));
        assertThat(poller.latest().httpStatus()).isEqualTo(202);
        assertThat(poller.latest().pollingUrl().getPath()).contains("/operationStatuses/");

        LroResult result = poller.waitForCompletion();

        assertThat(result.json().get("name").asText()).isEqualTo(name);
        assertThat(result.json().path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(result.url().getPath()).as("read at the Location").contains("/operationResults/");
        assertThat(result.polls()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFailedOperationCarriesTheServersArmError() {
        assertThatThrownBy(() -> client.begin(putThing(unique(),
                        "{\"steps\":2,\"stepMillis\":100,\"fail\":\"QuotaExceeded\"}")).waitForCompletion())
                .isInstanceOfSatisfying(OperationFailedException.class, e -> {
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("QuotaExceeded"));
                    assertThat(e.url().getPath()).contains("/operationStatuses/");
                });
    }

    @Test
    void theCancelCallEndsTheOperationCanceled() {
        SyncPoller poller = client.begin(putThing(unique(), "{\"steps\":300,\"stepMillis\":1000}"));

        assertThat(poller.cancelOperation()).isTrue();

        assertThatThrownBy(poller::waitForCompletion).isInstanceOf(OperationCanceledException.class);
    }

    @Test
    void aDeleteEndsWithoutAFinalGet() {
        String name = unique();
        client.begin(putThing(name, "{\"steps\":1,\"stepMillis\":10}")).waitForCompletion();

        LroResult deleted = client.begin(LroRequest.delete(thing(name))).waitForCompletion();

        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.url().getPath()).contains("/operationStatuses/");
    }

    @Test
    void longPollsNoticeTheEndWithFewerPolls() {
        LroClient longPolling = LroClient.create(client.options().toBuilder().longPoll(Duration.ofSeconds(30)).build());

        LroResult result = longPolling.begin(putThing(unique(), "{\"steps\":10,\"stepMillis\":1000}"))
                .waitForCompletion();

        // about 1 s of work, Retry-After floor 1 s: a held poll sees the end in one or two polls, not one per second
        assertThat(result.polls()).isLessThanOrEqualTo(2);
    }

    @Test
    void aResumeTokenFinishesTheOperationInAnotherClient() {
        SyncPoller first = client.begin(putThing(unique(), "{\"steps\":4,\"stepMillis\":500}"));
        String token = first.resumeToken();

        LroClient other = LroClient.create(PollerOptions.custom().bearerToken(server::token).build());
        assertThat(other.resume(token).waitForCompletion().json().path("type").asText()).isEqualTo("Test.Ops/things");
    }

    @Test
    void followAttachesToTheLocationOfAnOperationStartedElsewhere() {
        String name = unique();
        HttpResponse<String> started = server.put(name, "{\"steps\":3,\"stepMillis\":300}");
        URI location = URI.create(started.headers().firstValue("Location").orElseThrow());

        LroResult result = client.follow(location).waitForCompletion();

        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.json().get("name").asText()).isEqualTo(name);
    }

    @Test
    void withoutATokenTheStartIsRefusedWithTheServersCode() {
        assertThatThrownBy(() -> LroClient.create().begin(putThing(unique(), "{}")))
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("AuthenticationFailed"));
                });
    }

    @Test
    void theCliFollowsAnOperationToItsEndWithTheDocumentedExitCodes() throws IOException {
        String name = unique();
        Cli ok = Cli.run("call", "PUT", thing(name).toString(), "-d", "{\"steps\":3,\"stepMillis\":200}",
                "--token", server.token(), "--final-state-via", "location");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(Json.mapper().readTree(ok.out()).get("name").asText()).isEqualTo(name);
        assertThat(ok.err()).contains("HTTP 202, following").contains("Succeeded after");

        Cli failed = Cli.run("call", "PUT", thing(unique()).toString(),
                "-d", "{\"steps\":1,\"stepMillis\":10,\"fail\":\"Conflict\"}", "--token", server.token());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("Conflict");

        Cli unauthorized = Cli.run("call", "PUT", thing(unique()).toString(), "-d", "{}");
        assertThat(unauthorized.exitCode()).isEqualTo(4);
        assertThat(unauthorized.err()).contains("HTTP 401");
    }

    @Test
    void theCliWaitsOverHttpsTrustingTheServersCertificate() {
        HttpResponse<String> started = server.put(unique(), "{\"steps\":2,\"stepMillis\":200}");
        URI status = URI.create(started.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        URI secure = server.https(status.getRawPath() + "?" + status.getRawQuery());
        Path cert = server.server().selfSignedCertificate().orElseThrow();

        Cli cli = Cli.run("wait", secure.toString(), "--cacert", cert.toString(), "--token", server.token());

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("\"status\":\"Succeeded\"");
    }
}
