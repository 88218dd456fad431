package io.asyncops.engine.internal.store;

import io.asyncops.engine.OperationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * H2 2.x, one process. H2 accepts {@code FOR UPDATE SKIP LOCKED} but then locks every due row before applying
 * the limit (its plan loses the "index sorted" early stop), so a claim would cost as much as the backlog. It
 * claims optimistically instead: read the first due rows without locks, then lease each with an update
 * conditional on the version read; a row another claimer took meanwhile is simply skipped.
 * No notifications: one process means the in-process signal sees every change. New rows go in as one JDBC batch
 * without a savepoint each: H2 undoes a failed statement alone and goes on with the rest of the batch. No partial
 * indexes either: every row enters every index, so claims and pruning share one (V6), and idempotency keys and held
 * resources live in a table of their own, with rows only where an operation has one ({@link H2Holds}, V7).
 */
final class H2Dialect extends SqlDialect {
    @Override
    public String migrationFolder() {
        return "h2";
    }

    @Override
    List<Claimed> claim(Connection c, String owner, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        return leaseEach(c, due(c, limit, now, ""), owner, now, leaseUntil);
    }

    /**
     * Along the index of (due_at, ended_at) (V6): the terminal rows (due_at NULL) are its first range, in end
     * order, so the index's own order is oldest end first; an "order by" would make H2 sort the whole range.
     */
    @Override
    String endedBefore() {
        return "due_at is null and ended_at < ?";
    }

    /**
     * The holds first ({@link H2Holds#take}), then one batch of rows for those admitted: H2 rolls a failed statement
     * back by itself (the transaction and the other rows stay) and runs the batch's remaining ones, reporting the
     * failed ones as {@link java.sql.Statement#EXECUTE_FAILED}; a savepoint per row (the ANSI way) cost two
     * statements more per row. A row refused for its id gives its holds back.
     */
    @Override
    boolean[] insertNew(Connection c, List<NewOperation> rows, String node) throws SQLException {
        boolean[] stored = new boolean[rows.size()];
        java.util.Arrays.fill(stored, true);
        H2Holds.take(c, rows, stored);
        List<Integer> admitted = new ArrayList<>(rows.size());
        try (PreparedStatement ps = c.prepareStatement(Rows.INSERT)) {
            for (int i = 0; i < rows.size(); i++) {
                if (stored[i]) {
                    Rows.bindNew(ps, rows.get(i));
                    ps.addBatch();
                    admitted.add(i);
                }
            }
            if (admitted.isEmpty()) {
                return stored;
            }
            boolean[] inserted = H2Holds.run(ps, admitted.size());
            List<NewOperation> refused = new ArrayList<>();
            for (int k = 0; k < inserted.length; k++) {
                if (!inserted[k]) {
                    stored[admitted.get(k)] = false;
                    refused.add(rows.get(admitted.get(k)));
                }
            }
            H2Holds.drop(c, refused);
        }
        return stored;
    }

    @Override
    String keyHolder() {
        return H2Holds.KEY_HOLDER;
    }

    @Override
    String resourceHolder() {
        return H2Holds.RESOURCE_HOLDER;
    }

    @Override
    void dropHolds(Connection c, List<NewOperation> rows) throws SQLException {
        H2Holds.drop(c, rows);
    }

    @Override
    void releaseResources(Connection c, List<OperationId> ids) throws SQLException {
        H2Holds.releaseResources(c, ids);
    }

    @Override
    void forget(Connection c, List<OperationId> ids) throws SQLException {
        H2Holds.forget(c, ids);
    }

    @Override
    void forgetAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from " + H2Holds.TABLE)) {
            ps.executeUpdate();
        }
    }
}
