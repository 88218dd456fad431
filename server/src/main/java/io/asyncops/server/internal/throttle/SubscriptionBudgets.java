package io.asyncops.server.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.asyncops.server.Throttling;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

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
        Buckets b = buckets.get(subscription.toLowerCase(Locale.ROOT), k -> new Buckets(config, clock.millis()));
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

    /** A token bucket with fractional tokens. */
    private static final class Bucket {
        private final int capacity;
        private final double perMilli;
        private double tokens;
        private long at;

        Bucket(int capacity, Duration window, long now) {
            this.capacity = capacity;
            this.perMilli = capacity / (double) window.toMillis();
            this.tokens = capacity;
            this.at = now;
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - at) * perMilli);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return (long) Math.floor(tokens);
            }
            return -Math.max(1, (long) Math.ceil((1 - tokens) / perMilli));
        }
    }
}
