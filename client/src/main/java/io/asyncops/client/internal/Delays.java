package io.asyncops.client.internal;

import io.asyncops.protocol.HeaderNames;
import io.asyncops.protocol.RetryAfter;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The poll-delay rule: the server's advice, else a default, bounded, then jittered. */
public final class Delays {
    private Delays() {
    }

    /**
     * The delay a response advises: {@code retry-after-ms}, then {@code x-ms-retry-after-ms}, then {@code Retry-After}
     * (seconds or HTTP-date). The first valid one wins; invalid values are skipped.
     */
    public static Optional<Duration> advised(HttpHeaders headers, Instant now) {
        for (String ms : new String[] {HeaderNames.RETRY_AFTER_MS, HeaderNames.X_MS_RETRY_AFTER_MS}) {
            Optional<Duration> d = headers.firstValue(ms).flatMap(RetryAfter::parseMillis);
            if (d.isPresent()) {
                return d;
            }
        }
        return headers.firstValue(HeaderNames.RETRY_AFTER).flatMap(v -> RetryAfter.parse(v, now));
    }

    /**
     * The wait before the next poll.
     *
     * @param advised  the server's advice, if any
     * @param fallback used when there is none
     * @param floor    lower bound
     * @param ceiling  upper bound
     * @param jitter   random lengthening, a fraction 0 to 1 of the bounded delay (never past the ceiling)
     */
    public static Duration pollDelay(Optional<Duration> advised, Duration fallback, Duration floor, Duration ceiling,
                                     double jitter) {
        Duration d = clamp(advised.orElse(fallback), floor, ceiling);
        if (jitter > 0 && !d.isZero()) {
            long extra = (long) (d.toNanos() * jitter * ThreadLocalRandom.current().nextDouble());
            d = clamp(d.plusNanos(extra), floor, ceiling);
        }
        return d;
    }

    /** {@code d} bounded by {@code floor} and {@code ceiling}. */
    public static Duration clamp(Duration d, Duration floor, Duration ceiling) {
        if (d.compareTo(floor) < 0) {
            return floor;
        }
        return d.compareTo(ceiling) > 0 ? ceiling : d;
    }
}
