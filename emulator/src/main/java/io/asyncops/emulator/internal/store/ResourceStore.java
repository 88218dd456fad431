package io.asyncops.emulator.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.protocol.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The generic resource store ({@code emu_resource}): every resource of every type in one table keyed by its id in
 * lower case. All of the core's SQL is here. Every write sets a new etag; writes that follow a read are fenced by
 * the etag read, so nothing changed in between is overwritten.
 */
public final class ResourceStore {
    private static final String COLUMNS = "id, type, parent_key, subscription_key, group_key, name, location, body,"
            + " pending, provisioning_state, etag, created_at, changed_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM emu_resource";
    /** Ids per statement when deleting a tree. */
    private static final int BATCH = 200;

    private ResourceStore() {
    }

    /** The key of an id: lower case, as ARM compares ids. */
    public static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /** The {@code global_name} of a resource of {@code type} named {@code name}. */
    public static String globalName(String type, String name) {
        return key(type) + "/" + key(name);
    }

    /** The rows with these keys, and the holder of {@code globalName} when not null: one round trip. */
    public static List<Row> find(Connection c, Collection<String> keys, String globalName) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE id_key IN (");
        List<Object> args = new ArrayList<>(keys);
        sql.append(String.join(", ", Collections.nCopies(keys.size(), "?"))).append(')');
        if (globalName != null) {
            sql.append(" OR global_name = ?");
            args.add(globalName);
        }
        return Jdbc.query(c, sql.toString(), ResourceStore::read, args.toArray());
    }

    /** The row with this key. */
    public static Optional<Row> find(Connection c, String key) throws SQLException {
        return Jdbc.query(c, SELECT + " WHERE id_key = ?", ResourceStore::read, key).stream().findFirst();
    }

    /**
     * The row with this key, locked until the transaction ends ({@code FOR UPDATE}): synchronous writes of one
     * resource take turns instead of failing on each other's etag.
     */
    public static Optional<Row> lock(Connection c, String key) throws SQLException {
        return Jdbc.query(c, SELECT + " WHERE id_key = ? FOR UPDATE", ResourceStore::read, key).stream().findFirst();
    }

    /** The holder of a globally unique name. */
    public static Optional<Row> findByGlobalName(Connection c, String type, String name) throws SQLException {
        return Jdbc.query(c, SELECT + " WHERE global_name = ?", ResourceStore::read, globalName(type, name))
                .stream().findFirst();
    }

    /** Inserts a resource; a taken id or global name is a unique violation (SQLState 23505). */
    public static void insert(Connection c, NewRow r) throws SQLException {
        Jdbc.update(c, "INSERT INTO emu_resource (id_key, id, type, parent_key, subscription_key, group_key, name,"
                        + " global_name, location, body, pending, provisioning_state, etag, created_at, changed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key(r.id()), r.id(), r.type(), r.parentKey(), key(r.subscription()),
                r.group() == null ? null : key(r.group()), r.name(),
                r.globalName() ? globalName(r.type(), r.name()) : null, r.location(), text(r.body()),
                r.pending() == null ? null : text(r.pending()), r.state(), r.etag(), time(r.now()), time(r.now()));
    }

