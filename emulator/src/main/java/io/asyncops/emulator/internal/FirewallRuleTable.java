package io.asyncops.emulator.internal;

import io.asyncops.emulator.FirewallRule;
import io.asyncops.emulator.SqlServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Rows of {@code emu_firewall_rule}. */
public final class FirewallRuleTable {
    private FirewallRuleTable() {
    }

    public static Optional<FirewallRule> find(Connection c, SqlServer server, String name) throws SQLException {
        return Jdbc.query(c, "SELECT name, start_ip_address, end_ip_address FROM emu_firewall_rule"
                        + " WHERE server_key = ? AND name_key = ?", r -> map(server, r),
                ResourceGroupTable.key(server.name()), ResourceGroupTable.key(name)).stream().findFirst();
    }

    public static List<FirewallRule> list(Connection c, SqlServer server) throws SQLException {
        return Jdbc.query(c, "SELECT name, start_ip_address, end_ip_address FROM emu_firewall_rule"
                + " WHERE server_key = ? ORDER BY name_key", r -> map(server, r), ResourceGroupTable.key(server.name()));
    }

    /** Inserts or replaces; returns true when it inserted. */
    public static boolean upsert(Connection c, FirewallRule rule) throws SQLException {
        int updated = Jdbc.update(c, "UPDATE emu_firewall_rule SET start_ip_address = ?, end_ip_address = ?"
                        + " WHERE server_key = ? AND name_key = ?", rule.startIpAddress(), rule.endIpAddress(),
                ResourceGroupTable.key(rule.serverName()), ResourceGroupTable.key(rule.name()));
        if (updated == 1) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO emu_firewall_rule (server_key, name_key, name, start_ip_address, end_ip_address)"
                        + " VALUES (?, ?, ?, ?, ?)", ResourceGroupTable.key(rule.serverName()),
                ResourceGroupTable.key(rule.name()), rule.name(), rule.startIpAddress(), rule.endIpAddress());
        return true;
    }

    public static boolean delete(Connection c, SqlServer server, String name) throws SQLException {
        return Jdbc.update(c, "DELETE FROM emu_firewall_rule WHERE server_key = ? AND name_key = ?",
                ResourceGroupTable.key(server.name()), ResourceGroupTable.key(name)) == 1;
    }

    private static FirewallRule map(SqlServer server, ResultSet r) throws SQLException {
        return new FirewallRule(server.subscriptionId(), server.resourceGroup(), server.name(), r.getString(1),
                r.getString(2), r.getString(3));
    }
}
