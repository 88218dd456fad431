package io.asyncops.server.internal.throttle;

import io.asyncops.protocol.HeaderNames;
import io.asyncops.server.Throttling;
import io.asyncops.server.internal.http.StickyHeaders;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Principal;
import io.helidon.http.HeaderName;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts each authenticated request under {@code /subscriptions/{id}} against that subscription's read or write
 * budget ({@link Throttling}) and reports what is left on the answer; when enforced, refuses one past its budget with
 * {@code 429 SubscriptionRequestsThrottled} and {@code Retry-After}. Only subscriptions the caller may see are
 * counted, so no one can spend another's budget; the classic plane is not throttled (ARM's headers are ARM's).
 */
public final class ThrottleFilter implements Filter {
    private static final String PREFIX = "/subscriptions/";
    private static final HeaderName REMAINING_READS =
            io.helidon.http.HeaderNames.create(HeaderNames.RATELIMIT_REMAINING_READS);
    private static final HeaderName REMAINING_WRITES =
            io.helidon.http.HeaderNames.create(HeaderNames.RATELIMIT_REMAINING_WRITES);

    private final Throttling config;
    private final SubscriptionBudgets budgets;

    public ThrottleFilter(Throttling config, Clock clock) {
        this.config = config;
        this.budgets = new SubscriptionBudgets(config, clock);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> subscription = subscription(req.prologue().uriPath().rawPath());
        Optional<Principal> principal = req.context().get(Principal.class);
        if (subscription.isEmpty() || principal.isEmpty() || !principal.get().canSee(subscription.get())) {
            chain.proceed();
            return;
        }
        Method method = req.prologue().method();
        boolean write = !(method.equals(Method.GET) || method.equals(Method.HEAD));
        long take = budgets.take(subscription.get(), write);
        HeaderName header = write ? REMAINING_WRITES : REMAINING_READS;
        String remaining = Long.toString(SubscriptionBudgets.remaining(take));
        req.context().register(new StickyHeaders(header, remaining));
        res.header(header, remaining);
        if (!SubscriptionBudgets.allowed(take) && config.enforced()) {
            long seconds = Math.max(1, (SubscriptionBudgets.retryAfter(take).toMillis() + 999) / 1000);
            String kind = write ? "write" : "read";
            throw new ApiException(429, "SubscriptionRequestsThrottled", "Number of '" + kind + "' requests for"
                    + " subscription '" + subscription.get() + "' exceeded the limit of "
                    + (write ? config.writes() : config.reads()) + " per " + human(config.window())
                    + ". Please try again after " + seconds + " seconds.")
                    .withHeader(HeaderNames.RETRY_AFTER, Long.toString(seconds));
        }
        chain.proceed();
    }

    /** The subscription id of an ARM path, as sent (the edge checks its length). */
    static Optional<String> subscription(String rawPath) {
        if (rawPath.length() <= PREFIX.length() || !rawPath.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        int end = rawPath.indexOf('/', PREFIX.length());
        String id = end < 0 ? rawPath.substring(PREFIX.length()) : rawPath.substring(PREFIX.length(), end);
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    private static String human(Duration window) {
        if (window.toSeconds() % 3600 == 0) {
            return window.toHours() == 1 ? "hour" : window.toHours() + " hours";
        }
        if (window.toSeconds() % 60 == 0) {
            return window.toMinutes() == 1 ? "minute" : window.toMinutes() + " minutes";
        }
        return window.toSeconds() + " seconds";
    }
}
