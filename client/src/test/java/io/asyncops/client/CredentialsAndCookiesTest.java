package io.asyncops.client;

import static io.asyncops.client.ScriptedServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.client.ScriptedServer.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Caller headers on every request, the bearer token to the origin only, one cookie jar per poller. */
class CredentialsAndCookiesTest {
    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void callerHeadersGoOnEveryRequestAndTheTokenIsAskedForEachTime() {
        server.on("PUT", "/r", (r, n) -> Reply.headers(201, "Azure-AsyncOperation", "/s"))
                .on("GET", "/s", (r, n) -> json(200, n < 2 ? "{\"status\":\"InProgress\"}" : "{\"status\":\"Succeeded\"}"))
                .on("GET", "/r", (r, n) -> json(200, "{}"));
        AtomicInteger tokens = new AtomicInteger();
        LroClient client = LroClient.create(Fast.options()
                .header("x-ms-client-request-id", "my-id")
                .bearerToken(() -> "token-" + tokens.incrementAndGet())
                .build());

        client.begin(LroRequest.put(server.url("/r"), "{}")).waitForCompletion();

        assertThat(server.requests()).hasSize(4).allSatisfy(r -> {
            assertThat(r.header("x-ms-client-request-id")).isEqualTo("my-id");
            assertThat(r.header("Authorization")).startsWith("Bearer token-");
        });
        assertThat(server.requests().get(3).header("Authorization")).isEqualTo("Bearer token-4");
    }

    @Test
    void theTokenNeverLeavesTheOriginTheOperationStartedOn() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202,
                        "Azure-AsyncOperation", server.otherOriginUrl("/s").toString()))
                .on("GET", "/s", (r, n) -> json(200, "{\"status\":\"Succeeded\"}"));
        LroClient client = LroClient.create(Fast.options().bearerToken(() -> "secret").build());

        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(server.requests("POST", "/start").get(0).header("Authorization")).isEqualTo("Bearer secret");
        assertThat(server.requests("GET", "/s").get(0).header("Authorization")).isNull();
    }

    @Test
    void eachPollerHasItsOwnCookieJar() {
        // The server keeps per-client state in a cookie, like the AutoRest test server: step=1 then step=2.
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Location", "/loc"))
                .on("GET", "/loc", (r, n) -> {
                    String cookie = r.header("Cookie");
                    if (cookie != null && cookie.contains("step=1")) {
                        return json(200, "{\"done\":true}", "Set-Cookie", "step=; Max-Age=0; Path=/");
                    }
                    return Reply.headers(202, "Location", "/loc", "Set-Cookie", "step=1; Path=/");
                });
        LroClient client = Fast.client();

        CompletableFuture<LroResult> a = client.beginAsync(LroRequest.post(server.url("/start")))
                .thenCompose(AsyncPoller::untilDone);
        CompletableFuture<LroResult> b = client.beginAsync(LroRequest.post(server.url("/start")))
                .thenCompose(AsyncPoller::untilDone);

        assertThat(a.join().polls()).isEqualTo(2);
        assertThat(b.join().polls()).isEqualTo(2);
        assertThat(server.requests("GET", "/loc")).hasSize(4);
    }
}
