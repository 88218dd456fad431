package io.asyncops.emulator.internal;

import io.asyncops.emulator.ResourceGroup;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Rows of {@code emu_resource_group}. Lookups ignore case, as ARM does. */
public final class ResourceGroupTable {
    private static final String COLUMNS = "subscription_id, name, location, tags, provisioning_state";

    private ResourceGroupTable() {
    }

    static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    public static Optional<ResourceGroup> find(Connection c, String subscription, String name) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM emu_resource_group WHERE subscription_key = ? AND name_key = ?",
                ResourceGroupTable::map, key(subscription), key(name)).stream().findFirst();
    }

    public static List<ResourceGroup> list(Connection c, String subscription) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM emu_resource_group WHERE subscription_key = ? ORDER BY name_key",
                ResourceGroupTable::map, key(subscription));
    }

    public static void insert(Connection c, ResourceGroup group) throws SQLException {
        Jdbc.update(c, "INSERT INTO emu_resource_group (subscription_key, name_key, " + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                key(group.subscriptionId()), key(group.name()), group.subscriptionId(), group.name(),
                group.location(), Jdbc.tagsToText(group.tags()), group.provisioningState());
    }

    /** Replaces the tags of a group that is not being deleted; returns false if there is none such. */
    public static boolean updateTags(Connection c, ResourceGroup group) throws SQLException {
        return Jdbc.update(c, "UPDATE emu_resource_group SET tags = ? WHERE subscription_key = ? AND name_key = ?"
                        + " AND provisioning_state <> ?",
                Jdbc.tagsToText(group.tags()), key(group.subscriptionId()), key(group.name()), States.DELETING) == 1;
    }

    public static int setProvisioningState(Connection c, String subscription, String name, String state)
            throws SQLException {
        return Jdbc.update(c, "UPDATE emu_resource_group SET provisioning_state = ? WHERE subscription_key = ? AND name_key = ?",
                state, key(subscription), key(name));
    }

    public static int delete(Connection c, String subscription, String name) throws SQLException {
        return Jdbc.update(c, "DELETE FROM emu_resource_group WHERE subscription_key = ? AND name_key = ?",
                key(subscription), key(name));
    }

    private static ResourceGroup map(ResultSet r) throws SQLException {
        return new ResourceGroup(r.getString(1), r.getString(2), r.getString(3), Jdbc.tagsFromText(r.getString(4)),
                r.getString(5));
    }
}
