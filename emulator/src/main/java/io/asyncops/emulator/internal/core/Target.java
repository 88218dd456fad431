package io.asyncops.emulator.internal.core;

import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.ProvisioningState;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.emulator.internal.store.Row;
import io.asyncops.emulator.resources.ResourceGroups;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a request points, and what the store holds there: the resource, its parent and its resource group, read in
 * one round trip, with ARM's answers when they are missing ({@code ResourceGroupNotFound},
 * {@code ParentResourceNotFound}, {@code ResourceNotFound}) or busy ({@code 409}).
 */
public final class Target {
    /** The longest id the store keeps. */
    static final int MAX_ID = 2000;

    final ResourceType type;
    final Map<String, String> path;
    final String requestedId;
    final String name;
    final String subscription;
    final String group;
    final ResourceType parentType;
    final String parentId;
    final String groupId;
    Row self;
    Row parent;
    Row groupRow;
    Row nameHolder;

    private Target(ResourceType type, ResourceType parentType, Map<String, String> path) {
        this.type = type;
        this.path = Map.copyOf(path);
        this.requestedId = type.path().expand(path);
        if (requestedId.length() > MAX_ID) {
            throw AzureException.badRequest("InvalidResourceId", "The resource id is longer than " + MAX_ID
                    + " characters.");
        }
        List<String> names = type.path().parameterNames();
        this.name = path.get(names.get(names.size() - 1));
        this.subscription = path.get(names.get(0));
        this.group = groupOf(type.path(), path);
        this.parentType = parentType;
        this.parentId = parentType == null ? null : type.parentPath().expand(path);
        boolean isGroup = type.type().equalsIgnoreCase(ResourceGroups.TYPE);
        this.groupId = group == null || isGroup || (parentType != null && isGroupType(parentType)) ? null
                : "/subscriptions/" + subscription + "/resourceGroups/" + group;
    }

    /** The target of a request on {@code type} at {@code path} (the path's parameter values by name). */
    public static Target of(ResourceTypes types, ResourceType type, Map<String, String> path) {
        return new Target(type, types.parentOf(type).orElse(null), path);
    }

    /** Reads the resource, its parent and its group (and the holder of its global name when {@code withName}). */
    Target read(Connection c, boolean withName) throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ResourceStore.key(requestedId));
        if (parentId != null) {
            keys.add(ResourceStore.key(parentId));
        }
        if (groupId != null) {
            keys.add(ResourceStore.key(groupId));
        }
        String global = withName && type.globallyUniqueNames() ? ResourceStore.globalName(type.type(), name) : null;
        for (Row row : ResourceStore.find(c, keys, global)) {
            String key = row.key();
            if (key.equals(ResourceStore.key(requestedId))) {
                self = row;
            } else if (parentId != null && key.equals(ResourceStore.key(parentId))) {
                parent = row;
            } else if (groupId != null && key.equals(ResourceStore.key(groupId))) {
                groupRow = row;
            }
            if (global != null && row.resource().type().equalsIgnoreCase(type.type())
                    && row.resource().name().equalsIgnoreCase(name)) {
                nameHolder = row;
            }
        }
        return this;
    }

    /** Locks the resource's row for the transaction and reads it again (null when it is gone meanwhile). */
    Target lockSelf(Connection c) throws SQLException {
        if (self != null) {
            self = ResourceStore.lock(c, self.key()).orElse(null);
        }
        return this;
    }

    /**
     * Refuses when the parents are missing; for a write, also when they are being created ({@code 404}) or deleted
     * ({@code 409}).
     */
    void checkParents(boolean forWrite) {
        Row groupOfTarget = groupRow != null ? groupRow : parentType != null && isGroupType(parentType) ? parent : null;
        boolean needsGroup = groupId != null || (parentType != null && isGroupType(parentType));
        if (needsGroup) {
            if (groupOfTarget == null) {
                throw Errors.resourceGroupNotFound(group);
            }
            if (forWrite && ProvisioningState.DELETING.equals(groupOfTarget.resource().provisioningState())) {
                throw ResourceGroups.beingDeleted(groupOfTarget.resource().name());
            }
        }
        if (parentType == null || isGroupType(parentType)) {
            return;
        }
        String parentName = parentName();
        if (parent == null) {
            throw Errors.parentNotFound(parentType.type(), parentName);
        }
        String state = parent.resource().provisioningState();
        if (forWrite && ProvisioningState.CREATING.equals(state)) {
            throw Errors.parentNotFound(parentType.type(), parentName);
        }
        if (forWrite && ProvisioningState.DELETING.equals(state)) {
            throw parentType.conflict(parent.resource().name());
        }
    }

    /** The resource, or ARM's {@code 404}. */
    Row existing() {
        if (self == null) {
            throw notFound();
        }
        return self;
    }

    /** ARM's 404 for this resource. */
    AzureException notFound() {
        if (type.type().equalsIgnoreCase(ResourceGroups.TYPE)) {
            return Errors.resourceGroupNotFound(name);
        }
        return Errors.resourceNotFound(type.type(), relativeName(), group);
    }

    /** The id to store: the parent's stored id (or the requested one) followed by this resource's own segments. */
    String canonicalId() {
        if (self != null) {
            return self.resource().id();
        }
        Row base = parent != null ? parent : null;
        if (base == null) {
            return requestedId;
        }
        List<PathTemplate.Segment> own = type.path().segments().subList(type.parentPath().size(), type.path().size());
        StringBuilder id = new StringBuilder(base.resource().id());
        for (PathTemplate.Segment s : own) {
            id.append('/').append(s.parameter() ? path.get(s.text()) : s.text());
        }
        return id.toString();
    }

    /** The parent's key in the store ({@code /subscriptions/{id}} for a group, the container for non-ARM types). */
    String parentKey() {
        if (parentId != null) {
            return ResourceStore.key(parent != null ? parent.resource().id() : parentId);
        }
        return ResourceStore.key(type.parentPath().expand(path));
    }

    /** The region of the status URLs: the resource's, else its parent's or group's, else {@code global}. */
    String location(String own) {
        if (own != null) {
            return own;
        }
        for (Row r : new Row[] {self, parent, groupRow}) {
            if (r != null && r.resource().location() != null) {
                return r.resource().location();
            }
        }
        return "global";
    }

    Resource parentResource() {
        return parent == null ? null : parent.resource();
    }

    private String parentName() {
        List<String> names = type.parentPath().parameterNames();
        return path.get(names.get(names.size() - 1));
    }

    /** The names after the group's, joined by {@code /} (ARM's way to name a nested resource in messages). */
    private String relativeName() {
        List<String> params = type.path().parameterNames();
        List<String> after = new ArrayList<>();
        for (String param : params.subList(Math.min(params.size() - 1, group == null ? 1 : 2), params.size())) {
            after.add(path.get(param));
        }
        return String.join("/", after);
    }

    private static boolean isGroupType(ResourceType t) {
        return t.type().equalsIgnoreCase(ResourceGroups.TYPE);
    }

    private static String groupOf(PathTemplate template, Map<String, String> values) {
        List<PathTemplate.Segment> s = template.segments();
        if (s.size() >= 4 && s.get(0).text().equalsIgnoreCase("subscriptions") && !s.get(2).parameter()
                && s.get(2).text().equalsIgnoreCase("resourceGroups") && s.get(3).parameter()) {
            return values.get(s.get(3).text());
        }
        return null;
    }
}
