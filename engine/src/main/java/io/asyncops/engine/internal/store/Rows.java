package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The operation table's columns, and the mapping between its rows and {@link StoredOperation}s. */
final class Rows {
    static final String TABLE = "asyncops_operation";
    static final String COLUMNS = "id, request_id, kind, subscription, resource_id, status, percent_complete,"
            + " created_at, started_at, ended_at, expected_end_at, input, result, error, attempt, checkpoint,"
            + " idempotency_key, owner_principal, cancel_requested, version, lease_owner, due_at";
    /**
     * What a status read selects ({@link #readStatus}): what a status monitor, its lookup and its Retry-After need.
     * Not what a status does not show (input, checkpoint, request and resource ids, key, owner, lease): fewer bytes
     * sent and decoded, and a kept status weighs about half a whole snapshot.
     */
    static final String STATUS_COLUMNS = "id, kind, subscription, status, percent_complete, created_at, started_at,"
            + " ended_at, expected_end_at, result, error, attempt, cancel_requested, version";
    /**
     * Set by every write that moves a version past the first: the next change stamp, what the waiters' fallback
     * recheck reads changes by ({@link OperationStore#changedSince}).
     */
    static final String STAMP = "change_seq = nextval('asyncops_change_seq')";
    /** Stores a new operation: its columns, then {@code active_resource}, {@code idempotency_ref}, {@code correlation_id}. */
    static final String INSERT = "insert into " + TABLE + " (" + COLUMNS + ", active_resource, idempotency_ref,"
            + " correlation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private Rows() {
    }

    static StoredOperation read(ResultSet rs) throws SQLException {
        return new StoredOperation(operation(rs, true), rs.getString("lease_owner"), instant(rs, "due_at"));
    }

    /**
     * A row of {@link #STATUS_COLUMNS}: the operation with request id, resource id, input, checkpoint, idempotency
     * key and owner null.
     */
    static Operation readStatus(ResultSet rs) throws SQLException {
        return operation(rs, false);
    }

    /** The operation of a row of {@link #COLUMNS} ({@code whole}) or of {@link #STATUS_COLUMNS}. */
    private static Operation operation(ResultSet rs, boolean whole) throws SQLException {
        return new Operation(
                new OperationId(rs.getObject("id", UUID.class)),
                whole ? rs.getString("request_id") : null,
                rs.getString("kind"),
                rs.getString("subscription"),
                whole ? rs.getString("resource_id") : null,
                OperationStatus.fromWireName(rs.getString("status")),
                rs.getObject("percent_complete", Double.class),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                instant(rs, "expected_end_at"),
                whole ? rs.getString("input") : null,
                rs.getString("result"),
                ErrorJson.read(rs.getString("error")),
                rs.getInt("attempt"),
                whole ? rs.getString("checkpoint") : null,
                whole ? rs.getString("idempotency_key") : null,
                whole ? rs.getString("owner_principal") : null,
                rs.getBoolean("cancel_requested"),
                rs.getLong("version"));
    }

    /** Binds {@link #INSERT}'s parameters for {@code row}: due at once, holding its resource if exclusive. */
    static void bindNew(PreparedStatement ps, NewOperation row) throws SQLException {
        Operation op = row.operation();
        ps.setObject(1, op.id().value());
        ps.setString(2, op.requestId());
        ps.setString(3, op.kind());
        ps.setString(4, op.subscription());
        ps.setString(5, op.resourceId());
        ps.setString(6, op.status().wireName());
        ps.setNull(7, Types.DOUBLE);
        setInstant(ps, 8, op.createdAt());
        setInstant(ps, 9, null);
        setInstant(ps, 10, null);
        setInstant(ps, 11, null);
        ps.setString(12, op.input());
        ps.setString(13, null);
        ps.setString(14, null);
        ps.setInt(15, 0);
        ps.setString(16, null);
        ps.setString(17, op.idempotencyKey());
        ps.setString(18, op.owner());
        ps.setBoolean(19, false);
        ps.setLong(20, op.version());
        ps.setString(21, null);
        setInstant(ps, 22, op.createdAt());
        ps.setString(23, row.exclusive() ? op.resourceId() : null);
        ps.setString(24, idempotencyRef(op.subscription(), op.idempotencyKey()));
        ps.setString(25, row.correlationId());
    }

    /** Subscription and key in one unique column; the length prefix keeps ("a", "b:c") and ("a:b", "c") apart. */
    static String idempotencyRef(String subscription, String key) {
        if (key == null) {
            return null;
        }
        String s = subscription == null ? "" : subscription;
        return s.length() + ":" + s + ":" + key;
    }

    static List<StoredOperation> readAll(ResultSet rs) throws SQLException {
        List<StoredOperation> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(read(rs));
        }
        return rows;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
