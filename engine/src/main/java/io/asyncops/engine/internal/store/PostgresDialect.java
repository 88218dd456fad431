package io.asyncops.engine.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * PostgreSQL: claims in one statement ({@code UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING}, the
 * sub-select also giving each row's previous lease owner), and tells other engine instances about changes with {@code NOTIFY}, delivered when the
 * transaction commits.
 */
final class PostgresDialect extends SqlDialect {
    static final String CHANNEL = "asyncops_engine";
    /** The operation table's columns qualified by the claim's alias (its sub-select has an id too). */
    private static final String QUALIFIED_COLUMNS = java.util.Arrays.stream(Rows.COLUMNS.split(","))
            .map(column -> "o." + column.trim()).collect(java.util.stream.Collectors.joining(", "));

    @Override
    public String migrationFolder() {
        return "postgresql";
    }

    @Override
    List<Claimed> claim(Connection c, String owner, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update " + Rows.TABLE + " o set status = 'InProgress',"
                + " started_at = coalesce(o.started_at, ?), attempt = o.attempt + 1, lease_owner = ?, due_at = ?,"
                + " version = o.version + 1 from (select id, lease_owner from " + Rows.TABLE + " where due_at <= ?"
                + " order by due_at limit ? for update skip locked) previous where o.id = previous.id returning "
                + QUALIFIED_COLUMNS + ", previous.lease_owner as previous_owner")) {
            Rows.setInstant(ps, 1, now);
            ps.setString(2, owner);
            Rows.setInstant(ps, 3, leaseUntil);
            Rows.setInstant(ps, 4, now);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Claimed> claimed = new ArrayList<>();
                while (rs.next()) {
                    claimed.add(new Claimed(Rows.read(rs).operation(), rs.getString("previous_owner")));
                }
                return claimed;
            }
        }
    }

    @Override
    void relaxDurability(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local synchronous_commit to off");
        }
    }

    @Override
    void notify(Connection c, Notice notice) throws SQLException {
        for (String payload : notice.encode()) {
            try (PreparedStatement ps = c.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
                ps.setString(1, payload);
                ps.execute();
            }
        }
    }

    @Override
    public Optional<ChangeFeed> changeFeed(DataSource dataSource, Consumer<Notice> sink) {
        return Optional.of(PgChangeFeed.start(dataSource, sink));
    }
}
