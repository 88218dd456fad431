package io.asyncops.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An Azure SQL logical server ({@code Microsoft.Sql/servers}). Its name is globally unique (it is a DNS name).
 * The administrator password is never kept.
 *
 * @param subscriptionId       the subscription
 * @param resourceGroup        the resource group's name
 * @param name                 the server name (lower-case letters, digits, hyphens)
 * @param location             normalized region
 * @param tags                 its tags
 * @param administratorLogin   the SQL administrator login
 * @param version              {@code 12.0}
 * @param minimalTlsVersion    {@code 1.0}, {@code 1.1}, {@code 1.2}, or null when not set
 * @param publicNetworkAccess  {@code Enabled} or {@code Disabled}
 * @param state                {@code Ready} once created, null before
 * @param provisioningState    {@code Creating}, {@code Updating}, {@code Deleting}, {@code Succeeded}, {@code Failed} or {@code Canceled}
 */
public record SqlServer(
        String subscriptionId,
        String resourceGroup,
        String name,
        String location,
        Map<String, String> tags,
        String administratorLogin,
        String version,
        String minimalTlsVersion,
        String publicNetworkAccess,
        String state,
        String provisioningState) {

    public SqlServer {
        Objects.requireNonNull(subscriptionId, "subscriptionId == null");
        Objects.requireNonNull(resourceGroup, "resourceGroup == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(location, "location == null");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        Objects.requireNonNull(administratorLogin, "administratorLogin == null");
        Objects.requireNonNull(version, "version == null");
        Objects.requireNonNull(publicNetworkAccess, "publicNetworkAccess == null");
        Objects.requireNonNull(provisioningState, "provisioningState == null");
    }

    /** {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Sql/servers/{name}}. */
    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Sql/servers/" + name;
    }

    /** {@code {name}.database.windows.net}. */
    public String fullyQualifiedDomainName() {
        return name + ".database.windows.net";
    }

    /** The body Azure answers for this server (without the password, as Azure). */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", id());
        node.put("name", name);
        node.put("type", "Microsoft.Sql/servers");
        node.put("location", location);
        node.put("kind", "v12.0");
        node.set("tags", Json.mapper().valueToTree(new TreeMap<>(tags)));
        ObjectNode properties = node.putObject("properties");
        properties.put("administratorLogin", administratorLogin);
        properties.put("version", version);
        if (state != null) {
            properties.put("state", state);
        }
        properties.put("fullyQualifiedDomainName", fullyQualifiedDomainName());
        properties.putArray("privateEndpointConnections");
        if (minimalTlsVersion != null) {
            properties.put("minimalTlsVersion", minimalTlsVersion);
        }
        properties.put("publicNetworkAccess", publicNetworkAccess);
        properties.put("restrictOutboundNetworkAccess", "Disabled");
        properties.put("provisioningState", provisioningState);
        return node;
    }

    /** A copy in another provisioning state. */
    public SqlServer withProvisioningState(String value) {
        return new SqlServer(subscriptionId, resourceGroup, name, location, tags, administratorLogin, version,
                minimalTlsVersion, publicNetworkAccess, state, value);
    }

    /** A copy with another {@code state}. */
    public SqlServer withState(String value) {
        return new SqlServer(subscriptionId, resourceGroup, name, location, tags, administratorLogin, version,
                minimalTlsVersion, publicNetworkAccess, value, provisioningState);
    }
}
