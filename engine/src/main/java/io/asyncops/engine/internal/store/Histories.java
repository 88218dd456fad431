package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationEvent;
import io.asyncops.engine.OperationHistory;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStats;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Operations' timelines ({@code asyncops_operation_event}) and counts. Rule: the hot path writes no event; what
 * the operation row shows (accepted, first start, end) is read from the row, and only steps it cannot show are
 * rows here, each written in the transaction of the change it records.
 */
final class Histories {
    static final String TABLE = "asyncops_operation_event";
    private static final String INSERT = "insert into " + TABLE
            + " (operation_id, version, at, type, node, attempt, percent_complete, detail) values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int MAX_DETAIL = 500;

    private Histories() {
    }

    /** Records a step of a run; {@code version} is the operation's version after the write that makes it. */
    static void record(Connection c, OperationId id, long version, Instant at, String node, Step step)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, id, version, at, step.type(), node, step.attempt(), step.percentComplete(), step.detail());
            ps.executeUpdate();
        }
    }

    /** Records a cancel request; {@code version} is the operation's version after it. */
    static void cancelRequested(Connection c, Operation op, long version, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, op.id(), version, at, OperationEvent.Type.CANCEL_REQUESTED, null, op.attempt(), null, null);
            ps.executeUpdate();
        }
    }

    /** Records the starts after the first among {@code claimed} (the first is on the row): retries and takeovers. */
    static void restarts(Connection c, List<Claimed> claimed, String node, Instant at) throws SQLException {
        PreparedStatement ps = null;
        try {
            for (Claimed cl : claimed) {
                Operation op = cl.operation();
                if (op.attempt() <= 1) {
                    continue;
                }
                if (ps == null) {
                    ps = c.prepareStatement(INSERT);
                }
                boolean takeover = cl.previousOwner() != null;
                bind(ps, op.id(), op.version(), at, takeover ? OperationEvent.Type.TAKEN_OVER
                        : OperationEvent.Type.STARTED, node, op.attempt(), null,
                        takeover ? cl.previousOwner() : "retry");
                ps.addBatch();
            }
            if (ps != null) {
                ps.executeBatch();
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }

    private static void bind(PreparedStatement ps, OperationId id, long version, Instant at, OperationEvent.Type type,
                             String node, int attempt, Double percent, String detail) throws SQLException {
        ps.setObject(1, id.value());
        ps.setLong(2, version);
        Rows.setInstant(ps, 3, at);
        ps.setString(4, type.name());
        ps.setString(5, node);
        ps.setInt(6, attempt);
        if (percent == null) {
            ps.setNull(7, Types.DOUBLE);
        } else {
            ps.setDouble(7, percent);
        }
        ps.setString(8, detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
    }

    /** The operation and its whole timeline, read in one connection; empty when unknown. */
    static Optional<OperationHistory> read(DataSource dataSource, OperationId id) {
        try (Connection c = dataSource.getConnection()) {
            Operation op;
            String correlationId;
            try (PreparedStatement ps = c.prepareStatement("select " + Rows.COLUMNS + ", correlation_id from "
                    + Rows.TABLE + " where id = ?")) {
                ps.setObject(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    op = Rows.read(rs).operation();
                    correlationId = rs.getString("correlation_id");
                }
            }
            List<OperationEvent> events = new ArrayList<>();
            events.add(new OperationEvent(OperationEvent.Type.ACCEPTED, op.createdAt(), 0, null, null, null));
            if (op.startedAt() != null) {
                events.add(new OperationEvent(OperationEvent.Type.STARTED, op.startedAt(), 1, null, null, null));
            }
            try (PreparedStatement ps = c.prepareStatement("select at, type, node, attempt, percent_complete, detail"
                    + " from " + TABLE + " where operation_id = ? order by version")) {
                ps.setObject(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new OperationEvent(OperationEvent.Type.valueOf(rs.getString("type")),
                                Rows.instant(rs, "at"), rs.getInt("attempt"), rs.getString("node"),
                                rs.getObject("percent_complete", Double.class), rs.getString("detail")));
                    }
                }
            }
            if (op.isTerminal()) {
                String detail = op.status().wireName() + (op.error() != null ? ": " + op.error().code() : "");
                events.add(new OperationEvent(OperationEvent.Type.ENDED, op.endedAt() != null ? op.endedAt()
                        : op.createdAt(), op.attempt(), null, op.percentComplete(), detail));
            }
            return Optional.of(new OperationHistory(op, correlationId, events));
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of " + id, e);
        }
    }

    /** Counts per status and the oldest non-terminal creation time, of one subscription or (null) all. */
    static OperationStats stats(DataSource dataSource, String subscription) {
        String sql = "select status, count(*) as n, min(created_at) as oldest from " + Rows.TABLE
                + (subscription == null ? "" : " where subscription = ?") + " group by status";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (subscription != null) {
                ps.setString(1, subscription);
            }
            Map<OperationStatus, Long> counts = new EnumMap<>(OperationStatus.class);
            Instant oldest = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OperationStatus status = OperationStatus.fromWireName(rs.getString("status"));
                    counts.put(status, rs.getLong("n"));
                    Instant first = Rows.instant(rs, "oldest");
                    if (!status.isTerminal() && first != null && (oldest == null || first.isBefore(oldest))) {
                        oldest = first;
                    }
                }
            }
            return new OperationStats(counts, oldest);
        } catch (SQLException e) {
            throw new StoreException("cannot count operations", e);
        }
    }
}
