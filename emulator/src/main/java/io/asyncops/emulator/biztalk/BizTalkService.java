package io.asyncops.emulator.biztalk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A BizTalk Services deployment as the provider keeps it.
 *
 * @param subscription   the subscription id, as first given
 * @param cloudService   the hosting cloud service's name, as first given
 * @param name           the deployment's name, as first given (unique across all subscriptions, it becomes a host name)
 * @param plan           the plan, the same as the edition
 * @param edition        the edition
 * @param region         the region's display name, e.g. {@code West US}
 * @param schemaVersion  {@code 1.0}
 * @param tags           the tags, by key, without the fault tag
 * @param state          where it is in its life cycle
 * @param etag           changes with every change
 * @param lastAction     the last management action started on it
 * @param lastRequestId  the handle ({@code x-ms-request-id}) of that action's operation
 * @param createdAt      when its create was accepted
 */
public record BizTalkService(
        String subscription,
        String cloudService,
        String name,
        Edition plan,
        Edition edition,
        String region,
        String schemaVersion,
        Map<String, String> tags,
        ServiceState state,
        String etag,
        BizTalkAction lastAction,
        String lastRequestId,
        Instant createdAt) {

    public BizTalkService {
        Objects.requireNonNull(subscription, "subscription == null");
        Objects.requireNonNull(cloudService, "cloudService == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(edition, "edition == null");
        Objects.requireNonNull(state, "state == null");
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The URL the deployment serves its bridges and portal under. */
    public String serviceUrl() {
        return "https://" + name.toLowerCase(java.util.Locale.ROOT) + ".biztalk.windows.net/default/";
    }
}
