package io.asyncops.server.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.asyncops.server.Throttling;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The budgets of every subscription in use: a token bucket per subscription and kind (read, write), full at first,
 * refilled continuously at {@code budget / window}. Memory is bounded whatever subscription ids clients send: at most
 * {@value #MAX_SUBSCRIPTIONS} are tracked (the least recently used go first) and an idle one is forgotten after a
 * window, when its bucket would be full again anyway.
 */
final class SubscriptionBudgets {
    static final int MAX_SUBSCRIPTIONS = 100_000;

    /**
     * What one request took, as one number (a poll takes from a budget on every request, so no object is made for
     * it): at least 0, the whole requests left after an allowed one; below 0, a refused one, {@code -take} being the
     * milliseconds until a request is allowed again.
     */
    static boolean allowed(long take) {
        return take >= 0;
    }

    /** The whole requests left after {@code take} (0 when refused). */
    static long remaining(long take) {
        return Math.max(0, take);
    }

    /** How long until a request is allowed again after the refused {@code take}. */
    static Duration retryAfter(long take) {
        return take >= 0 ? Duration.ZERO : Duration.ofMillis(-take);
    }

    private final Throttling config;
    private final Clock clock;
    private final Cache<String, Buckets> buckets;

    SubscriptionBudgets(Throttling config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_SUBSCRIPTIONS).expireAfterAccess(config.window())
                // upkeep on the reading thread: by default a full read buffer hands it to the common pool, waking a
                // thread every few reads (on a status poll, a futex wake-up and a context switch per ~5 requests)
                .executor(Runnable::run).build();
    }

    /** Takes one request of {@code subscription}'s read or write budget, if there is one left; see {@link #allowed}. */
    long take(String subscription, boolean write) {
        String key = subscription.toLowerCase(Locale.ROOT);
        Buckets b = buckets.getIfPresent(key);
        if (b == null) {
            b = buckets.get(key, k -> new Buckets(config, clock.millis()));
        }
        return (write ? b.writes : b.reads).take(clock.millis());
    }

    /** A subscription's two buckets. */
    private static final class Buckets {
        final Bucket reads;
        final Bucket writes;

        Buckets(Throttling config, long now) {
            this.reads = new Bucket(config.reads(), config.window(), now);
            this.writes = new Bucket(config.writes(), config.window(), now);
        }
    }

    /**
     * A token bucket with fractional tokens, refilled continuously, kept as one number without a lock: the time
     * (milliseconds since the bucket was made) at which it would be full again, as in the generic cell rate
     * algorithm. At time {@code now} it holds {@code (now + window - max(full, now)) / interval} tokens, at most
     * its capacity; a take moves {@code full} one interval later. Every connection polling a subscription takes
     * from its one bucket: a lock there made pollers queue (and park) behind a holder the OS had descheduled.
     */
    private static final class Bucket {
        /** Slack for the rounding of fractional intervals: a nanosecond. */
        private static final double SLACK = 1e-6;
        private final double interval;
        private final double window;
        private final long base;
        /** The bits of the double {@code full}. */
        private final AtomicLong full = new AtomicLong(Double.doubleToRawLongBits(0));

        Bucket(int capacity, Duration window, long now) {
            this.window = window.toMillis();
            this.interval = this.window / capacity;
            this.base = now;
        }

        long take(long nowMillis) {
            double now = Math.max(0, nowMillis - base);
            while (true) {
                long bits = full.get();
                double from = Math.max(Double.longBitsToDouble(bits), now);
                double next = from + interval;
                double late = next - window - now; // > 0: the bucket holds less than one token
                if (late > SLACK) {
                    return -Math.max(1, (long) Math.ceil(late));
                }
                if (full.compareAndSet(bits, Double.doubleToRawLongBits(next))) {
                    return Math.max(0, (long) Math.floor((now + window - next) / interval + SLACK));
                }
            }
        }
    }
}
