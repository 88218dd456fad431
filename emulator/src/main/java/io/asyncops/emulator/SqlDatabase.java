package io.asyncops.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A database on a logical server ({@code Microsoft.Sql/servers/databases}).
 *
 * @param subscriptionId    the subscription
 * @param resourceGroup     the resource group's name
 * @param serverName        the server's name
 * @param name              the database name
 * @param location          normalized region (the server's)
 * @param tags              its tags
 * @param sku               its pricing tier
 * @param maxSizeBytes      its maximum size
 * @param collation         e.g. {@code SQL_Latin1_General_CP1_CI_AS}
 * @param status            {@code Creating}, {@code Online}, {@code Scaling}...
 * @param provisioningState {@code Creating}, {@code Updating}, {@code Deleting}, {@code Succeeded}, {@code Failed} or {@code Canceled}
 * @param databaseId        a stable UUID
 * @param creationDate      when it was requested
 */
public record SqlDatabase(
        String subscriptionId,
        String resourceGroup,
        String serverName,
        String name,
        String location,
        Map<String, String> tags,
        Sku sku,
        long maxSizeBytes,
        String collation,
        String status,
        String provisioningState,
        String databaseId,
        OffsetDateTime creationDate) {

    public SqlDatabase {
        Objects.requireNonNull(subscriptionId, "subscriptionId == null");
        Objects.requireNonNull(resourceGroup, "resourceGroup == null");
        Objects.requireNonNull(serverName, "serverName == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(location, "location == null");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        Objects.requireNonNull(sku, "sku == null");
        Objects.requireNonNull(collation, "collation == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(provisioningState, "provisioningState == null");
        Objects.requireNonNull(databaseId, "databaseId == null");
        Objects.requireNonNull(creationDate, "creationDate == null");
    }

    /** {@code .../providers/Microsoft.Sql/servers/{server}/databases/{name}}. */
    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Sql/servers/" + serverName + "/databases/" + name;
    }

    /** The body Azure answers for this database. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.set("sku", Json.mapper().valueToTree(sku));
        node.put("kind", sku.family() != null ? "v12.0,user,vcore" : "v12.0,user");
        node.put("id", id());
        node.put("name", name);
        node.put("type", "Microsoft.Sql/servers/databases");
        node.put("location", location);
        node.set("tags", Json.mapper().valueToTree(new TreeMap<>(tags)));
        ObjectNode properties = node.putObject("properties");
        properties.put("collation", collation);
        properties.put("maxSizeBytes", maxSizeBytes);
        properties.put("status", status);
        properties.put("databaseId", databaseId);
        properties.put("creationDate", creationDate.withOffsetSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        properties.put("currentServiceObjectiveName", sku.name());
        properties.put("requestedServiceObjectiveName", sku.name());
        properties.put("catalogCollation", "SQL_Latin1_General_CP1_CI_AS");
        properties.put("zoneRedundant", false);
        properties.put("readScale", "Disabled");
        properties.set("currentSku", Json.mapper().valueToTree(sku));
        properties.put("currentBackupStorageRedundancy", "Geo");
        properties.put("requestedBackupStorageRedundancy", "Geo");
        properties.put("isLedgerOn", false);
        properties.put("provisioningState", provisioningState);
        return node;
    }

    /** A copy in another provisioning state and status. */
    public SqlDatabase withStates(String newStatus, String newProvisioningState) {
        return new SqlDatabase(subscriptionId, resourceGroup, serverName, name, location, tags, sku, maxSizeBytes,
                collation, newStatus, newProvisioningState, databaseId, creationDate);
    }
}
