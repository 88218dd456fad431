package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationQuery;
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
        return Listing.list(dataSource, query);
    }

    @Override
    public List<Operation> claim(String owner, int limit, Instant now, Instant leaseUntil) {
        return Transactions.run(dataSource, "claim operations", c -> {
            dialect.relaxDurability(c);
            List<Operation> ops = new ArrayList<>();
            for (StoredOperation row : dialect.claim(c, owner, limit, now, leaseUntil)) {
                ops.add(row.operation());
            }
            if (!ops.isEmpty()) {
                notice(c, false, ops.stream().map(Operation::id).toList());
            }
            return ops;
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
    public boolean save(Fence fence, Progress p, Instant now) {
        return Transactions.run(dataSource, "save the progress of " + fence.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("update " + Rows.TABLE + " set percent_complete = ?,"
                    + " checkpoint = ?, expected_end_at = ?, version = version + 1" + FENCE)) {
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
                    ? "update " + Rows.TABLE + " set cancel_requested = true, version = version + 1"
                            + " where id = ? and version = ?"
                    : "update " + Rows.TABLE + " set status = 'Canceled', error = ?, ended_at = ?,"
                            + " cancel_requested = false, active_resource = null, due_at = null, lease_owner = null,"
                            + " version = version + 1 where id = ? and version = ?";
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
            work.execute(c);
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
    public int prune(Instant endedBefore, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from " + Rows.TABLE + " where id in (select id from "
                     + Rows.TABLE + " where ended_at < ? order by ended_at fetch first ? rows only)")) {
            Rows.setInstant(ps, 1, endedBefore);
            ps.setInt(2, limit);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot prune operations", e);
        }
    }

    /** Tells other engine instances, when {@code c} commits, that {@code ids} changed (and work is due). */
    private void notice(Connection c, boolean work, List<OperationId> ids) throws SQLException {
        dialect.notify(c, new Notice(node, work, ids));
    }
}
