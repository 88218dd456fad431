package io.asyncops.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-subscription request budgets, as Azure Resource Manager keeps them: each subscription has a read budget
 * ({@code GET}, {@code HEAD}) and a write budget (the other methods), each refilled evenly over its window. Every
 * answer under {@code /subscriptions/{id}} reports what is left in {@code x-ms-ratelimit-remaining-subscription-reads}
 * / {@code -writes}; when {@linkplain #enforced() enforced} (off by default), a request past its budget is refused
 * with {@code 429 SubscriptionRequestsThrottled} and a {@code Retry-After} saying when the next one fits.
 *
 * @param enforced whether an exhausted budget refuses requests (the headers are sent either way)
 * @param reads    read requests per {@code window}
 * @param writes   write requests per {@code window}
 * @param window   the time over which a full budget refills
 */
public record Throttling(boolean enforced, int reads, int writes, Duration window) {
    /** ARM's documented budgets: 12,000 reads and 1,200 writes per subscription per hour. */
    public static final Throttling ARM_DEFAULTS = new Throttling(false, 12_000, 1_200, Duration.ofHours(1));

    public Throttling {
        Objects.requireNonNull(window, "window == null");
        if (reads < 1 || writes < 1) {
            throw new IllegalArgumentException("budgets must be at least 1: reads " + reads + ", writes " + writes);
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the window must be 1 s..1 day: " + window);
        }
    }

    /** The same budgets, enforced. */
    public Throttling enforce() {
        return new Throttling(true, reads, writes, window);
    }
}
