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
 * No notifications: one process means the in-process signal sees every change. New rows go in
 * in a few multi-row statements, without a savepoint each: H2 undoes a failed statement alone. No partial
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

    /** Rows per multi-row INSERT at most; a group goes in as statements of 32, 16, 8, 4, 2 and 1 rows. */
    static final int TOGETHER = 32;

    /**
     * The holds first ({@link H2Holds#take}), then the rows of those admitted, a few multi-row INSERTs: one
     * statement runs its rows with one statement's overhead (a JDBC batch ran each row as a statement of its own,
     * about a seventh of the committer's time); statements of 32, 16, 8, 4, 2 and 1 rows keep the texts few, so H2
     * reuses them parsed. A statement a unique index refuses (a row whose id is already stored: written again after
     * a lost answer) is undone by H2 alone, and its rows go again as one JDBC batch: H2 runs the batch's remaining
     * statements after a failed one and reports it as {@link java.sql.Statement#EXECUTE_FAILED}, so only that row
     * is refused, and gives its holds back.
     */
    @Override
    boolean[] insertNew(Connection c, List<NewOperation> rows, String node) throws SQLException {
        boolean[] stored = new boolean[rows.size()];
        java.util.Arrays.fill(stored, true);
        H2Holds.take(c, rows, stored);
        List<Integer> admitted = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (stored[i]) {
                admitted.add(i);
            }
        }
        List<NewOperation> refused = new ArrayList<>();
        for (int from = 0; from < admitted.size(); ) {
            int n = Math.min(Integer.highestOneBit(admitted.size() - from), TOGETHER);
            List<Integer> part = admitted.subList(from, from + n);
            if (n == 1 || !together(c, rows, part)) {
                oneByOne(c, rows, part, stored, refused);
            }
            from += n;
        }
        H2Holds.drop(c, refused);
        return stored;
    }

    /** The rows {@code part} names in one statement; false when a unique index refused it (undone, nothing stored). */
    private static boolean together(Connection c, List<NewOperation> rows, List<Integer> part) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Rows.insertMany(part.size()))) {
            for (int k = 0; k < part.size(); k++) {
                Rows.bindNew(ps, rows.get(part.get(k)), k * Rows.PARAMETERS);
            }
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (uniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The rows {@code part} names as one JDBC batch: a refused one fails alone ({@code stored} false, in {@code refused}). */
    private static void oneByOne(Connection c, List<NewOperation> rows, List<Integer> part, boolean[] stored,
                                 List<NewOperation> refused) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Rows.INSERT)) {
            for (int i : part) {
                Rows.bindNew(ps, rows.get(i));
                ps.addBatch();
            }
            boolean[] inserted = H2Holds.run(ps, part.size());
            for (int k = 0; k < inserted.length; k++) {
                if (!inserted[k]) {
                    stored[part.get(k)] = false;
                    refused.add(rows.get(part.get(k)));
                }
            }
        }
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
