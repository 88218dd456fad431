package io.asyncops.emulator.internal;

import io.asyncops.emulator.SqlServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Rows of {@code emu_sql_server}, keyed by the globally unique server name. */
public final class SqlServerTable {
    private static final String COLUMNS = "subscription_id, resource_group, name, location, tags, administrator_login,"
            + " version, minimal_tls_version, public_network_access, state, provisioning_state";

    private SqlServerTable() {
    }

    /** The server of this name in any subscription: names are global. */
    public static Optional<SqlServer> findAnywhere(Connection c, String name) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM emu_sql_server WHERE name_key = ?", SqlServerTable::map,
                ResourceGroupTable.key(name)).stream().findFirst();
    }

    /** The server of this name in this subscription and group. */
    public static Optional<SqlServer> find(Connection c, String subscription, String group, String name)
            throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM emu_sql_server WHERE name_key = ? AND subscription_key = ?"
                        + " AND group_key = ?", SqlServerTable::map,
                ResourceGroupTable.key(name), ResourceGroupTable.key(subscription), ResourceGroupTable.key(group))
                .stream().findFirst();
    }

    public static List<SqlServer> listByGroup(Connection c, String subscription, String group) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM emu_sql_server WHERE subscription_key = ? AND group_key = ?"
                        + " ORDER BY name_key", SqlServerTable::map,
                ResourceGroupTable.key(subscription), ResourceGroupTable.key(group));
    }

    public static List<SqlServer> listBySubscription(Connection c, String subscription) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM emu_sql_server WHERE subscription_key = ? ORDER BY name_key",
                SqlServerTable::map, ResourceGroupTable.key(subscription));
    }

    public static void insert(Connection c, SqlServer s) throws SQLException {
        Jdbc.update(c, "INSERT INTO emu_sql_server (name_key, subscription_key, group_key, " + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ResourceGroupTable.key(s.name()), ResourceGroupTable.key(s.subscriptionId()),
                ResourceGroupTable.key(s.resourceGroup()), s.subscriptionId(), s.resourceGroup(), s.name(),
                s.location(), Jdbc.tagsToText(s.tags()), s.administratorLogin(), s.version(), s.minimalTlsVersion(),
                s.publicNetworkAccess(), s.state(), s.provisioningState());
    }

    /**
     * Writes {@code s} over the stored row, but only while the row is in {@code expectedState} (the state the
     * operation that writes it set): a row another operation took over, or deleted, is left alone.
     */
    public static int replace(Connection c, SqlServer s, String expectedState) throws SQLException {
        return Jdbc.update(c, "UPDATE emu_sql_server SET location = ?, tags = ?, administrator_login = ?, version = ?,"
                        + " minimal_tls_version = ?, public_network_access = ?, state = ?, provisioning_state = ?"
                        + " WHERE name_key = ? AND provisioning_state = ?",
                s.location(), Jdbc.tagsToText(s.tags()), s.administratorLogin(), s.version(), s.minimalTlsVersion(),
                s.publicNetworkAccess(), s.state(), s.provisioningState(), ResourceGroupTable.key(s.name()),
                expectedState);
    }

    public static int setProvisioningState(Connection c, String name, String state) throws SQLException {
        return Jdbc.update(c, "UPDATE emu_sql_server SET provisioning_state = ? WHERE name_key = ?",
                state, ResourceGroupTable.key(name));
    }

    /** Deletes the server with its databases and firewall rules. */
    public static void deleteWithChildren(Connection c, String name) throws SQLException {
        String key = ResourceGroupTable.key(name);
        Jdbc.update(c, "DELETE FROM emu_firewall_rule WHERE server_key = ?", key);
        Jdbc.update(c, "DELETE FROM emu_sql_database WHERE server_key = ?", key);
        Jdbc.update(c, "DELETE FROM emu_sql_server WHERE name_key = ?", key);
    }

    /** Deletes a server only while it is in {@code expectedState} (a failed create removes what it added). */
    public static int deleteIfInState(Connection c, String name, String expectedState) throws SQLException {
        String key = ResourceGroupTable.key(name);
        int n = Jdbc.update(c, "DELETE FROM emu_sql_server WHERE name_key = ? AND provisioning_state = ?",
                key, expectedState);
        if (n == 1) {
            Jdbc.update(c, "DELETE FROM emu_firewall_rule WHERE server_key = ?", key);
            Jdbc.update(c, "DELETE FROM emu_sql_database WHERE server_key = ?", key);
        }
        return n;
    }

    private static SqlServer map(ResultSet r) throws SQLException {
        return new SqlServer(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                Jdbc.tagsFromText(r.getString(5)), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                r.getString(10), r.getString(11));
    }
}