    /**
     * Replaces body, pending body and state of the row while its etag is {@code expectedEtag}; returns whether it
     * did.
     */
    public static boolean replace(Connection c, String key, String expectedEtag, ObjectNode body, ObjectNode pending,
                                  String state, String newEtag, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE emu_resource SET body = ?, pending = ?, provisioning_state = ?, etag = ?,"
                        + " changed_at = ? WHERE id_key = ? AND etag = ?", text(body),
                pending == null ? null : text(pending), state, newEtag, time(now), key, expectedEtag) == 1;
    }

    /**
     * Ends the write that set {@code runningState}: stores {@code body} (null: keeps it), clears the pending body,
     * sets {@code state}; a no-op when the row is gone or another operation took it over. Returns whether it did.
     */
    public static boolean end(Connection c, String key, String runningState, ObjectNode body, String state,
                              String newEtag, Instant now) throws SQLException {
        if (body == null) {
            return Jdbc.update(c, "UPDATE emu_resource SET pending = NULL, provisioning_state = ?, etag = ?,"
                    + " changed_at = ? WHERE id_key = ? AND provisioning_state = ?", state, newEtag, time(now), key,
                    runningState) == 1;
        }
        return Jdbc.update(c, "UPDATE emu_resource SET body = ?, pending = NULL, provisioning_state = ?, etag = ?,"
                + " changed_at = ? WHERE id_key = ? AND provisioning_state = ?", text(body), state, newEtag, time(now),
                key, runningState) == 1;
    }

    /** Deletes the row while it is in {@code state}, with everything under it; returns whether it did. */
    public static boolean deleteIfInState(Connection c, String key, String state) throws SQLException {
        Optional<Row> row = find(c, key).filter(r -> r.resource().provisioningState().equals(state));
        if (row.isEmpty()) {
            return false;
        }
        deleteTree(c, row.get());
        return true;
    }

    /**
     * Deletes the row and everything under it: for a resource group every row of the group (one statement), for
     * anything else its descendants, found level by level through {@code parent_key}.
     */
    public static void deleteTree(Connection c, Row row) throws SQLException {
        Resource r = row.resource();
        if (r.resourceGroup() != null && isGroup(r)) {
            Jdbc.update(c, "DELETE FROM emu_resource WHERE subscription_key = ? AND group_key = ?",
                    key(r.subscription()), key(r.resourceGroup()));
            return;
        }
        List<String> all = new ArrayList<>();
        List<String> level = List.of(row.key());
        while (!level.isEmpty()) {
            all.addAll(level);
            List<String> next = new ArrayList<>();
            for (List<String> batch : batches(level)) {
                next.addAll(Jdbc.query(c, "SELECT id_key FROM emu_resource WHERE parent_key IN ("
                        + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", rs -> rs.getString(1),
                        batch.toArray()));
            }
            level = next;
        }
        for (List<String> batch : batches(all)) {
            Jdbc.update(c, "DELETE FROM emu_resource WHERE id_key IN ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", batch.toArray());
        }
    }

    /** How many rows a resource group holds, itself not counted. */
    public static int countInGroup(Connection c, String subscription, String group) throws SQLException {
        return Jdbc.query(c, "SELECT COUNT(*) FROM emu_resource WHERE subscription_key = ? AND group_key = ?",
                rs -> rs.getInt(1), key(subscription), key(group)).get(0) - 1;
    }

    /**
     * A page of the resources of {@code type} in {@code scope} (under a parent, in a group, in a subscription), by
     * id: at most {@code limit} rows after the key {@code after} (null: from the start).
     */
    public static List<Row> list(Connection c, Scope scope, String type, String after, int limit)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE ");
        switch (scope) {
            case Scope.Parent p -> {
                sql.append("parent_key = ?");
                args.add(key(p.parentId()));
            }
            case Scope.Group g -> {
                sql.append("subscription_key = ? AND group_key = ?");
                args.add(key(g.subscription()));
                args.add(key(g.group()));
            }
            case Scope.Subscription s -> {
                sql.append("subscription_key = ?");
                args.add(key(s.subscription()));
            }
        }
        sql.append(" AND type = ?");
        args.add(type);
        if (after != null) {
            sql.append(" AND id_key > ?");
            args.add(after);
        }
        sql.append(" ORDER BY id_key FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return Jdbc.query(c, sql.toString(), ResourceStore::read, args.toArray());
    }

    /** Where a list looks. */
    public sealed interface Scope {
        /** Directly under a parent (a group's or a resource's id). */
        record Parent(String parentId) implements Scope {
        }

        /** Anywhere in a resource group. */
        record Group(String subscription, String group) implements Scope {
        }

        /** Anywhere in a subscription. */
        record Subscription(String subscription) implements Scope {
        }
    }

    private static boolean isGroup(Resource r) {
        return r.type().equalsIgnoreCase("Microsoft.Resources/resourceGroups");
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
        }
        return batches;
    }

    private static Row read(ResultSet rs) throws SQLException {
        String pending = rs.getString("pending");
        String id = rs.getString("id");
        Resource resource = new Resource(id, rs.getString("type"), rs.getString("name"), subscriptionOf(id),
                groupOf(id), rs.getString("location"), object(rs.getString("body")),
                rs.getString("provisioning_state"), rs.getString("etag"), instant(rs, "created_at"),
                instant(rs, "changed_at"));
        return new Row(resource, pending == null ? null : object(pending), rs.getString("parent_key"));
    }

    /** The subscription of an id: its second segment under {@code /subscriptions}, else its first. */
    static String subscriptionOf(String id) {
        String[] s = id.split("/");
        return s.length > 2 && s[1].equalsIgnoreCase("subscriptions") ? s[2] : s[1];
    }

    /** The resource group of an id, in the case stored, or null. */
    static String groupOf(String id) {
        String[] s = id.split("/");
        return s.length > 4 && s[1].equalsIgnoreCase("subscriptions") && s[3].equalsIgnoreCase("resourceGroups")
                ? s[4] : null;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String text(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a body cannot be written as JSON", e);
        }
    }

    static ObjectNode object(String text) {
        try {
            return (ObjectNode) Json.mapper().readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored body is not a JSON object", e);
        }
    }
}
