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
                + " version = o.version + 1, " + Rows.STAMP + " from (select id, lease_owner from " + Rows.TABLE + " where due_at <= ?"
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

    /**
     * All rows in one statement whatever their number: the varying columns as arrays, unnested into rows; rows a
     * unique index refuses are skipped ({@code on conflict do nothing}) and the ids stored come back. The same
     * statement announces them ({@code pg_notify}, {@link Notice#IDS_PER_PAYLOAD} ids a payload, as
     * {@link Notice#encode} writes them): a separate notify would be one more round trip per group. One statement
     * text for every group size, so it is prepared once per connection. Its output: the stored ids, then one null
     * per payload sent.
     */
    private static final String INSERT_NEW = insertNew(" on conflict do nothing");
    /**
     * {@link #INSERT_NEW} without {@code on conflict}: a refused row fails it whole. PostgreSQL inserts each row of
     * an {@code on conflict} insert speculatively (it probes the unique indexes first, and confirms the row in a
     * WAL record of its own), which a group without a refused row does not need. Tried first where a failed
     * statement costs nothing but itself (auto-commit) and a refusal is all but impossible (no row has an
     * idempotency key or holds its resource: only a retried id could collide); so replays and busy resources,
     * which clients cause at will, never fail a statement (nor write an error to the server's log).
     */
    private static final String INSERT_NEW_PLAIN = insertNew("");

    private static String insertNew(String onConflict) {
        return "with stored as (insert into " + Rows.TABLE + " (id, request_id, kind,"
            + " subscription, resource_id, status, created_at, due_at, input, idempotency_key, owner_principal,"
            + " active_resource, idempotency_ref, correlation_id, attempt, cancel_requested, version)"
            + " select r.id, r.request_id, r.kind, r.subscription, r.resource_id, 'Accepted', r.created_at::timestamptz,"
            + " r.created_at::timestamptz, r.input, r.idempotency_key, r.owner_principal, r.active_resource,"
            + " r.idempotency_ref, r.correlation_id, 0, false, 1"
            + " from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) as r(id, request_id, kind,"
            + " subscription, resource_id, created_at, input, idempotency_key, owner_principal, active_resource,"
            + " idempotency_ref, correlation_id)"
            + onConflict + " returning id),"
            + " announced as (select pg_notify('" + CHANNEL + "', ? || string_agg(id::text, ',')) as sent"
            + " from (select id, (row_number() over () - 1) / " + Notice.IDS_PER_PAYLOAD + " as payload from stored) p"
            + " group by payload)"
            + " select id from stored union all select null::uuid from announced";
    }

    @Override
    boolean plansPerValue() {
        return true;
    }

    @Override
    boolean insertIsOneStatement() {
        return true;
    }

    @Override
    boolean[] insertNew(Connection c, List<NewOperation> rows, String node) throws SQLException {
        int n = rows.size();
        Object[] ids = new Object[n];
        String[][] text = new String[11][n];
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
            text[10][i] = rows.get(i).correlationId();
        }
        boolean unlikelyRefused = true;
        for (int i = 0; i < n && unlikelyRefused; i++) {
            unlikelyRefused = text[8][i] == null && text[9][i] == null;
        }
        java.util.Set<Object> stored = new java.util.HashSet<>(n * 2);
        if (unlikelyRefused && c.getAutoCommit()) {
            try {
                insert(c, INSERT_NEW_PLAIN, ids, text, node, stored);
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // a row was refused, and with it the group: again, skipping the refused ones
                stored.clear();
                insert(c, INSERT_NEW, ids, text, node, stored);
            }
        } else {
            insert(c, INSERT_NEW, ids, text, node, stored);
        }
        boolean[] result = new boolean[n];
        for (int i = 0; i < n; i++) {
            result[i] = stored.contains(ids[i]);
        }
        return result;
    }

    /** Runs {@code sql} (one of the group inserts) and adds the ids it stored to {@code stored}. */
    private static void insert(Connection c, String sql, Object[] ids, String[][] text, String node,
                               java.util.Set<Object> stored) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            for (int k = 0; k < text.length; k++) {
                ps.setArray(k + 2, c.createArrayOf(k == 4 ? "text" : "varchar", text[k]));
            }
            ps.setString(text.length + 2, node + "|w|");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object id = rs.getObject(1);
                    if (id != null) {
                        stored.add(id);
                    }
                }
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
    public Optional<ChangeFeed> changeFeed(DataSource dataSource, String ownNode, Consumer<Notice> sink) {
        return Optional.of(PgChangeFeed.start(dataSource, ownNode, sink));
    }
}
