package io.asyncops.client;

import static io.asyncops.client.ScriptedServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.client.ScriptedServer.Recorded;
import io.asyncops.client.ScriptedServer.Reply;
import io.asyncops.client.internal.Delays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Retry-After on every poll, its three forms, the default, floor, ceiling and jitter. Real time, real HTTP. */
class PollDelayTest {
    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A status monitor that answers InProgress with {@code headers} {@code polls - 1} times, then Succeeded. */
    private void monitor(int polls, String... headers) {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Azure-AsyncOperation", "/s"))
                .on("GET", "/s", (r, n) -> n < polls ? json(200, "{\"status\":\"InProgress\"}", headers)
                        : json(200, "{\"status\":\"Succeeded\"}"));
    }

    private List<Duration> gapsBetweenPolls() {
        List<Recorded> polls = server.requests("GET", "/s");
        List<Recorded> all = server.requests();
        long previous = all.get(0).nanos();
        java.util.ArrayList<Duration> gaps = new java.util.ArrayList<>();
        for (Recorded p : polls) {
            gaps.add(Duration.ofNanos(p.nanos() - previous));
            previous = p.nanos();
        }
        return gaps;
    }

    @Test
    void retryAfterMsIsHonouredOnEveryPoll() {
        monitor(3, "retry-after-ms", "300");
        LroClient client = LroClient.create(Fast.options().defaultPollInterval(Duration.ofMillis(1)).build());

        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        List<Duration> gaps = gapsBetweenPolls();
        assertThat(gaps).hasSize(3);
        assertThat(gaps.subList(1, 3)).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(Duration.ofMillis(290)));
    }

    @Test
    void theMillisecondHeadersWinOverRetryAfter() {
        monitor(2, "x-ms-retry-after-ms", "5", "Retry-After", "30");
        LroClient client = LroClient.create(Fast.options().build());

        long start = System.nanoTime();
        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        monitor(2, "Retry-After", "1");
        LroClient client = LroClient.create(Fast.options().build());

        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(gapsBetweenPolls().get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredAgainstTheClock() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(1),
                ZoneOffset.UTC));
        monitor(2, "Retry-After", inTwoSeconds);
        LroClient client = LroClient.create(Fast.options().clock(Clock.fixed(now, ZoneOffset.UTC)).build());

        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(gapsBetweenPolls().get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void invalidValuesAreIgnoredAndTheDefaultUsed() {
        monitor(3, "Retry-After", "/bar", "retry-after-ms", "soon");
        LroClient client = LroClient.create(Fast.options().defaultPollInterval(Duration.ofMillis(200)).build());

        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(gapsBetweenPolls().subList(1, 3)).allSatisfy(g ->
                assertThat(g).isGreaterThanOrEqualTo(Duration.ofMillis(190)));
    }

    @Test
    void theCeilingShortensALongRetryAfter() {
        monitor(3, "Retry-After", "3600");
        LroClient client = LroClient.create(Fast.options().maxPollInterval(Duration.ofMillis(20)).build());

        long start = System.nanoTime();
        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theFloorLengthensAZeroRetryAfter() {
        monitor(3, "Retry-After", "0");
        LroClient client = LroClient.create(Fast.options().minPollInterval(Duration.ofMillis(250)).build());

        client.begin(LroRequest.post(server.url("/start"))).waitForCompletion();

        assertThat(gapsBetweenPolls().subList(1, 3)).allSatisfy(g ->
                assertThat(g).isGreaterThanOrEqualTo(Duration.ofMillis(240)));
    }

    @Test
    void theSnapshotTellsTheWaitBeforeTheNextPoll() {
        monitor(2, "retry-after-ms", "1234");
        LroClient client = LroClient.create(Fast.options().build());
        SyncPoller poller = client.begin(LroRequest.post(server.url("/start")));

        PollSnapshot afterFirst = poller.poll();

        assertThat(afterFirst.nextPollIn()).isEqualTo(Duration.ofMillis(1234));
        assertThat(afterFirst.polls()).isEqualTo(1);
        assertThat(afterFirst.done()).isFalse();
    }

    @RepeatedTest(20)
    void jitterOnlyLengthensAndStaysUnderTheCeiling() {
        Duration d = Delays.pollDelay(Optional.of(Duration.ofSeconds(10)), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(11), 0.5);
        assertThat(d).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
    }

    @Test
    void withoutAdviceTheDefaultIsUsedThenBounded() {
        assertThat(Delays.pollDelay(Optional.empty(), Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(60), 0))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(Delays.pollDelay(Optional.of(Duration.ZERO), Duration.ofSeconds(1), Duration.ofMillis(5),
                Duration.ofSeconds(60), 0)).isEqualTo(Duration.ofMillis(5));
    }
}
