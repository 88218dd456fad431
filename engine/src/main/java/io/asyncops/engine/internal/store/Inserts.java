package io.asyncops.engine.internal.store;

import io.asyncops.engine.IdempotencyConflictException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Stores a group of {@link NewOperation}s in one transaction, each submitter learning its own outcome:
 * <ol>
 *   <li>the rows go in together, those a unique index refuses skipped ({@link SqlDialect#insertNew});</li>
 *   <li>each stored row's work runs in a savepoint of its own: work that throws is rolled back with its row, and
 *       only its submitter fails;</li>
 *   <li>each refused row is explained: an idempotent replay (of a stored operation or of a row of this very
 *       group), a key used with another input, a busy resource; or its holder is gone, and it goes round again;</li>
 *   <li>one notice (sent with the insert where the database can), one commit; none of its own when no row has
 *       work and the insert is one statement ({@link SqlDialect#insertIsOneStatement}).</li>
 * </ol>
 * A group whose transaction fails as a whole (a row the database rejects, a lost connection) is written again
 * one operation at a time, so the offender fails alone. A lone operation needs no savepoint: its transaction is
 * its own.
 */
final class Inserts {
    /** Rounds an operation goes through while the holders of its key or resource keep disappearing. */
    private static final int MAX_ROUNDS = 5;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String node;

    Inserts(DataSource dataSource, SqlDialect dialect, String node) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.node = node;
    }

    List<Inserted> insert(List<NewOperation> batch) {
        Inserted[] results = new Inserted[batch.size()];
        List<Integer> pending = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            pending.add(i);
        }
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > MAX_ROUNDS) {
                for (int i : pending) {
                    results[i] = Inserted.failed(new StoreException("operation " + batch.get(i).operation().id()
                            + " kept conflicting with others", null));
                }
                break;
            }
            List<Integer> again = new ArrayList<>();
            try {
                collect(pending, together(batch, pending), results, again);
            } catch (RuntimeException | Error groupFailed) {
                if (pending.size() == 1) {
                    results[pending.get(0)] = Inserted.failed(groupFailed);
                } else {
                    for (int i : pending) {
                        try {
                            collect(List.of(i), together(batch, List.of(i)), results, again);
                        } catch (RuntimeException | Error failed) {
                            results[i] = Inserted.failed(failed);
                        }
                    }
                }
            }
            pending = again;
        }
        return List.of(results);
    }

    private static void collect(List<Integer> which, Inserted[] outcomes, Inserted[] results, List<Integer> again) {
        for (int k = 0; k < outcomes.length; k++) {
            if (outcomes[k] == null) {
                again.add(which.get(k));
            } else {
                results[which.get(k)] = outcomes[k];
            }
        }
    }

    /**
     * One transaction for the rows {@code which} names; per row its outcome, null to try again. Rows without
     * work, on a database that inserts them in one statement, need no transaction around it: that statement
     * commits on its own (durably), and the refused rows are explained after it, when every row it stored is
     * there to be found.
     */
    private Inserted[] together(List<NewOperation> batch, List<Integer> which) {
        List<NewOperation> rows = new ArrayList<>(which.size());
        boolean work = false;
        for (int i : which) {
            rows.add(batch.get(i));
            work |= batch.get(i).hasWork();
        }
        boolean alone = rows.size() == 1;
        String what = alone ? "store operation " + rows.get(0).operation().id() : "store " + rows.size() + " operations";
        if (!work && dialect.insertIsOneStatement()) {
            return Transactions.autocommit(dataSource, what, c -> store(c, rows, alone));
        }
        return Transactions.run(dataSource, what, c -> store(c, rows, alone));
    }

    /** Inserts {@code rows} (announced), runs their works, explains the refused ones. */
    private Inserted[] store(Connection c, List<NewOperation> rows, boolean alone) throws SQLException {
        boolean[] stored = dialect.insertNew(c, rows, node);
        Inserted[] out = new Inserted[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            NewOperation row = rows.get(k);
            if (!stored[k]) {
                continue;
            }
            if (row.hasWork()) {
                if (alone) {
                    row.work().execute(c); // throws: the transaction, its own, rolls back
                } else {
                    Throwable failed = workInSavepoint(c, row);
                    if (failed != null) {
                        out[k] = Inserted.failed(failed);
                        stored[k] = false;
                        continue;
                    }
                }
            }
            out[k] = Inserted.created(row.operation());
        }
        // after the works: a replay must find only rows that stay, and a row whose work failed frees its key
        for (int k = 0; k < rows.size(); k++) {
            if (!stored[k] && out[k] == null) {
                out[k] = resolve(c, rows.get(k));
            }
        }
        return out;
    }

    /** Runs a row's work in a savepoint; on failure undoes it and the row, and returns what to throw. */
    private Throwable workInSavepoint(Connection c, NewOperation row) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try {
            row.work().execute(c);
            c.releaseSavepoint(sp);
            return null;
        } catch (SQLException | RuntimeException | Error e) {
            c.rollback(sp);
            try (PreparedStatement ps = c.prepareStatement("delete from " + Rows.TABLE + " where id = ?")) {
                ps.setObject(1, row.operation().id().value());
                ps.executeUpdate();
            }
            dialect.dropHolds(c, List.of(row));
            return e instanceof SQLException s
                    ? new StoreException("cannot store operation " + row.operation().id(), s) : e;
        }
    }

    /**
     * Why a row was refused, read in the group's transaction (so a row of the same group counts): its own row
     * already there (a retry after a commit whose answer was lost), an idempotent replay, a key conflict, a busy
     * resource; null when the holder is already gone (try again).
     */
    private Inserted resolve(Connection c, NewOperation row) throws SQLException {
        Operation op = row.operation();
        Optional<StoredOperation> own = findOne(c, "id = ?", op.id().value());
        if (own.isPresent()) {
            return Inserted.created(own.get().operation());
        }
        String ref = Rows.idempotencyRef(op.subscription(), op.idempotencyKey());
        if (ref != null) {
            Optional<StoredOperation> existing = findOne(c, dialect.keyHolder(), ref);
            if (existing.isPresent()) {
                Operation e = existing.get().operation();
                if (Objects.equals(e.kind(), op.kind()) && Objects.equals(e.input(), op.input())
                        && Objects.equals(e.resourceId(), op.resourceId())) {
                    return Inserted.replay(e);
                }
                return Inserted.failed(new IdempotencyConflictException(op.idempotencyKey(), e.id()));
            }
        }
        if (row.exclusive()) {
            Optional<StoredOperation> holder = findOne(c, dialect.resourceHolder(), op.resourceId());
            if (holder.isPresent()) {
                return Inserted.failed(new ResourceBusyException(op.resourceId(), holder.get().operation().id()));
            }
        }
        return null;
    }

    /** The row matching {@code condition} (one parameter), read on {@code c}. */
    static Optional<StoredOperation> findOne(Connection c, String condition, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + Rows.COLUMNS + " from " + Rows.TABLE
                + " where " + condition)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.read(rs)) : Optional.empty();
            }
        }
    }
}
