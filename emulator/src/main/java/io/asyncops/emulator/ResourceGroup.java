package io.asyncops.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import java.util.Map;
import java.util.Objects;

/**
 * An Azure resource group: the container every emulated resource lives in.
 *
 * @param subscriptionId    the subscription, as given when created
 * @param name              its name, in the case given when created
 * @param location          normalized region, e.g. {@code westus}
 * @param tags              its tags
 * @param provisioningState {@code Succeeded}, or {@code Deleting} while a delete runs
 */
public record ResourceGroup(
        String subscriptionId, String name, String location, Map<String, String> tags, String provisioningState) {

    public ResourceGroup {
        Objects.requireNonNull(subscriptionId, "subscriptionId == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(location, "location == null");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        Objects.requireNonNull(provisioningState, "provisioningState == null");
    }

    /** {@code /subscriptions/{sub}/resourceGroups/{name}}. */
    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + name;
    }

    /** The body Azure answers for this resource group. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", id());
        node.put("name", name);
        node.put("type", "Microsoft.Resources/resourceGroups");
        node.put("location", location);
        node.set("tags", Json.mapper().valueToTree(new java.util.TreeMap<>(tags)));
        node.putObject("properties").put("provisioningState", provisioningState);
        return node;
    }

    ResourceGroup withProvisioningState(String value) {
        return new ResourceGroup(subscriptionId, name, location, tags, value);
    }
}
