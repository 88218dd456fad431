package io.asyncops.emulator.internal;

import io.asyncops.emulator.Sku;
import io.asyncops.emulator.SqlDatabase;
import io.asyncops.emulator.SqlServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Rows of {@code emu_sql_database}; a database belongs to one server, whose row gives its subscription and group. */
public final class SqlDatabaseTable {
    private static final String COLUMNS = "d.name, d.location, d.tags, d.sku_name, d.sku_tier, d.sku_family,"
            + " d.sku_capacity, d.max_size_bytes, d.collation_name, d.status, d.provisioning_state, d.database_id,"
            + " d.creation_date, s.subscription_id, s.resource_group, s.name";
    private static final String FROM = " FROM emu_sql_database d JOIN emu_sql_server s ON s.name_key = d.server_key";

    private SqlDatabaseTable() {
    }

    public static Optional<SqlDatabase> find(Connection c, SqlServer server, String name) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + FROM + " WHERE d.server_key = ? AND d.name_key = ?",
                SqlDatabaseTable::map, ResourceGroupTable.key(server.name()), ResourceGroupTable.key(name))
                .stream().findFirst();
    }

    public static List<SqlDatabase> listByServer(Connection c, SqlServer server) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + FROM + " WHERE d.server_key = ? ORDER BY d.name_key",
                SqlDatabaseTable::map, ResourceGroupTable.key(server.name()));
    }

    public static void insert(Connection c, SqlDatabase d) throws SQLException {
        Jdbc.update(c, "INSERT INTO emu_sql_database (server_key, name_key, name, location, tags, sku_name, sku_tier,"
                        + " sku_family, sku_capacity, max_size_bytes, collation_name, status, provisioning_state,"
                        + " database_id, creation_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ResourceGroupTable.key(d.serverName()), ResourceGroupTable.key(d.name()), d.name(), d.location(),
                Jdbc.tagsToText(d.tags()), d.sku().name(), d.sku().tier(), d.sku().family(), d.sku().capacity(),
                d.maxSizeBytes(), d.collation(), d.status(), d.provisioningState(), d.databaseId(),
                d.creationDate());
    }

    /** Writes {@code d} over the stored row while it is in {@code expectedState}. */
    public static int replace(Connection c, SqlDatabase d, String expectedState) throws SQLException {
        return Jdbc.update(c, "UPDATE emu_sql_database SET tags = ?, sku_name = ?, sku_tier = ?, sku_family = ?,"
                        + " sku_capacity = ?, max_size_bytes = ?, collation_name = ?, status = ?, provisioning_state = ?"
                        + " WHERE server_key = ? AND name_key = ? AND provisioning_state = ?",
                Jdbc.tagsToText(d.tags()), d.sku().name(), d.sku().tier(), d.sku().family(), d.sku().capacity(),
                d.maxSizeBytes(), d.collation(), d.status(), d.provisioningState(),
                ResourceGroupTable.key(d.serverName()), ResourceGroupTable.key(d.name()), expectedState);
    }

    public static int setProvisioningState(Connection c, String server, String name, String state)
            throws SQLException {
        return Jdbc.update(c, "UPDATE emu_sql_database SET provisioning_state = ? WHERE server_key = ? AND name_key = ?",
                state, ResourceGroupTable.key(server), ResourceGroupTable.key(name));
    }

    public static int deleteIfInState(Connection c, String server, String name, String expectedState)
            throws SQLException {
        return Jdbc.update(c, "DELETE FROM emu_sql_database WHERE server_key = ? AND name_key = ?"
                + " AND provisioning_state = ?", ResourceGroupTable.key(server), ResourceGroupTable.key(name),
                expectedState);
    }

    private static SqlDatabase map(ResultSet r) throws SQLException {
        int capacity = r.getInt(7);
        Integer cap = r.wasNull() ? null : capacity;
        Sku sku = new Sku(r.getString(4), r.getString(5), r.getString(6), cap);
        return new SqlDatabase(r.getString(14), r.getString(15), r.getString(16), r.getString(1), r.getString(2),
                Jdbc.tagsFromText(r.getString(3)), sku, r.getLong(8), r.getString(9), r.getString(10),
                r.getString(11), r.getString(12), r.getObject(13, OffsetDateTime.class));
    }
}
