package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import io.asyncops.engine.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The SQL the store needs, in ANSI form; a database's dialect overrides only what it does differently.
 * Chosen by {@link #detect(DataSource)} from the database's product name.
 */
public abstract class SqlDialect {
    /** SQLState of a unique constraint violation, the same on every database we support. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The dialect of the database behind {@code dataSource}. */
    public static SqlDialect detect(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreException("cannot read the database's metadata", e);
        }
        String p = product.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return new PostgresDialect();
        }
        if (p.equals("h2")) {
            return new H2Dialect();
        }
        throw new StoreException("unsupported database: " + product + " (H2 and PostgreSQL are)", null);
    }

    /** The folder of this database's own migrations, next to the shared {@code common} one. */
    public abstract String migrationFolder();

    /** True when {@code e} (or a cause) reports a unique constraint violation. */
    boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Claims up to {@code limit} due operations within the caller's transaction: locks them skipping rows
     * other claimers hold, then leases them. Returns their new snapshots.
     */
    List<StoredOperation> claim(Connection c, String owner, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        List<StoredOperation> due;
        try (PreparedStatement ps = c.prepareStatement("select " + Rows.COLUMNS + " from " + Rows.TABLE
                + " where due_at <= ? order by due_at fetch first ? rows only for update skip locked")) {
            Rows.setInstant(ps, 1, now);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                due = Rows.readAll(rs);
            }
        }
        if (due.isEmpty()) {
            return due;
        }
        try (PreparedStatement ps = c.prepareStatement("update " + Rows.TABLE + " set status = 'InProgress',"
                + " started_at = coalesce(started_at, ?), attempt = attempt + 1, lease_owner = ?, due_at = ?,"
                + " version = version + 1 where id = ? and version = ?")) {
            for (StoredOperation row : due) {
                Rows.setInstant(ps, 1, now);
                ps.setString(2, owner);
                Rows.setInstant(ps, 3, leaseUntil);
                ps.setObject(4, row.operation().id().value());
                ps.setLong(5, row.operation().version());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            List<StoredOperation> claimed = new ArrayList<>(due.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    claimed.add(leased(due.get(i), owner, now, leaseUntil));
                }
            }
            return claimed;
        }
    }

    /** Announces {@code payload} to other engine instances when the transaction commits; nothing by default. */
    void notify(Connection c, String payload) throws SQLException {
        // a database without notifications: other instances find changes by polling
    }

    /**
     * Starts delivering other instances' notices to {@code sink}, on a thread of its own; empty when this
     * database has no notifications (then polling is the only way to see other instances' changes).
     */
    public Optional<ChangeFeed> changeFeed(DataSource dataSource, Consumer<Notice> sink) {
        return Optional.empty();
    }

    /** The snapshot {@code row} has after the claim's update, without reading it again. */
    private static StoredOperation leased(StoredOperation row, String owner, Instant now, Instant leaseUntil) {
        Operation o = row.operation();
        Operation claimed = new Operation(o.id(), o.requestId(), o.kind(), o.subscription(), o.resourceId(),
                io.asyncops.engine.OperationStatus.IN_PROGRESS, o.percentComplete(), o.createdAt(),
                o.startedAt() != null ? o.startedAt() : now, o.endedAt(), o.expectedEndAt(), o.input(), o.result(),
                o.error(), o.attempt() + 1, o.checkpoint(), o.idempotencyKey(), o.owner(), o.cancelRequested(),
                o.version() + 1);
        return new StoredOperation(claimed, owner, leaseUntil);
    }
}
