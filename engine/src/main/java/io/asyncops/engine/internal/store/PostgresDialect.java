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
 * PostgreSQL: claims and plain groups of endings each in one auto-committed statement ({@link PgRunWrites}), and
 * tells other engine instances about changes with {@code NOTIFY}, delivered when the transaction commits.
 */
final class PostgresDialect extends SqlDialect {
    static final String CHANNEL = "asyncops_engine";

    @Override
    public String migrationFolder() {
        return "postgresql";
    }

    /**
     * The group's rows, from arrays unnested into rows, as the first part of the group inserts below. The arrays
     * travel in PostgreSQL's binary form ({@code varchar[]} and {@code int8[]}, as the driver sends {@code String[]}
     * and {@code long[]} given to {@code setObject}): no array literal built and escaped here nor parsed there. The
     * ids go as text and are cast per row; the creation instants as microseconds since the epoch (an exact integer
     * interval), so no timestamp text is parsed.
     */
    private static final String INSERT_ROWS = "with stored as (insert into " + Rows.TABLE + " (id, request_id, kind,"
            + " subscription, resource_id, status, created_at, due_at, input, idempotency_key, owner_principal,"
            + " active_resource, idempotency_ref, correlation_id, attempt, cancel_requested, version)"
            + " select r.id::uuid, r.request_id, r.kind, r.subscription, r.resource_id, 'Accepted', r.created,"
            + " r.created, r.input, r.idempotency_key, r.owner_principal, r.active_resource,"
            + " r.idempotency_ref, r.correlation_id, 0, false, 1"
            + " from (select u.*, timestamptz '1970-01-01 00:00:00+00' + u.created_micros * interval '1 microsecond'"
            + " as created from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::int8[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])"
            + " as u(id, request_id, kind, subscription, resource_id, created_micros, input, idempotency_key,"
            + " owner_principal, active_resource, idempotency_ref, correlation_id)) r";
    /**
     * All rows in one statement whatever their number; rows a unique index refuses are skipped ({@code on conflict
     * do nothing}) and the ids stored come back. The same statement announces them ({@code pg_notify},
     * {@link Notice#IDS_PER_PAYLOAD} ids a payload, as {@link Notice#encode} writes them): a separate notify would
     * be one more round trip per group. One statement text for every group size, so it is prepared once per
     * connection. Its output: the stored ids, then one null per payload sent.
     */
    private static final String INSERT_NEW = INSERT_ROWS + " on conflict do nothing returning id),"
            + " announced as (select pg_notify('" + CHANNEL + "', ? || string_agg(id::text, ',')) as sent"
            + " from (select id, (row_number() over () - 1) / " + Notice.IDS_PER_PAYLOAD + " as payload from stored) p"
            + " group by payload)"
            + " select id from stored union all select null::uuid from announced";
    /**
     * {@link #INSERT_NEW} without {@code on conflict}: a refused row fails it whole. PostgreSQL inserts each row of
     * an {@code on conflict} insert speculatively (it probes the unique indexes first, and confirms the row in a
     * WAL record of its own), which a group without a refused row does not need. Tried first where a failed
     * statement costs nothing but itself (auto-commit) and a refusal is all but impossible (no row has an
     * idempotency key or holds its resource: only a retried id could collide); so replays and busy resources,
     * which clients cause at will, never fail a statement (nor write an error to the server's log). Having
     * succeeded it stored every row, so the payloads are the whole group's, written here ({@link Notice#encode})
     * and sent as they are: the server neither returns the ids nor formats and aggregates them. A notice is sent
     * when the transaction commits, so a failed statement announces nothing.
     */
    private static final String INSERT_NEW_PLAIN = INSERT_ROWS + ") select pg_notify('" + CHANNEL + "', p)"
            + " from unnest(?::varchar[]) p";

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
        java.util.UUID[] ids = new java.util.UUID[n];
        long[] created = new long[n];
        String[][] text = new String[11][n];
        boolean unlikelyRefused = true;
        for (int i = 0; i < n; i++) {
            NewOperation row = rows.get(i);
            io.asyncops.engine.Operation op = row.operation();
            if (op.version() != 1 || op.status() != io.asyncops.engine.OperationStatus.ACCEPTED) {
                throw new IllegalArgumentException("a new operation is Accepted at version 1: " + op);
            }
            ids[i] = op.id().value();
            java.time.Instant at = op.createdAt();
            created[i] = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
            text[0][i] = ids[i].toString();
            text[1][i] = op.requestId();
            text[2][i] = op.kind();
            text[3][i] = op.subscription();
            text[4][i] = op.resourceId();
            text[5][i] = op.input();
            text[6][i] = op.idempotencyKey();
            text[7][i] = op.owner();
            text[8][i] = row.exclusive() ? op.resourceId() : null;
            text[9][i] = Rows.idempotencyRef(op.subscription(), op.idempotencyKey());
            text[10][i] = row.correlationId();
            unlikelyRefused &= text[8][i] == null && text[9][i] == null;
        }
        boolean[] result = new boolean[n];
        if (unlikelyRefused && c.getAutoCommit()) {
            try {
                insertAll(c, text, created, node);
                java.util.Arrays.fill(result, true);
                return result;
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // a row was refused, and with it the group: again, skipping the refused ones
            }
        }
        java.util.Set<Object> stored = insertSkipping(c, text, created, node);
        for (int i = 0; i < n; i++) {
            result[i] = stored.contains(ids[i]);
        }
        return result;
    }

    /**
     * Binds the group's columns to {@code ps} and returns the next parameter's index. A column null in every row
     * goes as an empty array (of the same type, so the statement stays prepared): {@code unnest} pads it with
     * nulls to the other arrays' length.
     */
    private static int bindRows(PreparedStatement ps, String[][] text, long[] created) throws SQLException {
        int p = 1;
        for (int k = 0; k < text.length; k++) {
            if (k == 5) {
                ps.setObject(p++, created);
            }
            ps.setObject(p++, allNull(text[k]) ? NO_TEXT : text[k]);
        }
        return p;
    }

    private static final String[] NO_TEXT = new String[0];

    private static boolean allNull(String[] column) {
        for (String v : column) {
            if (v != null) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@link #INSERT_NEW_PLAIN}: every row or none (then it throws), announced by {@code node}. */
    private static void insertAll(Connection c, String[][] text, long[] created, String node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_NEW_PLAIN)) {
            int p = bindRows(ps, text, created);
            ps.setObject(p, Notice.encode(node, true, text[0]).toArray(NO_TEXT));
            ps.execute();
        }
    }

    /** Runs {@link #INSERT_NEW}: returns the ids it stored. */
    private static java.util.Set<Object> insertSkipping(Connection c, String[][] text, long[] created, String node)
            throws SQLException {
        java.util.Set<Object> stored = new java.util.HashSet<>(text[0].length * 2);
        try (PreparedStatement ps = c.prepareStatement(INSERT_NEW)) {
            ps.setString(bindRows(ps, text, created), node + "|w|");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object id = rs.getObject(1);
                    if (id != null) {
                        stored.add(id);
                    }
                }
            }
        }
        return stored;
    }

    @Override
    boolean runWritesAlone() {
        return true;
    }

    @Override
    List<Claimed> claimAlone(Connection c, String owner, int limit, Instant now, Instant leaseUntil, String node)
            throws SQLException {
        return PgRunWrites.claim(c, owner, limit, now, leaseUntil, node);
    }

    @Override
    boolean[] endAlone(Connection c, List<Ending> endings, Instant now, String node) throws SQLException {
        return PgRunWrites.end(c, endings, now, node);
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
