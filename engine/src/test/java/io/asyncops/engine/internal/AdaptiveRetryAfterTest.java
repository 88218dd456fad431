package io.asyncops.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdaptiveRetryAfterTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration FLOOR = Duration.ofSeconds(1);
    private static final Duration CEILING = Duration.ofSeconds(60);
    private final AdaptiveRetryAfter policy = new AdaptiveRetryAfter();

    @Test
    void startsAtTheFloorAndGrowsWithTheOperationsAge() {
        Operation op = running(null);

        assertThat(advice(op, 0)).isEqualTo(Duration.ofSeconds(1));     // right after the 202, as the seed saw
        assertThat(advice(op, 1_500)).isEqualTo(Duration.ofSeconds(1));
        assertThat(advice(op, 3_000)).isEqualTo(Duration.ofSeconds(2)); // 1.5 s rounds up
        assertThat(advice(op, 10_000)).isEqualTo(Duration.ofSeconds(5));
        assertThat(advice(op, 40_000)).isEqualTo(Duration.ofSeconds(20)); // as the seed saw later on
        assertThat(advice(op, 600_000)).isEqualTo(CEILING);
    }

    @Test
    void followsTheHandlersEstimateWhileItLies() {
        Operation op = running(CREATED.plusSeconds(30));

        assertThat(advice(op, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(advice(op, 22_800)).isEqualTo(Duration.ofSeconds(8)); // 7.2 s left rounds up
        assertThat(advice(op, 29_500)).isEqualTo(Duration.ofSeconds(1));
        // overdue: back to the age rule
        assertThat(advice(op, 44_000)).isEqualTo(Duration.ofSeconds(22));
    }

    @Test
    void estimatesBeyondTheCeilingAreClamped() {
        Operation op = running(CREATED.plus(Duration.ofHours(2)));

        assertThat(advice(op, 0)).isEqualTo(CEILING);
        assertThat(AdaptiveRetryAfter.clamp(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(9)))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(AdaptiveRetryAfter.clamp(null, Duration.ofSeconds(5), Duration.ofSeconds(9)))
                .isEqualTo(Duration.ofSeconds(5));
    }

    private Duration advice(Operation op, long millisAfterCreation) {
        return AdaptiveRetryAfter.clamp(policy.advise(op, CREATED.plusMillis(millisAfterCreation)), FLOOR, CEILING);
    }

    private static Operation running(Instant expectedEnd) {
        return new Operation(OperationId.random(), null, "k", null, null, OperationStatus.IN_PROGRESS, null, CREATED,
                CREATED, null, expectedEnd, null, null, null, 1, null, null, null, false, 2);
    }
}
