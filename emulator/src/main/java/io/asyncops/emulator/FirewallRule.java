package io.asyncops.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import java.util.Objects;

/**
 * A server-level firewall rule ({@code Microsoft.Sql/servers/firewallRules}); the range {@code 0.0.0.0-0.0.0.0}
 * named {@code AllowAllWindowsAzureIps} is the one the Azure SDK adds after creating a server.
 */
public record FirewallRule(
        String subscriptionId, String resourceGroup, String serverName, String name,
        String startIpAddress, String endIpAddress) {

    public FirewallRule {
        Objects.requireNonNull(subscriptionId, "subscriptionId == null");
        Objects.requireNonNull(resourceGroup, "resourceGroup == null");
        Objects.requireNonNull(serverName, "serverName == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(startIpAddress, "startIpAddress == null");
        Objects.requireNonNull(endIpAddress, "endIpAddress == null");
    }

    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Sql/servers/" + serverName + "/firewallRules/" + name;
    }

    /** The body Azure answers for this rule. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", id());
        node.put("name", name);
        node.put("type", "Microsoft.Sql/servers/firewallRules");
        ObjectNode properties = node.putObject("properties");
        properties.put("startIpAddress", startIpAddress);
        properties.put("endIpAddress", endIpAddress);
        return node;
    }
}
