package io.asyncops.engine.internal.store;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * H2 2.x, one process. H2 accepts {@code FOR UPDATE SKIP LOCKED} but then locks every due row before applying
 * the limit (its plan loses the "index sorted" early stop), so a claim would cost as much as the backlog. It
 * claims optimistically instead: read the first due rows without locks, then lease each with an update
 * conditional on the version read; a row another claimer took meanwhile is simply skipped.
 * No notifications: one process means the in-process signal sees every change. New rows go in as one JDBC batch
 * without a savepoint each: H2 undoes a failed statement alone and goes on with the rest of the batch. No partial
 * indexes either: every row enters every index, so claims and pruning share one (V6).
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
     * One batch for the group: H2 rolls a failed statement back by itself (the transaction and the other rows
     * stay) and runs the batch's remaining rows, reporting the failed ones as {@link Statement#EXECUTE_FAILED}; a
     * savepoint per row (the ANSI way) cost two statements more per row.
     */
    @Override
    boolean[] insertNew(Connection c, List<NewOperation> rows, String node) throws SQLException {
        boolean[] stored = new boolean[rows.size()];
        try (PreparedStatement ps = c.prepareStatement(Rows.INSERT)) {
            for (NewOperation row : rows) {
                Rows.bindNew(ps, row);
                ps.addBatch();
            }
            int[] counts;
            try {
                counts = ps.executeBatch();
            } catch (BatchUpdateException e) {
                // every failure must be a refusal by a unique index; anything else fails the group
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
                    if (!isUniqueViolation(next)) {
                        throw e;
                    }
                }
                counts = e.getUpdateCounts();
            }
            if (counts.length != rows.size()) {
                throw new SQLException("a batch of " + rows.size() + " inserts reported " + counts.length);
            }
            for (int i = 0; i < counts.length; i++) {
                stored[i] = counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO;
            }
        }
        return stored;
    }
}
