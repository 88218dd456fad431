package io.asyncops.emulator.internal.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.ProvisioningState;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.emulator.internal.store.NewRow;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.emulator.internal.store.Row;
import io.asyncops.emulator.resources.ResourceGroups;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Soft delete ({@link ResourceType.Builder#softDelete}): the record a delete leaves, written in the delete's
 * transaction, and the record a create of the same name finds. A record lives at its deleted type's path in the
 * resource's subscription and region, under the resource's name.
 */
final class SoftDeletes {
    /** The most resources of one soft-deleting type a resource group's delete records. */
    private static final int MAX_PER_GROUP = 10_000;

    private SoftDeletes() {
    }

    /** The id of the record of a resource of {@code type} named {@code name} in {@code location}, or null. */
    static String recordId(ResourceTypes types, ResourceType type, String subscription, String location,
                           String name) {
        ResourceType deleted = deletedType(types, type);
        if (deleted == null || location == null) {
            return null;
        }
        List<String> params = deleted.path().parameterNames();
        Map<String, String> values = new HashMap<>();
        values.put(params.get(0), subscription);
        values.put(deleted.locationParameter(), location);
        values.put(params.get(params.size() - 1), name);
        return deleted.path().expand(values);
    }

    /** The record holding the name a create of {@code type} wants, if any. */
    static Optional<Resource> find(Connection c, ResourceTypes types, ResourceType type, String subscription,
                                   String location, String name) throws SQLException {
        String id = recordId(types, type, subscription, location, name);
        return id == null ? Optional.empty() : ResourceStore.find(c, ResourceStore.key(id)).map(Row::resource);
    }

    /** The refusal of a recover with nothing to recover. */
    static AzureException nothingToRecover(ResourceType type, String name, String location) {
        return new AzureException(404, "ResourceNotFound", "There is no deleted " + type.type() + " named '" + name
                + "' in location '" + location + "' to recover.");
    }

    /**
     * Records {@code resource} as deleted when its type soft-deletes and its hooks say so; replaces an earlier
     * record of the name.
     */
    private static void record(Connection c, ResourceTypes types, Resource resource, Instant now) throws SQLException {
        ResourceType type = types.find(resource.type()).orElse(null);
        ResourceType deleted = type == null ? null : deletedType(types, type);
        if (deleted == null) {
            return;
        }
        String id = recordId(types, type, resource.subscription(), resource.location(), resource.name());
        ObjectNode body = id == null ? null : type.hooks().softDeleted(resource, now);
        if (body == null) {
            return;
        }
        String key = ResourceStore.key(id);
        Optional<Row> earlier = ResourceStore.find(c, key);
        if (earlier.isPresent()) {
            ResourceStore.deleteTree(c, earlier.get());
        }
        ObjectNode wrapped = Envelope.wrap(deleted, id, resource.name(), null, body);
        String scope = id.substring(0, id.length() - resource.name().length() - 1);
        scope = scope.substring(0, scope.lastIndexOf('/'));
        ResourceStore.insert(c, new NewRow(id, deleted.type(), ResourceStore.key(scope), resource.subscription(), null,
                resource.name(), false, resource.location(), wrapped, null, ProvisioningState.SUCCEEDED, Core.newEtag(),
                now));
    }

    /**
     * Records what a delete of {@code resource} soft-deletes: itself, or for a resource group every resource of a
     * soft-deleting type in it.
     */
    static void recordTree(Connection c, ResourceTypes types, Resource resource, Instant now) throws SQLException {
        if (resource.type().equalsIgnoreCase(ResourceGroups.TYPE)) {
            recordGroup(c, types, resource, now);
        } else {
            record(c, types, resource, now);
        }
    }

    private static void recordGroup(Connection c, ResourceTypes types, Resource group, Instant now)
            throws SQLException {
        for (ResourceType type : types.all()) {
            if (deletedType(types, type) == null) {
                continue;
            }
            for (Row row : ResourceStore.list(c, new ResourceStore.Scope.Group(group.subscription(), group.name()),
                    type.type(), null, MAX_PER_GROUP)) {
                record(c, types, row.resource(), now);
            }
        }
    }

    private static ResourceType deletedType(ResourceTypes types, ResourceType type) {
        return type.softDeleteType() == null ? null : types.find(type.softDeleteType()).orElse(null);
    }
}
