package io.asyncops.server.spi;

import io.helidon.webserver.http.ServerRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated caller of a request and the subscriptions it may see.
 *
 * <p>Rule: anything under a subscription the caller may not see answers {@code 404} exactly as if it did not exist
 * (existence is not disclosed); check with {@link #canSee}. Subscription ids compare without case; {@code "*"}
 * grants every subscription.
 *
 * @param subject       the token's {@code sub} (or {@code oid}) claim
 * @param subscriptions granted subscription ids, lower-cased
 */
public record Principal(String subject, Set<String> subscriptions) {
    /** The grant that covers every subscription. */
    public static final String ALL_SUBSCRIPTIONS = "*";

    public Principal {
        Objects.requireNonNull(subject, "subject == null");
        subscriptions = subscriptions == null ? Set.of()
                : subscriptions.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The principal the server authenticated for {@code request}.
     *
     * @throws ApiException 401 when the request was not authenticated (a route outside authentication asked)
     */
    public static Principal of(ServerRequest request) {
        return request.context().get(Principal.class)
                .orElseThrow(() -> new ApiException(401, "AuthenticationFailed",
                        "Authentication failed. The Authorization header is missing."));
    }

    /**
     * Checks that the caller may see {@code subscription}.
     *
     * @throws ApiException 404 {@code SubscriptionNotFound} otherwise, as Azure answers for a subscription that
     *                      does not exist
     */
    public void requireSubscription(String subscription) {
        if (!canSee(subscription)) {
            throw new ApiException(404, "SubscriptionNotFound",
                    "The subscription '" + subscription + "' could not be found.");
        }
    }

    /** Whether the caller may see {@code subscription} (compared without case). */
    public boolean canSee(String subscription) {
        return subscription != null && (subscriptions.contains(ALL_SUBSCRIPTIONS)
                || subscriptions.contains(subscription.toLowerCase(Locale.ROOT)));
    }
}
