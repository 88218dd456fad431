package io.asyncops.client;

import static io.asyncops.client.ScriptedServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.asyncops.client.ScriptedServer.Reply;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One total timeout; cooperative cancellation of the wait; the server's cancel call. */
class TimeoutAndCancellationTest {
    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private void runningForever() {
        server.on("PUT", "/thing", (r, n) -> Reply.headers(202,
                        "Azure-AsyncOperation", "/status?api-version=2021-11-01", "Retry-After", "0"))
                .on("GET", "/status", (r, n) -> json(200, "{\"status\":\"InProgress\",\"percentComplete\":" + Math.min(n, 99) + "}",
                        "retry-after-ms", "20"));
    }

    @Test
    void oneTotalTimeoutBoundsTheWholeWaitAndLeavesAResumeToken() {
        runningForever();
        LroClient client = LroClient.create(Fast.options().timeout(Duration.ofMillis(500)).build());

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.begin(LroRequest.put(server.url("/thing"), "{}")).waitForCompletion())
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> {
                    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
                    assertThat(e.resumeToken()).startsWith("lro1.");
                    assertThat(e.lastSnapshot().status()).isEqualTo("InProgress");
                    assertThat(e.lastSnapshot().polls()).isGreaterThan(1);
                });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(10));
        assertThat(server.requests("GET", "/status").size()).as("polled several times, not once per timeout")
                .isGreaterThan(3);
    }

    @Test
    void aPollThatWouldComeAfterTheTimeoutEndsTheWaitAtOnce() {
        server.on("PUT", "/thing", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/status", "Retry-After", "60"));
        LroClient client = LroClient.create(Fast.options().timeout(Duration.ofSeconds(5)).build());

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.begin(LroRequest.put(server.url("/thing"), "{}")).waitForCompletion())
                .isInstanceOf(OperationTimeoutException.class)
                .hasMessageContaining("would come after");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(server.requests("GET", "/status")).isEmpty();
    }

    @Test
    void stopEndsAWaitInAnotherThreadAndNothingMoreIsSent() {
        runningForever();
        SyncPoller poller = Fast.client().begin(LroRequest.put(server.url("/thing"), "{}"));
        CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                poller.waitForCompletion();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("GET", "/status").size() >= 2);

        poller.stop();

        assertThat(waiter.join()).isInstanceOf(CancellationException.class);
        int polls = server.requests("GET", "/status").size();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> server.requests("GET", "/status").size() == polls);
        assertThat(poller.resumeToken()).startsWith("lro1.");
    }

    @Test
    void interruptingTheWaitingThreadEndsTheWait() throws Exception {
        runningForever();
        SyncPoller poller = Fast.client().begin(LroRequest.put(server.url("/thing"), "{}"));
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                poller.waitForCompletion();
                outcome.complete(null);
            } catch (RuntimeException e) {
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                outcome.complete(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("GET", "/status").size() >= 2);

        waiter.interrupt();

        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void cancellingTheAsyncFutureStopsPolling() {
        runningForever();
        AsyncPoller poller = Fast.client().beginAsync(LroRequest.put(server.url("/thing"), "{}")).join();
        CompletableFuture<LroResult> done = poller.untilDone();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("GET", "/status").size() >= 2);

        done.cancel(true);

        int polls = server.requests("GET", "/status").size();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> server.requests("GET", "/status").size() <= polls + 1);
        assertThat(done).isCancelled();
    }

    @Test
    void cancelOperationCallsTheServersCancelAndTheOperationEndsCanceled() {
        AtomicBoolean canceled = new AtomicBoolean();
        server.on("PUT", "/thing", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/ops/1?api-version=2021-11-01"))
                .on("GET", "/ops/1", (r, n) -> json(200, canceled.get()
                        ? "{\"status\":\"Canceled\",\"error\":{\"code\":\"OperationCanceled\",\"message\":\"Canceled.\"}}"
                        : "{\"status\":\"InProgress\"}", "retry-after-ms", "5"))
                .on("POST", "/ops/1/cancel", (r, n) -> {
                    canceled.set(true);
                    return json(200, "{\"status\":\"InProgress\"}");
                });
        SyncPoller poller = Fast.client().begin(LroRequest.put(server.url("/thing"), "{}"));
        poller.poll();

        assertThat(poller.cancelOperation()).isTrue();

        assertThat(server.requests("POST", "/ops/1/cancel")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("api-version=2021-11-01"));
        assertThatThrownBy(poller::waitForCompletion).isInstanceOf(OperationCanceledException.class);
    }

    @Test
    void aFollowedStatusMonitorCanBeCanceledBeforeItsFirstPoll() {
        AtomicBoolean canceled = new AtomicBoolean();
        server.on("GET", "/ops/2", (r, n) -> json(200, canceled.get()
                        ? "{\"status\":\"Canceled\"}" : "{\"status\":\"InProgress\"}", "retry-after-ms", "5"))
                .on("POST", "/ops/2/cancel", (r, n) -> {
                    canceled.set(true);
                    return json(200, "{\"status\":\"InProgress\"}");
                });
        SyncPoller poller = Fast.client().follow(server.url("/ops/2?api-version=2021-11-01"));

        assertThat(poller.cancelOperation()).as("one poll shows the URL is a status monitor, then cancel").isTrue();

        assertThat(server.requests("GET", "/ops/2")).hasSize(1);
        assertThat(server.requests("POST", "/ops/2/cancel")).hasSize(1);
        assertThatThrownBy(poller::waitForCompletion).isInstanceOf(OperationCanceledException.class);
    }

    @Test
    void afterAnAcceptedCancelTheNextPollFollowsTheCancelAnswersAdvice() {
        AtomicBoolean canceled = new AtomicBoolean();
        server.on("PUT", "/thing", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/ops/3?api-version=2021-11-01"))
                .on("GET", "/ops/3", (r, n) -> canceled.get() ? json(200, "{\"status\":\"Canceled\"}")
                        : json(200, "{\"status\":\"InProgress\"}", "Retry-After", "40"))
                .on("POST", "/ops/3/cancel", (r, n) -> {
                    canceled.set(true);
                    return json(200, "{\"status\":\"InProgress\"}", "retry-after-ms", "10");
                });
        SyncPoller poller = LroClient.create(Fast.options().timeout(Duration.ofSeconds(10)).build())
                .begin(LroRequest.put(server.url("/thing"), "{}"));
        poller.poll();
        assertThat(poller.latest().nextPollIn()).isEqualTo(Duration.ofSeconds(40));

        assertThat(poller.cancelOperation()).isTrue();

        assertThatThrownBy(poller::waitForCompletion).as("not 40 s later: the timeout is 10 s")
                .isInstanceOf(OperationCanceledException.class);
    }

    @Test
    void aFollowedLocationOffersNoCancel() {
        server.on("GET", "/loc", (r, n) -> Reply.headers(202, "Location", "/loc"));
        SyncPoller poller = Fast.client().follow(server.url("/loc?api-version=2021-11-01"));

        assertThat(poller.cancelOperation()).isFalse();
        assertThat(server.requests().stream().filter(r -> r.path().endsWith("/cancel"))).isEmpty();
    }

    @Test
    void cancelOperationIsFalseWhereTheServerOffersNone() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Location", "/loc"))
                .on("GET", "/loc", (r, n) -> Reply.headers(202, "Location", "/loc"));
        SyncPoller poller = Fast.client().begin(LroRequest.post(server.url("/start")));

        assertThat(poller.cancelOperation()).isFalse();
        assertThat(server.requests().stream().filter(r -> r.path().endsWith("/cancel"))).isEmpty();
    }
}
