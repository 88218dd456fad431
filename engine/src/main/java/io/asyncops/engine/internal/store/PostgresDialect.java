package io.asyncops.engine.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * PostgreSQL: claims in one statement ({@code UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED)
 * RETURNING}), and tells other engine instances about changes with {@code NOTIFY}, delivered when the
 * transaction commits.
 */
final class PostgresDialect extends SqlDialect {
    static final String CHANNEL = "asyncops_engine";

    @Override
    public String migrationFolder() {
        return "postgresql";
    }

    @Override
    List<StoredOperation> claim(Connection c, String owner, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update " + Rows.TABLE + " set status = 'InProgress',"
                + " started_at = coalesce(started_at, ?), attempt = attempt + 1, lease_owner = ?, due_at = ?,"
                + " version = version + 1 where id in (select id from " + Rows.TABLE + " where due_at <= ?"
                + " order by due_at limit ? for update skip locked) returning " + Rows.COLUMNS)) {
            Rows.setInstant(ps, 1, now);
            ps.setString(2, owner);
            Rows.setInstant(ps, 3, leaseUntil);
            Rows.setInstant(ps, 4, now);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                return Rows.readAll(rs);
            }
        }
    }

    /** All rows in one round trip: a pipelined batch of inserts that skip conflicts instead of failing. */
    @Override
    boolean[] insertNew(Connection c, List<NewOperation> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Rows.INSERT + " on conflict do nothing")) {
            for (NewOperation row : rows) {
                Rows.bindNew(ps, row);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            boolean[] stored = new boolean[rows.size()];
            for (int i = 0; i < counts.length; i++) {
                stored[i] = counts[i] == 1;
            }
            return stored;
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
