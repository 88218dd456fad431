package io.asyncops.client;

import java.time.Duration;

/** The one total timeout of an operation, measured on the monotonic clock. */
final class Deadline {
    private final Duration timeout;
    private final long endNanos;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
        this.endNanos = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    }

    static Deadline of(java.util.Optional<Duration> timeout) {
        return new Deadline(timeout.orElse(null));
    }

    boolean bounded() {
        return timeout != null;
    }

    Duration timeout() {
        return timeout;
    }

    Duration remaining() {
        if (timeout == null) {
            return Duration.ofDays(365);
        }
        return Duration.ofNanos(Math.max(0L, endNanos - System.nanoTime()));
    }

    boolean expired() {
        return timeout != null && System.nanoTime() - endNanos >= 0;
    }

    /** True when something that starts after {@code delay} still starts before the end. */
    boolean fits(Duration delay) {
        return timeout == null || remaining().compareTo(delay) > 0;
    }
}
