package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationHistory;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStats;
import io.asyncops.engine.Page;
import io.asyncops.engine.StoreException;
import io.asyncops.engine.TransactionalWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/** The {@link OperationStore} on any JDBC database a {@link SqlDialect} describes. */
public final class JdbcOperationStore implements OperationStore {
    private static final String FENCE = Endings.FENCE;
    /** Ids per statement of {@link #versions}. */
    private static final int VERSIONS_PER_STATEMENT = 100;
    /** Ids per delete statement when pruning (well under every database's parameter limit). */
    private static final int PRUNE_CHUNK = 500;
    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String node;
    private final Endings endings;
    private final Inserts inserts;

    /** A store writing as engine instance {@code node} (named in the notices it sends). */
    public JdbcOperationStore(DataSource dataSource, SqlDialect dialect, String node) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
        this.dialect = Objects.requireNonNull(dialect, "dialect == null");
        this.node = Objects.requireNonNull(node, "node == null");
        this.endings = new Endings(dataSource, dialect, node);
        this.inserts = new Inserts(dataSource, dialect, node);
    }

    @Override
    public List<Inserted> insert(List<NewOperation> batch) {
        return batch.isEmpty() ? List.of() : inserts.insert(batch);
    }

    @Override
    public Optional<StoredOperation> find(OperationId id) {
        return findOne("id = ?", id.value());
    }

    @Override
    public Optional<Operation> findStatus(OperationId id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + Rows.STATUS_COLUMNS + " from " + Rows.TABLE
                     + " where id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.readStatus(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read operations", e);
        }
    }

    @Override
    public Map<OperationId, Long> versions(Set<OperationId> ids) {
        Map<OperationId, Long> versions = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return versions;
        }
        List<OperationId> all = new ArrayList<>(ids);
        StringBuilder sql = new StringBuilder("select id, version from " + Rows.TABLE + " where id in (?");
        sql.append(", ?".repeat(VERSIONS_PER_STATEMENT - 1)).append(')');
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int from = 0; from < all.size(); from += VERSIONS_PER_STATEMENT) {
                for (int k = 0; k < VERSIONS_PER_STATEMENT; k++) {
                    // one statement text: the last chunk repeats its last id
                    ps.setObject(k + 1, all.get(Math.min(from + k, all.size() - 1)).value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.put(new OperationId(rs.getObject(1, java.util.UUID.class)), rs.getLong(2));
                    }
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new StoreException("cannot read operation versions", e);
        }
    }

    @Override
    public List<Change> changedSince(long after, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select id,"
                + " version, change_seq from " + Rows.TABLE + " where change_seq > ? order by change_seq"
                + " fetch first ? rows only")) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(new OperationId(rs.getObject(1, java.util.UUID.class)), rs.getLong(2),
                            rs.getLong(3)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new StoreException("cannot read changed operations", e);
        }
    }

    @Override
    public long lastStamp() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select max(change_seq) from " + Rows.TABLE); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot read the last change stamp", e);
        }
    }

    @Override
    public Optional<Operation> findByRequestId(String requestId) {
        return findOne("request_id = ? order by created_at desc fetch first 1 rows only", requestId)
                .map(StoredOperation::operation);
    }

    private Optional<StoredOperation> findOne(String condition, Object value) {
        try (Connection c = dataSource.getConnection()) {
            return Inserts.findOne(c, condition, value);
        } catch (SQLException e) {
            throw new StoreException("cannot read operations", e);
        }
    }

    @Override
    public Page<Operation> list(OperationQuery query) {
        return Listing.list(dataSource, dialect, query);
    }

    @Override
    public List<Claimed> claim(String owner, int limit, Instant now, Instant leaseUntil) {
        if (dialect.runWritesAlone()) {
            return Transactions.autocommit(dataSource, "claim operations",
                    c -> dialect.claimAlone(c, owner, limit, now, leaseUntil, node));
        }
        return Transactions.run(dataSource, "claim operations", c -> {
            dialect.relaxDurability(c);
            List<Claimed> claimed = dialect.claim(c, owner, limit, now, leaseUntil);
            if (!claimed.isEmpty()) {
                Histories.restarts(c, claimed, owner, now);
                notice(c, false, claimed.stream().map(cl -> cl.operation().id()).toList());
            }
            return claimed;
        });
    }

    @Override
    public boolean[] extend(List<Fence> fences, Instant now, Instant until) {
        if (fences.isEmpty()) {
            return new boolean[0];
        }
        return Transactions.run(dataSource, "extend leases", c -> {
            dialect.relaxDurability(c);
            try (PreparedStatement ps = c.prepareStatement("update " + Rows.TABLE + " set due_at = ?" + FENCE)) {
                for (Fence f : fences) {
                    Rows.setInstant(ps, 1, until);
                    Endings.bindFence(ps, 2, f, now);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                boolean[] applied = new boolean[counts.length];
                for (int i = 0; i < counts.length; i++) {
                    applied[i] = counts[i] == 1;
                }
                return applied;
            }
        });
    }

    @Override
    public boolean save(Fence fence, Progress p, Instant now, Step step) {
        return Transactions.run(dataSource, "save the progress of " + fence.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("update " + Rows.TABLE + " set percent_complete = ?,"
                    + " checkpoint = ?, expected_end_at = ?, version = version + 1, " + Rows.STAMP + FENCE)) {
                if (p.percentComplete() == null) {
                    ps.setNull(1, java.sql.Types.DOUBLE);
                } else {
                    ps.setDouble(1, p.percentComplete());
                }
                ps.setString(2, p.checkpoint());
                Rows.setInstant(ps, 3, p.expectedEndAt());
                Endings.bindFence(ps, 4, fence, now);
                boolean applied = ps.executeUpdate() == 1;
                if (applied) {
                    if (step != null) {
                        Histories.record(c, fence.id(), fence.version() + 1, now, fence.owner(), step);
                    }
                    notice(c, false, List.of(fence.id()));
                }
                return applied;
            }
        });
    }

    @Override
    public List<Finished> finish(List<Ending> endings, Instant now) {
        return this.endings.finish(endings, now);
    }

    @Override
    public Optional<Cancellation> requestCancel(OperationId id, Instant now,
                                                Function<Operation, TransactionalWork> undo) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<StoredOperation> found = find(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StoredOperation row = found.get();
            Operation op = row.operation();
            if (op.isTerminal() || (op.cancelRequested() && row.leaseOwner() != null && row.dueAt().isAfter(now))) {
                return Optional.of(new Cancellation(op, false));
            }
            boolean leased = row.leaseOwner() != null && row.dueAt().isAfter(now);
            String sql = leased
                    ? "update " + Rows.TABLE + " set cancel_requested = true, version = version + 1, "
                            + Rows.STAMP + " where id = ? and version = ?"
                    : "update " + Rows.TABLE + " set status = 'Canceled', error = ?, ended_at = ?,"
                            + " cancel_requested = false, active_resource = null, due_at = null, lease_owner = null,"
                            + " version = version + 1, " + Rows.STAMP + " where id = ? and version = ?";
            Optional<Operation> changed = changeIfVersion(sql, leased, op, now,
                    leased ? TransactionalWork.none() : undo.apply(op));
            if (changed.isPresent()) {
                return Optional.of(new Cancellation(changed.get(), !leased));
            }
            // someone changed it meanwhile (claimed, progressed, ended): look again
        }
        throw new StoreException("cannot cancel " + id + ": it keeps changing", null);
    }

    private Optional<Operation> changeIfVersion(String sql, boolean flagOnly, Operation op, Instant now,
                                                TransactionalWork work) {
        return Transactions.run(dataSource, "cancel " + op.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (!flagOnly) {
                    ps.setString(i++, ErrorJson.write(OperationError.canceled()));
                    Rows.setInstant(ps, i++, now);
                }
                ps.setObject(i++, op.id().value());
                ps.setLong(i, op.version());
                if (ps.executeUpdate() != 1) {
                    c.rollback();
                    return Optional.empty();
                }
            }
            if (!flagOnly) {
                dialect.releaseResources(c, List.of(op.id()));
            }
            work.execute(c);
            Histories.cancelRequested(c, op, op.version() + 1, now);
            notice(c, false, List.of(op.id()));
            try (PreparedStatement read = c.prepareStatement("select " + Rows.COLUMNS + " from " + Rows.TABLE
                    + " where id = ?")) {
                read.setObject(1, op.id().value());
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return Optional.of(Rows.read(rs).operation());
                }
            }
        });
    }

    @Override
    public Optional<OperationHistory> history(OperationId id) {
        return Histories.read(dataSource, id);
    }

    @Override
    public OperationStats stats(String subscription) {
        return Histories.stats(dataSource, subscription);
    }

    @Override
    public int prune(Instant endedBefore, int limit) {
        return Transactions.run(dataSource, "prune operations", c -> {
            List<Object> ids = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from " + Rows.TABLE + " where "
                    + dialect.endedBefore() + " fetch first ? rows only")) {
                Rows.setInstant(ps, 1, endedBefore);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1));
                    }
                }
            }
            // the events first, then the operations, by the same ids: an operation and its history go together
            int deleted = 0;
            for (int from = 0; from < ids.size(); from += PRUNE_CHUNK) {
                List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + PRUNE_CHUNK));
                String in = " in (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
                deleteIn(c, "delete from " + Histories.TABLE + " where operation_id" + in, chunk);
                dialect.forget(c, chunk.stream().map(id -> new OperationId((java.util.UUID) id)).toList());
                deleted += deleteIn(c, "delete from " + Rows.TABLE + " where id" + in, chunk);
            }
            return deleted;
        });
    }

    private static int deleteIn(Connection c, String sql, List<Object> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(i + 1, ids.get(i));
            }
            return ps.executeUpdate();
        }
    }

    @Override
    public int purge(TransactionalWork work) {
        return Transactions.run(dataSource, "purge operations", c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("delete from " + Rows.TABLE)) {
                n = ps.executeUpdate();
            }
            dialect.forgetAll(c);
            work.execute(c);
            return n;
        });
    }

    /** Tells other engine instances, when {@code c} commits, that {@code ids} changed (and work is due). */
    private void notice(Connection c, boolean work, List<OperationId> ids) throws SQLException {
        dialect.notify(c, new Notice(node, work, ids));
    }
}
