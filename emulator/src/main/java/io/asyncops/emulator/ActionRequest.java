package io.asyncops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A POST action as {@link ResourceAction} sees it.
 *
 * @param type     the resource type the action belongs to
 * @param action   the action's name, e.g. {@code export}
 * @param targetId the id of the resource it acts on (its stored case), null for an action outside a resource
 *                 (e.g. {@code checkNameAvailability})
 * @param path     the path's parameters by name, as requested
 * @param body     the request body, null when there is none
 * @param caller   who asks
 * @param now      the server clock's time of the request
 */
public record ActionRequest(ResourceType type, String action, String targetId, Map<String, String> path,
                            JsonNode body, Caller caller, Instant now) {
    public ActionRequest {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(action, "action == null");
        path = Map.copyOf(path);
        Objects.requireNonNull(caller, "caller == null");
        Objects.requireNonNull(now, "now == null");
    }
}
