package io.asyncops.server.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-05-01T10:00:00Z"));

    @Test
    void aClientIsLockedOutAfterItsFailuresUntilTheWindowEnds() {
        FailedSignIns limiter = new FailedSignIns(clock, 3, Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.begin("app")).isEmpty();
        }
        assertThat(limiter.begin("app")).hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofMinutes(5)));
        assertThat(limiter.begin("other")).as("other clients are not affected").isEmpty();
        clock.advance(Duration.ofMinutes(4));
        assertThat(limiter.begin("app")).hasValue(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.begin("app")).as("a new window").isEmpty();
    }

    @Test
    void successesAreNotFailuresButParallelGuessesCount() {
        FailedSignIns limiter = new FailedSignIns(clock, 2, Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.begin("app")).isEmpty();
            limiter.succeeded("app");
        }
        // two attempts in flight at once use the budget before either ends
        assertThat(limiter.begin("app")).isEmpty();
        assertThat(limiter.begin("app")).isEmpty();
        assertThat(limiter.begin("app")).isPresent();
    }

    @Test
    void memoryIsBoundedWhateverClientIdsArrive() {
        FailedSignIns limiter = new FailedSignIns(clock, 3, Duration.ofMinutes(5));
        for (int i = 0; i < FailedSignIns.MAX_TRACKED * 3; i++) {
            limiter.begin(UUID.randomUUID().toString());
        }
        assertThat(limiter.tracked()).isLessThanOrEqualTo(FailedSignIns.MAX_TRACKED);
    }
}
