package io.asyncops.engine.internal;

import io.asyncops.engine.Operation;
import io.asyncops.engine.RetryAfterPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * The built-in Retry-After advice. With the handler's estimate of the end, it advises the time left; without
 * one, half the operation's age, so a poller asks again when the operation has run half as long again and
 * overshoots its end by at most a third of the total. It starts at the floor (Azure answers 1 s right after the
 * 202) and grows as the operation runs on (20 s once it has run 40 s). Whole seconds, rounded up, since
 * Retry-After carries seconds.
 */
final class AdaptiveRetryAfter implements RetryAfterPolicy {
    @Override
    public Duration advise(Operation operation, Instant now) {
        if (operation.expectedEndAt() != null && operation.expectedEndAt().isAfter(now)) {
            return ceilSeconds(Duration.between(now, operation.expectedEndAt()));
        }
        return ceilSeconds(operation.age(now).dividedBy(2));
    }

    static Duration ceilSeconds(Duration d) {
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(seconds);
    }

    /** Keeps {@code advice} within {@code floor} and {@code ceiling}. */
    static Duration clamp(Duration advice, Duration floor, Duration ceiling) {
        if (advice == null || advice.compareTo(floor) < 0) {
            return floor;
        }
        return advice.compareTo(ceiling) > 0 ? ceiling : advice;
    }
}
