package io.asyncops.client;

import static io.asyncops.client.ScriptedServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.client.ScriptedServer.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resume tokens, following a URL started elsewhere, progress snapshots, long polls. */
class ResumeAndFollowTest {
    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aResumedPollerFinishesTheOperationWithTheSameRules() {
        server.on("PUT", "/r", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/s", "Location", "/l"))
                .on("GET", "/s", (r, n) -> json(200, n < 3 ? "{\"status\":\"InProgress\"}" : "{\"status\":\"Succeeded\"}"))
                .on("GET", "/r", (r, n) -> json(200, "{\"name\":\"r\"}"));
        SyncPoller first = Fast.client().begin(LroRequest.put(server.url("/r"), "{}"));
        first.poll();
        String token = first.resumeToken();

        SyncPoller second = Fast.client().resume(token);
        LroResult result = second.waitForCompletion();

        assertThat(result.json().get("name").asText()).as("a PUT still reads its original URL").isEqualTo("r");
        assertThat(result.polls()).isEqualTo(3);
        assertThat(token).doesNotContain("/s").matches("lro1\\.[A-Za-z0-9_-]+");
    }

    @Test
    void badTokensAreRefusedClearly() {
        LroClient client = Fast.client();
        assertThatThrownBy(() -> client.resume("nonsense")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not an asyncops resume token");
        assertThatThrownBy(() -> client.resume("lro1.!!!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> client.resume("lro1.e30")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid");
    }

    @Test
    void followReadsAStatusMonitorAndReturnsItsLastBody() {
        server.on("GET", "/ops/1", (r, n) -> json(200, n < 2 ? "{\"status\":\"InProgress\",\"percentComplete\":50.0}"
                : "{\"status\":\"Succeeded\",\"properties\":{\"x\":1}}"));
        List<PollSnapshot> seen = new ArrayList<>();

        LroResult result = Fast.client().follow(server.url("/ops/1")).waitForCompletion(seen::add);

        assertThat(result.json().path("properties").path("x").asInt()).isEqualTo(1);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).percentComplete()).isEqualTo(50.0);
        assertThat(seen.get(0).done()).isFalse();
        assertThat(seen.get(1).done()).isTrue();
        assertThat(seen.get(1).status()).isEqualTo("Succeeded");
    }

    @Test
    void followReadsALocationUrl() {
        server.on("GET", "/results/1", (r, n) -> n < 3 ? Reply.headers(202, "Location", "/results/1")
                : json(200, "{\"result\":true}"));

        LroResult result = Fast.client().follow(server.url("/results/1")).waitForCompletion();

        assertThat(result.json().get("result").asBoolean()).isTrue();
        assertThat(result.polls()).isEqualTo(3);
    }

    @Test
    void followReadsAResourceUntilItsProvisioningStateIsTerminal() {
        server.on("GET", "/servers/s1", (r, n) -> json(200, "{\"properties\":{\"provisioningState\":\""
                + (n < 2 ? "Deleting" : "Failed") + "\"}}"));

        assertThatThrownBy(() -> Fast.client().follow(server.url("/servers/s1")).waitForCompletion())
                .isInstanceOf(OperationFailedException.class);
    }

    @Test
    void longPollsAskForAWaitAndPollAgainAtOnceWhenHonoured() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/s", "Retry-After", "30"))
                .on("GET", "/s", (r, n) -> n < 3
                        ? json(200, "{\"status\":\"InProgress\"}", "Retry-After", "30", "Preference-Applied", "wait=5")
                        : json(200, "{\"status\":\"Succeeded\"}"));
        LroClient client = LroClient.create(Fast.options().longPoll(java.time.Duration.ofSeconds(5)).build());

        long start = System.nanoTime();
        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(20));
        assertThat(server.requests("GET", "/s")).hasSize(3)
                .allSatisfy(r -> assertThat(r.header("Prefer")).isEqualTo("wait=5"));
        assertThat(server.requests("POST", "/start").get(0).header("Prefer")).isNull();
    }

    @Test
    void onePollAtATime() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Location", "/slow"))
                .on("GET", "/slow", (r, n) -> {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Reply.headers(202, "Location", "/slow");
                });
        AsyncPoller poller = Fast.client().beginAsync(LroRequest.post(server.url("/start"))).join();

        var first = poller.poll();
        assertThatThrownBy(() -> poller.poll().join()).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(first.join().polls()).isEqualTo(1);
    }
}
