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
        return uniqueViolation(e);
    }

    /** True when {@code e} (or a cause) reports a unique constraint violation. */
    static boolean uniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inserts new operation rows in the caller's transaction, skipping each one a unique index refuses (its id,
     * its idempotency key, its exclusive resource) without failing the others, and announces those stored as
     * engine instance {@code node} ({@link #notify}); per row, whether it was stored. An announced row whose
     * work then fails is rolled back: other instances look at an operation that does not exist, which is harmless.
     * ANSI: one row at a time, each in a savepoint (a failed statement may spoil the whole transaction).
     */
    boolean[] insertNew(Connection c, List<NewOperation> rows, String node) throws SQLException {
        boolean[] stored = new boolean[rows.size()];
        List<io.asyncops.engine.OperationId> ids = new ArrayList<>(rows.size());
        try (PreparedStatement ps = c.prepareStatement(Rows.INSERT)) {
            for (int i = 0; i < rows.size(); i++) {
                Rows.bindNew(ps, rows.get(i));
                java.sql.Savepoint sp = c.setSavepoint();
                try {
                    ps.executeUpdate();
                    stored[i] = true;
                } catch (SQLException e) {
                    if (!isUniqueViolation(e)) {
                        throw e;
                    }
                    c.rollback(sp);
                    continue;
                }
                c.releaseSavepoint(sp);
                ids.add(rows.get(i).operation().id());
            }
        }
        if (!ids.isEmpty()) {
            notify(c, new Notice(node, true, ids));
        }
        return stored;
    }

    /**
     * True when {@link #insertNew} is one statement, atomic on its own: a group without work then needs no
     * transaction around it (no BEGIN, no COMMIT round trip), its statement's own commit is the durable one.
     */
    boolean insertIsOneStatement() {
        return false;
    }

    /** The condition (one parameter, the idempotency ref) that finds the operation holding a key. */
    String keyHolder() {
        return "idempotency_ref = ?";
    }

    /** The condition (one parameter, the resource id) that finds the operation holding a resource. */
    String resourceHolder() {
        return "active_resource = ?";
    }

    /**
     * Gives back what {@code rows}, inserted in this transaction, hold outside their rows, before they are deleted
     * again (their work failed). Nothing by default: keys and resources are columns of the row.
     */
    void dropHolds(Connection c, List<NewOperation> rows) throws SQLException {
        // held by the row itself
    }

    /** Gives back the resources {@code ids} hold, in the transaction that ends or cancels them; nothing by default. */
    void releaseResources(Connection c, List<io.asyncops.engine.OperationId> ids) throws SQLException {
        // active_resource = null in the same update does it
    }

    /** Gives back everything {@code ids} hold, before their rows are deleted; nothing by default. */
    void forget(Connection c, List<io.asyncops.engine.OperationId> ids) throws SQLException {
        // held by the rows themselves
    }

    /** Gives back every hold, with every operation (purge); nothing by default. */
    void forgetAll(Connection c) throws SQLException {
        // held by the rows themselves
    }

    /**
     * Claims up to {@code limit} due operations within the caller's transaction: locks them skipping rows
     * other claimers hold, then leases them. Returns their new snapshots, each with the node whose expired lease it
     * took over (null when it was free).
     */
    List<Claimed> claim(Connection c, String owner, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        return leaseEach(c, due(c, limit, now, " for update skip locked"), owner, now, leaseUntil);
    }

    /**
     * The due operations' query. Its lower bound is what keeps a claim from reading the terminal rows: their due_at
     * is NULL, and H2 sorts NULL first in the index, so a range with no lower bound starts at every finished
     * operation and filters them out one by one.
     */
    static final String DUE = "select " + Rows.COLUMNS + " from " + Rows.TABLE
            + " where due_at >= ? and due_at <= ? order by due_at fetch first ? rows only";
    /** Before any due time the engine sets (they derive from its clock), after every NULL. */
    static final Instant DUE_FLOOR = Instant.parse("0001-01-01T00:00:00Z");

    /** The first {@code limit} due operations, oldest due first, with {@code lockClause} appended. */
    static List<StoredOperation> due(Connection c, int limit, Instant now, String lockClause) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DUE + lockClause)) {
            Rows.setInstant(ps, 1, DUE_FLOOR);
            Rows.setInstant(ps, 2, now);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                return Rows.readAll(rs);
            }
        }
    }

    /**
     * Leases each of {@code due} with an update conditional on the version read, and returns those whose update
     * applied: a row another claimer took meanwhile has a newer version and is skipped.
     */
    static List<Claimed> leaseEach(Connection c, List<StoredOperation> due, String owner, Instant now,
                                   Instant leaseUntil) throws SQLException {
        if (due.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("update " + Rows.TABLE + " set status = 'InProgress',"
                + " started_at = coalesce(started_at, ?), attempt = attempt + 1, lease_owner = ?, due_at = ?,"
                + " version = version + 1, " + Rows.STAMP + " where id = ? and version = ? and due_at <= ?")) {
            for (StoredOperation row : due) {
                Rows.setInstant(ps, 1, now);
                ps.setString(2, owner);
                Rows.setInstant(ps, 3, leaseUntil);
                ps.setObject(4, row.operation().id().value());
                ps.setLong(5, row.operation().version());
                Rows.setInstant(ps, 6, now);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            List<Claimed> claimed = new ArrayList<>(due.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    claimed.add(new Claimed(leased(due.get(i), now), due.get(i).leaseOwner()));
                }
            }
            return claimed;
        }
    }

    /**
     * True when a claim and a group of plain endings (terminal, without effects) are each one statement, atomic on
     * its own, that also records and announces what it changed ({@link #claimAlone}, {@link #endAlone}): they run
     * in auto-commit mode, one round trip each. No by default.
     */
    boolean runWritesAlone() {
        return false;
    }

    /**
     * {@link #claim} as one auto-committed statement that also lets its commit skip the durable write
     * ({@link #relaxDurability}), records the restarts in the history and announces the claimed operations as
     * {@code node}. Only where {@link #runWritesAlone}.
     */
    List<Claimed> claimAlone(Connection c, String owner, int limit, Instant now, Instant leaseUntil, String node)
            throws SQLException {
        throw new UnsupportedOperationException("claims take a transaction on this database");
    }

    /**
     * Writes terminal endings without effects in one auto-committed (durable) statement that also announces those
     * it applied as {@code node}; per ending, whether its fence held. Only where {@link #runWritesAlone}.
     */
    boolean[] endAlone(Connection c, List<Ending> endings, Instant now, String node) throws SQLException {
        throw new UnsupportedOperationException("endings take a transaction on this database");
    }

    /**
     * The condition (one parameter, the cutoff) and order pruning reads the ended operations with, oldest end
     * first, along an index of the ended rows.
     */
    String endedBefore() {
        return "ended_at < ? order by ended_at";
    }

    /**
     * Whether the database may plan a prepared statement anew for each call's values (PostgreSQL's custom plans),
     * keeping one plan for all calls only while that plan's estimate is no dearer. No by default.
     */
    boolean plansPerValue() {
        return false;
    }

    /**
     * Lets the current transaction commit without waiting for its durable write, where losing it in a database
     * crash is harmless: claims and lease extensions (a lost claim makes its fenced writes fail and the operation
     * runs again). Nothing by default.
     */
    void relaxDurability(Connection c) throws SQLException {
        // every commit is durable
    }

    /** Announces {@code notice} to other engine instances when the transaction commits; nothing by default. */
    void notify(Connection c, Notice notice) throws SQLException {
        // a database without notifications: other instances find changes by polling
    }

    /**
     * Starts delivering other instances' notices to {@code sink}, on a thread of its own; empty when this
     * database has no notifications (then polling is the only way to see other instances' changes). Notices
     * {@code ownNode} sent are dropped unread: this instance has acted on its changes already.
     */
    public Optional<ChangeFeed> changeFeed(DataSource dataSource, String ownNode, Consumer<Notice> sink) {
        return Optional.empty();
    }

    /** The snapshot {@code row} has after the claim's update, without reading it again. */
    private static Operation leased(StoredOperation row, Instant now) {
        Operation o = row.operation();
        Operation claimed = new Operation(o.id(), o.requestId(), o.kind(), o.subscription(), o.resourceId(),
                io.asyncops.engine.OperationStatus.IN_PROGRESS, o.percentComplete(), o.createdAt(),
                o.startedAt() != null ? o.startedAt() : now, o.endedAt(), o.expectedEndAt(), o.input(), o.result(),
                o.error(), o.attempt() + 1, o.checkpoint(), o.idempotencyKey(), o.owner(), o.cancelRequested(),
                o.version() + 1);
        return claimed;
    }
}
