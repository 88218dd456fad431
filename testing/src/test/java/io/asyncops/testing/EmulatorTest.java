package io.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator's handle over real HTTPS: tokens for the default and other subscriptions, the trust of its
 * certificate, its operations (list, find by URL or request id, await, cancel), reset, and the report.
 */
class EmulatorTest {
    static final String SQL = "?api-version=2021-11-01";
    static final String GROUPS = "?api-version=2025-04-01";
    static final String SERVER_BODY = "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\","
            + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\",\"version\":\"12.0\"}}";
    static AsyncOpsEmulator emu;
    static HttpClient http;

    @BeforeAll
    static void start() {
        emu = AsyncOps.emulator().subscriptions("00000000-0000-0000-0000-0000000000a1").start();
        http = HttpClient.newBuilder().sslContext(emu.sslContext()).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        emu.close();
    }

    @Test
    void aServerCreateOverHttpsIsSeenByTheOperationsView() throws Exception {
        assertThat(emu.subscription()).isEqualTo("00000000-0000-0000-0000-0000000000a1");
        assertThat(emu.tlsBaseUrl().toString()).startsWith("https://localhost:");
        assertThat(emu.baseUrl().toString()).startsWith("http://127.0.0.1:");
        String arm = emu.tlsBaseUrl() + "/subscriptions/" + emu.subscription();
        assertThat(send("PUT", arm + "/resourcegroups/rg1" + GROUPS, "{\"location\":\"westus\"}", emu.token())
                .statusCode()).isEqualTo(201);

        HttpResponse<String> accepted = send("PUT", arm + "/resourceGroups/rg1/providers/Microsoft.Sql/servers/emu-s1"
                + SQL, SERVER_BODY, emu.token());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String location = accepted.headers().firstValue("Location").orElseThrow();

        Operation done = emu.operations().await(status, Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.kind()).isEqualTo("Microsoft.Sql/servers/write");
        assertThat(done.resourceId()).containsIgnoringCase("/servers/emu-s1");
        assertThat(emu.operations().find(location)).contains(done);
        assertThat(emu.operations().find(done.id().toString())).contains(done);
        assertThat(emu.operations().find(accepted.headers().firstValue("x-ms-request-id").orElseThrow()))
                .contains(done);
        assertThat(emu.operations().list()).contains(done);
        assertThat(emu.operations().list(OperationStatus.FAILED)).doesNotContain(done);
        assertThat(emu.operations().awaitIdle()).contains(done);
        assertThat(emu.report()).contains("PUT /subscriptions/" + emu.subscription() + "/resourceGroups/rg1/providers"
                + "/Microsoft.Sql/servers/emu-s1" + SQL + " -> 202", done.id() + " Microsoft.Sql/servers/write "
                + "Succeeded");
        assertThatThrownBy(() -> emu.operations().await("00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(NoSuchElementException.class);

        emu.reset();

        assertThat(emu.operations().list()).isEmpty();
        assertThat(emu.recentRequests()).isEmpty();
        assertThat(send("GET", arm + "/resourcegroups/rg1" + GROUPS, null, emu.token()).statusCode()).isEqualTo(404);
    }

    @Test
    void tokensGrantTheirSubscriptionsOnly() throws Exception {
        String other = "00000000-0000-0000-0000-0000000000b2";
        String otherArm = emu.tlsBaseUrl() + "/subscriptions/" + other;
        assertThat(send("PUT", otherArm + "/resourcegroups/rg-other" + GROUPS, "{\"location\":\"westus\"}",
                emu.token()).statusCode()).isEqualTo(404);
        assertThat(send("PUT", otherArm + "/resourcegroups/rg-other" + GROUPS, "{\"location\":\"westus\"}",
                emu.token(other)).statusCode()).isEqualTo(201);
        assertThat(send("GET", otherArm + "/resourcegroups/rg-other" + GROUPS, null, "not-a-token").statusCode())
                .isEqualTo(401);
        assertThatThrownBy(() -> emu.token("bad subscription")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad subscription");
    }

    @Test
    void anOperationCanBeCanceledAndAwaited() throws Exception {
        try (AsyncOpsEmulator slow = AsyncOps.emulator().timeScale(1).tls(false).start()) {
            String slowArm = slow.baseUrl() + "/subscriptions/" + slow.subscription();
            send("PUT", slowArm + "/resourcegroups/rg1" + GROUPS, "{\"location\":\"westus\"}", slow.token());
            HttpResponse<String> accepted = send("PUT", slowArm + "/resourceGroups/rg1/providers/Microsoft.Sql"
                    + "/servers/emu-slow" + SQL, SERVER_BODY, slow.token());
            String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
            assertThatThrownBy(() -> slow.operations().await(status, Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("after PT0.2S");

            slow.operations().cancel(status);

            assertThat(slow.operations().await(status).status()).isEqualTo(OperationStatus.CANCELED);
            assertThatThrownBy(slow::tlsBaseUrl).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TLS is off");
        }
    }

    @Test
    void theBuilderNamesBadValues() {
        assertThatThrownBy(() -> AsyncOps.emulator().timeScale(0)).hasMessageContaining("timeScale")
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> AsyncOps.emulator().httpPort(70000)).hasMessageContaining("httpPort")
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> AsyncOps.emulator().postgres("jdbc:h2:mem:x", null, null))
                .hasMessageContaining("jdbc:h2:mem:x");
        assertThatThrownBy(() -> AsyncOps.emulator().subscriptions("a/b")).hasMessageContaining("a/b");
        assertThatThrownBy(() -> AsyncOps.emulator().recentRequests(-1)).hasMessageContaining("-1");
    }

    static HttpResponse<String> send(String method, String url, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
