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

    /**
     * All rows in one statement whatever their number: the varying columns as arrays, unnested into rows; rows a
     * unique index refuses are skipped ({@code on conflict do nothing}) and the ids stored come back. One
     * statement text for every group size, so it is prepared once per connection.
     */
    private static final String INSERT_NEW = "insert into " + Rows.TABLE + " (id, request_id, kind, subscription,"
            + " resource_id, status, created_at, due_at, input, idempotency_key, owner_principal, active_resource,"
            + " idempotency_ref, attempt, cancel_requested, version)"
            + " select r.id, r.request_id, r.kind, r.subscription, r.resource_id, 'Accepted', r.created_at::timestamptz,"
            + " r.created_at::timestamptz, r.input, r.idempotency_key, r.owner_principal, r.active_resource,"
            + " r.idempotency_ref, 0, false, 1"
            + " from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) as r(id, request_id, kind, subscription,"
            + " resource_id, created_at, input, idempotency_key, owner_principal, active_resource, idempotency_ref)"
            + " on conflict do nothing returning id";

    @Override
    boolean[] insertNew(Connection c, List<NewOperation> rows) throws SQLException {
        int n = rows.size();
        Object[] ids = new Object[n];
        String[][] text = new String[10][n];
        for (int i = 0; i < n; i++) {
            io.asyncops.engine.Operation op = rows.get(i).operation();
            if (op.version() != 1 || op.status() != io.asyncops.engine.OperationStatus.ACCEPTED) {
                throw new IllegalArgumentException("a new operation is Accepted at version 1: " + op);
            }
            ids[i] = op.id().value();
            text[0][i] = op.requestId();
            text[1][i] = op.kind();
            text[2][i] = op.subscription();
            text[3][i] = op.resourceId();
            text[4][i] = op.createdAt().toString(); // ISO-8601 in UTC, read back exactly (microseconds)
            text[5][i] = op.input();
            text[6][i] = op.idempotencyKey();
            text[7][i] = op.owner();
            text[8][i] = rows.get(i).exclusive() ? op.resourceId() : null;
            text[9][i] = Rows.idempotencyRef(op.subscription(), op.idempotencyKey());
        }
        java.util.Set<Object> stored = new java.util.HashSet<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(INSERT_NEW)) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            for (int k = 0; k < text.length; k++) {
                ps.setArray(k + 2, c.createArrayOf(k == 4 ? "text" : "varchar", text[k]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getObject(1));
                }
            }
        }
        boolean[] result = new boolean[n];
        for (int i = 0; i < n; i++) {
            result[i] = stored.contains(ids[i]);
        }
        return result;
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
