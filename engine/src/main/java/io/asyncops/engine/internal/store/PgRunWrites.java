package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL's claim and group end, each one auto-committed statement: one round trip, no BEGIN, no COMMIT, no
 * separate {@code pg_notify} or {@code SET LOCAL}. Each statement announces the rows it changed itself (a
 * {@code pg_notify} per {@link Notice#IDS_PER_PAYLOAD} ids of its {@code RETURNING}, sent when it commits), so
 * other instances hear of exactly the operations it changed, as before.
 *
 * <p>The claim lets its commit skip the wait for the WAL flush ({@code set_config('synchronous_commit', 'off',
 * true)}, evaluated once in the statement: a local setting lasts until the end of the transaction, here the
 * statement's own, and PostgreSQL reads it when it writes that commit). A lost claim is harmless: its fenced writes
 * fail and the operation runs again. The group end commits durably.
 */
final class PgRunWrites {
    /** An instant parameter as microseconds since the epoch (exact; the driver would send a timestamp's text). */
    private static final String AT = "(timestamptz '1970-01-01 00:00:00+00' + ?::int8 * interval '1 microsecond')";
    /** The payloads of a statement's changed ids ({@code %s}), as {@link Notice#encode} writes them. */
    private static final String ANNOUNCE = "select pg_notify('" + PostgresDialect.CHANNEL + "', ?"
            + " || string_agg(id::text, ',')) from (select id, (row_number() over () - 1) / "
            + Notice.IDS_PER_PAYLOAD + " as payload from %s) p group by payload";

    /**
     * The claim: the due rows locked (skipping those other claimers hold), leased, each start after the first
     * recorded in the history (as {@link Histories#restarts} does), all announced as changed. It returns what a
     * worker's snapshot needs and the row does not tell by the claim alone: not the status (InProgress), the lease
     * (this node's, until the given instant), nor the end's columns (a claimable row has no end, result or error:
     * only a terminal write sets them, and a terminal row is never due).
     */
    static final String CLAIM = "with claimed as (update " + Rows.TABLE + " o set status = 'InProgress',"
            + " started_at = coalesce(o.started_at, " + AT + "), attempt = o.attempt + 1, lease_owner = ?,"
            + " due_at = " + AT + ","
            + " version = o.version + 1, " + Rows.STAMP + " from (select id, lease_owner from " + Rows.TABLE
            + " where due_at <= " + AT + " and (select set_config('synchronous_commit', 'off', true)) is not null"
            + " order by due_at limit ? for update skip locked) previous where o.id = previous.id returning o.id,"
            + " o.request_id, o.kind, o.subscription, o.resource_id, o.percent_complete, o.created_at, o.started_at,"
            + " o.expected_end_at, o.input, o.attempt, o.checkpoint, o.idempotency_key, o.owner_principal,"
            + " o.cancel_requested, o.version, previous.lease_owner as previous_owner),"
            + " restarted as (insert into " + Histories.TABLE + " (operation_id, version, at, type, node, attempt,"
            + " percent_complete, detail) select id, version, " + AT + ","
            + " case when previous_owner is null then 'STARTED' else 'TAKEN_OVER' end, ?, attempt, null, left(coalesce(previous_owner, 'retry'), 500) from claimed"
            + " where attempt > 1),"
            + " announced as (" + ANNOUNCE.formatted("claimed") + ")"
            + " select c.*, (select count(*) from announced) as announced from claimed c";

    /**
     * A group of terminal endings: one update joined to the group's arrays (ids as text, cast per row), each row
     * fenced as {@link Endings#FENCE} fences it, announced as changed; the ids it ended come back, then one null
     * per payload sent. The arrays travel in binary form; a column null in every row goes as an empty array, which
     * {@code unnest} pads with nulls.
     */
    static final String END = "with ended as (update " + Rows.TABLE + " o set status = u.status, result = u.result,"
            + " error = u.error, ended_at = " + AT + ", percent_complete = case when u.status = 'Succeeded' then 100"
            + " else o.percent_complete end, active_resource = null, due_at = null, lease_owner = null,"
            + " cancel_requested = false, version = o.version + 1, " + Rows.STAMP
            + " from unnest(?::varchar[], ?::int8[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])"
            + " as u(id, version, owner, status, result, error)"
            + " where o.id = u.id::uuid and o.version = u.version and o.lease_owner = u.owner and o.due_at > " + AT
            + " returning o.id),"
            + " announced as (" + ANNOUNCE.formatted("ended") + ")"
            + " select id from ended union all select null::uuid from announced";

    private static final String[] NO_TEXT = new String[0];

    private PgRunWrites() {
    }

    /** Runs {@link #CLAIM} on an auto-commit connection; the claimed operations, announced by {@code node}. */
    static List<Claimed> claim(Connection c, String owner, int limit, Instant now, Instant leaseUntil, String node)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setLong(1, micros(now));
            ps.setString(2, owner);
            ps.setLong(3, micros(leaseUntil));
            ps.setLong(4, micros(now));
            ps.setInt(5, limit);
            ps.setLong(6, micros(now));
            ps.setString(7, owner);
            ps.setString(8, node + "|c|");
            try (ResultSet rs = ps.executeQuery()) {
                List<Claimed> claimed = new ArrayList<>(limit);
                while (rs.next()) {
                    claimed.add(new Claimed(claimedRow(rs, owner), rs.getString(17)));
                }
                return claimed;
            }
        }
    }

    /** The snapshot of a row {@link #CLAIM} returned: leased, InProgress, without an end. */
    private static Operation claimedRow(ResultSet rs, String owner) throws SQLException {
        return new Operation(new OperationId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), OperationStatus.IN_PROGRESS, rs.getObject(6, Double.class),
                instant(rs, 7), instant(rs, 8), null, instant(rs, 9), rs.getString(10), null, null, rs.getInt(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getBoolean(15), rs.getLong(16));
    }

    /** {@code at} in microseconds since the epoch (the database keeps no finer instant). */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Runs {@link #END} for {@code endings} (terminal ones, without effects) at {@code now}, announced by
     * {@code node}; per ending, whether it applied (its fence held).
     */
    static boolean[] end(Connection c, List<Ending> endings, Instant now, String node) throws SQLException {
        int n = endings.size();
        String[] ids = new String[n];
        long[] versions = new long[n];
        String[] owners = new String[n];
        String[] statuses = new String[n];
        String[] results = new String[n];
        String[] errors = new String[n];
        boolean anyResult = false;
        boolean anyError = false;
        for (int i = 0; i < n; i++) {
            Ending e = endings.get(i);
            if (!e.isTerminal() || e.hasEffect()) {
                throw new IllegalArgumentException("a terminal ending without effect, not " + e);
            }
            ids[i] = e.fence().id().toString();
            versions[i] = e.fence().version();
            owners[i] = e.fence().owner();
            statuses[i] = e.status().wireName();
            results[i] = e.result();
            errors[i] = ErrorJson.write(e.error());
            anyResult |= results[i] != null;
            anyError |= errors[i] != null;
        }
        Set<UUID> applied = new HashSet<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(END)) {
            ps.setLong(1, micros(now));
            ps.setObject(2, ids);
            ps.setObject(3, versions);
            ps.setObject(4, owners);
            ps.setObject(5, statuses);
            ps.setObject(6, anyResult ? results : NO_TEXT);
            ps.setObject(7, anyError ? errors : NO_TEXT);
            ps.setLong(8, micros(now));
            ps.setString(9, node + "|c|");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    if (id != null) {
                        applied.add(id);
                    }
                }
            }
        }
        boolean[] result = new boolean[n];
        for (int i = 0; i < n; i++) {
            result[i] = applied.contains(endings.get(i).fence().id().value());
        }
        return result;
    }
}
