package io.asyncops.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.asyncops.protocol.Json;
import io.asyncops.server.TestServer;
import io.asyncops.server.testing.TestOpsPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token for subscription A sees nothing of subscription B in the console: not in its data routes (404, as for a
 * subscription that does not exist), not in A's change stream while B's operations change, not on the page.
 */
class ConsoleIsolationTest {
    static final String A = TestServer.SUB;
    static final String B = TestServer.OTHER_SUB;

    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTokenForOneSubscriptionSeesNothingOfAnotherInTheConsoleOrItsStream() throws Exception {
        String tokenA = server.token(List.of(A));
        String tokenB = server.token(List.of(B));
        List<String> streamA = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> open = server.client().send(HttpRequest.newBuilder(
                        server.http("/console/api/subscriptions/" + A + "/events"))
                .header("Authorization", "Bearer " + tokenA).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(open.statusCode()).isEqualTo(200);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> open.body().forEach(streamA::add));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> streamA.contains("event:hello"));

        String inB = start(B, tokenB, "b-thing");
        String inA = start(A, tokenA, "a-thing");
        String monitorB = monitor(B, inB);
        server.awaitTerminal(server.server().httpUri() + monitorB + "?api-version=2024-01-01", tokenB);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> streamA.stream()
                .anyMatch(l -> l.contains(inA) && l.contains("\"Succeeded\"")));
        reader.cancel(true);
        open.body().close();
        assertThat(String.join("\n", streamA)).contains(inA).doesNotContain(inB).doesNotContain(B);

        // every console route under B answers A's token as if B did not exist
        for (String route : List.of("/operations", "/operations/" + inB, "/stats", "/events", "/resources")) {
            HttpResponse<String> r = get("/console/api/subscriptions/" + B + route, tokenA);
            assertThat(r.statusCode()).as(route).isEqualTo(404);
            assertThat(Json.mapper().readTree(r.body()).path("error").path("code").asText())
                    .isEqualTo("SubscriptionNotFound");
        }
        // B's operation asked for under A: unknown
        HttpResponse<String> cross = get("/console/api/subscriptions/" + A + "/operations/" + inB, tokenA);
        assertThat(cross.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(cross.body()).path("error").path("code").asText())
                .isEqualTo("OperationNotFound");
        JsonNode listA = Json.mapper().readTree(get("/console/api/subscriptions/" + A + "/operations", tokenA).body());
        assertThat(listA.path("value").toString()).contains(inA).doesNotContain(inB);
        assertThat(get("/console/api/subscriptions/" + A + "/operations", null).statusCode()).isEqualTo(401);

        // the page: A's token naming B shows nothing; on A it shows A's operation only
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(server.server().httpUri() + "/console");
            page.getByLabel("Bearer token").fill(tokenA);
            page.locator("#subscription").fill(B);
            page.locator("#sign-in-button").click();
            assertThat(page.locator("#live")).hasText("Subscription not found");
            assertThat(page.locator(".rows .empty")).containsText("not found");
            assertThat(page.locator(".rows .row")).hasCount(0);
            assertThat(page.locator("body")).not().containsText(inB);

            page.locator("#subscription-switch").selectOption(A);
            assertThat(page.locator(".rows .row[data-id='" + inA + "']")).hasCount(1);
            assertThat(page.locator("#live")).hasText("Live");
            assertThat(page.locator(".rows .row")).hasCount(1);
            assertThat(page.locator("body")).not().containsText(inB);
        }
    }

    private static String start(String sub, String token, String name) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.http("/subscriptions/" + sub
                        + "/resourceGroups/rg1/providers/Test.Ops/things/" + name + "?api-version="
                        + TestOpsPlane.API_VERSION))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"westus\",\"steps\":3,\"stepMillis\":500}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String status = r.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String path = status.substring(0, status.indexOf('?'));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String monitor(String sub, String id) {
        return "/subscriptions/" + sub + "/providers/Test.Ops/locations/westus/operationStatuses/" + id;
    }

    private static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.server().httpUri() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return server.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
