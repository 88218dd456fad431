package io.asyncops.server.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A service principal of the identity endpoint: what {@code az login --service-principal -u <appId>} signs in as.
 *
 * @param appId         the application (client) id, a UUID
 * @param displayName   a name for people
 * @param subscriptions the subscriptions its tokens grant (lower-case ids, sorted)
 * @param createdAt     when it was made
 */
public record ServicePrincipal(String appId, String displayName, List<String> subscriptions, Instant createdAt) {
    public ServicePrincipal {
        Objects.requireNonNull(appId, "appId == null");
        Objects.requireNonNull(displayName, "displayName == null");
        subscriptions = List.copyOf(subscriptions);
        Objects.requireNonNull(createdAt, "createdAt == null");
    }
}
