package io.asyncops.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before retrying a request that failed transiently (an I/O error, a 5xx, a 429 without
 * {@code Retry-After}). Attempts count from 1. Implementations must be thread-safe.
 *
 * <pre>{@code Backoff.exponential(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10)).withJitter(0.2)}</pre>
 */
@FunctionalInterface
public interface Backoff {

    /** The wait before retry number {@code attempt} (1 for the first retry); never negative. */
    Duration delay(int attempt);

    /** The same wait before every retry. */
    static Backoff fixed(Duration delay) {
        Objects.requireNonNull(delay, "delay == null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return attempt -> delay;
    }

    /**
     * {@code initial * multiplier^(attempt-1)}, capped at {@code max}.
     *
     * @throws IllegalArgumentException when initial is negative, max is below initial or multiplier is below 1
     */
    static Backoff exponential(Duration initial, double multiplier, Duration max) {
        Objects.requireNonNull(initial, "initial == null");
        Objects.requireNonNull(max, "max == null");
        if (initial.isNegative()) {
            throw new IllegalArgumentException("initial must not be negative: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max (" + max + ") must not be below initial (" + initial + ")");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1: " + multiplier);
        }
        long initialNanos = initial.toNanos();
        long maxNanos = max.toNanos();
        return attempt -> {
            double nanos = initialNanos * Math.pow(multiplier, Math.max(0, attempt - 1));
            return Duration.ofNanos(nanos >= maxNanos ? maxNanos : (long) nanos);
        };
    }

    /** The default: 200 ms, doubling, at most 10 s, with 20 % jitter. */
    static Backoff defaultBackoff() {
        return exponential(Duration.ofMillis(200), 2.0, Duration.ofSeconds(10)).withJitter(0.2);
    }

    /**
     * This backoff with each wait spread randomly by up to {@code fraction} either way, so that many clients that
     * failed together do not retry together.
     *
     * @param fraction between 0 and 1
     */
    default Backoff withJitter(double fraction) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1: " + fraction);
        }
        Backoff base = this;
        return attempt -> {
            long nanos = base.delay(attempt).toNanos();
            double factor = 1.0 + fraction * (2 * ThreadLocalRandom.current().nextDouble() - 1.0);
            return Duration.ofNanos(Math.max(0L, (long) (nanos * factor)));
        };
    }
}
