package io.asyncops.server.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Brute-force protection of the token endpoint, per client id: at most {@code maxFailures} wrong secrets in a
 * {@code window}; then every sign-in of that client is refused, without checking its secret, until the window ends.
 *
 * <p>An attempt counts as a failure from the moment it starts (and is taken back when it succeeds), so parallel
 * guesses cannot outrun the count. Only existing principals are tracked (an unknown client id is refused before any
 * secret is hashed), and at most {@value #MAX_TRACKED} of them: memory never grows with what clients send.
 */
final class FailedSignIns {
    static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Cache<String, Window> windows;

    /** Failures of one client since {@code start}. */
    private record Window(Instant start, int failures) {
    }

    FailedSignIns(Clock clock, int maxFailures, Duration window) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive: " + maxFailures);
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.windows = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(window).build();
    }

    /**
     * Starts an attempt of {@code appId}: empty when it may proceed (counted as a failure until {@link #succeeded}),
     * else how long the client must wait.
     */
    Optional<Duration> begin(String appId) {
        Instant now = clock.instant();
        Duration[] wait = {null};
        windows.asMap().compute(appId, (id, w) -> {
            Window current = w == null || !now.isBefore(w.start().plus(window)) ? new Window(now, 0) : w;
            if (current.failures() >= maxFailures) {
                wait[0] = Duration.between(now, current.start().plus(window));
                return current;
            }
            return new Window(current.start(), current.failures() + 1);
        });
        return Optional.ofNullable(wait[0]);
    }

    /** How many clients are tracked now (at most {@value #MAX_TRACKED}). */
    long tracked() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /** The attempt {@link #begin} counted for {@code appId} succeeded: it is not a failure. */
    void succeeded(String appId) {
        windows.asMap().computeIfPresent(appId, (id, w) -> new Window(w.start(), Math.max(0, w.failures() - 1)));
    }
}
