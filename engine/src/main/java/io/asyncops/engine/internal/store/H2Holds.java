package io.asyncops.engine.internal.store;

import io.asyncops.engine.OperationId;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * H2's idempotency keys and held resources (V7): a row of {@code asyncops_operation_hold} per key ({@code 'k'} +
 * the idempotency ref) and per held resource ({@code 'r'} + the resource id), so that an operation with neither
 * adds no entry to any unique index. Its primary key is the unique rule: a new operation goes in only once all its
 * holds went in, in the same transaction; a resource's hold goes when its operation ends or is canceled, a key's
 * when the operation is pruned.
 */
final class H2Holds {
    static final String TABLE = "asyncops_operation_hold";
    private static final String HOLD = "insert into " + TABLE + " (ref, operation_id) values (?, ?)";
    private static final String DROP = "delete from " + TABLE + " where ref = ? and operation_id = ?";
    /** Both parameters the operation's id: the hold of the resource it names, if it is the holder. */
    private static final String RELEASE_RESOURCE = "delete from " + TABLE + " where ref = (select 'r' || resource_id"
            + " from " + Rows.TABLE + " where id = ?) and operation_id = ?";
    /** Both parameters the operation's id: the hold of its idempotency key. */
    private static final String RELEASE_KEY = "delete from " + TABLE + " where ref = (select 'k' || idempotency_ref"
            + " from " + Rows.TABLE + " where id = ?) and operation_id = ?";
    /** The condition (one parameter, the idempotency ref) finding the operation that holds a key. */
    static final String KEY_HOLDER = "id = (select operation_id from " + TABLE + " where ref = 'k' || ?)";
    /** The condition (one parameter, the resource id) finding the operation that holds a resource. */
    static final String RESOURCE_HOLDER = "id = (select operation_id from " + TABLE + " where ref = 'r' || ?)";

    private H2Holds() {
    }

    /** The hold refs {@code row} needs: its key's, then its resource's if exclusive; empty for most. */
    static List<String> refs(NewOperation row) {
        String key = Rows.idempotencyRef(row.operation().subscription(), row.operation().idempotencyKey());
        if (key == null && !row.exclusive()) {
            return List.of();
        }
        List<String> refs = new ArrayList<>(2);
        if (key != null) {
            refs.add("k" + key);
        }
        if (row.exclusive()) {
            refs.add("r" + row.operation().resourceId());
        }
        return refs;
    }

    /**
     * Takes the holds of {@code rows} (those whose {@code admitted} is true); a row whose hold is already had (by
     * another operation, or by its own earlier commit) is no longer admitted, and the holds it did take are given
     * back. Statements a unique index refuses fail alone (H2 undoes them and runs the rest of the batch).
     */
    static void take(Connection c, List<NewOperation> rows, boolean[] admitted) throws SQLException {
        List<Integer> owner = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (admitted[i]) {
                for (String ref : refs(rows.get(i))) {
                    owner.add(i);
                    refs.add(ref);
                }
            }
        }
        if (refs.isEmpty()) {
            return;
        }
        boolean[] taken;
        try (PreparedStatement ps = c.prepareStatement(HOLD)) {
            for (int k = 0; k < refs.size(); k++) {
                ps.setString(1, refs.get(k));
                ps.setObject(2, rows.get(owner.get(k)).operation().id().value());
                ps.addBatch();
            }
            taken = run(ps, refs.size());
        }
        for (int k = 0; k < refs.size(); k++) {
            if (!taken[k]) {
                admitted[owner.get(k)] = false;
            }
        }
        // only the holds this batch took: a refused one may be the operation's own from an earlier commit (the
        // same id written again after a lost answer), which must stay
        try (PreparedStatement ps = c.prepareStatement(DROP)) {
            boolean any = false;
            for (int k = 0; k < refs.size(); k++) {
                if (taken[k] && !admitted[owner.get(k)]) {
                    ps.setString(1, refs.get(k));
                    ps.setObject(2, rows.get(owner.get(k)).operation().id().value());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    /**
     * Gives back the holds of {@code rows}, which this transaction took for them and then did not store them (a row
     * refused for its id, or whose work failed); a hold another operation has stays.
     */
    static void drop(Connection c, List<NewOperation> rows) throws SQLException {
        List<NewOperation> holding = rows.stream().filter(r -> !refs(r).isEmpty()).toList();
        if (holding.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(DROP)) {
            for (NewOperation row : holding) {
                for (String ref : refs(row)) {
                    ps.setString(1, ref);
                    ps.setObject(2, row.operation().id().value());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Gives back the resources {@code ids} hold (they ended or were canceled); keys stay. */
    static void releaseResources(Connection c, List<OperationId> ids) throws SQLException {
        byIds(c, RELEASE_RESOURCE, ids);
    }

    /** Gives back every hold of {@code ids}, before their rows are deleted. */
    static void forget(Connection c, List<OperationId> ids) throws SQLException {
        byIds(c, RELEASE_KEY, ids);
        byIds(c, RELEASE_RESOURCE, ids);
    }

    private static void byIds(Connection c, String sql, List<OperationId> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (OperationId id : ids) {
                ps.setObject(1, id.value());
                ps.setObject(2, id.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Runs {@code ps}'s batch of {@code n} statements; per statement, whether it applied. Only a unique index's
     * refusal may fail a statement; any other failure fails the whole.
     */
    static boolean[] run(PreparedStatement ps, int n) throws SQLException {
        int[] counts;
        try {
            counts = ps.executeBatch();
        } catch (BatchUpdateException e) {
            if (!SqlDialect.uniqueViolation(e)) {
                throw e;
            }
            for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
                if (!SqlDialect.uniqueViolation(next)) {
                    throw e;
                }
            }
            counts = e.getUpdateCounts();
        }
        if (counts.length != n) {
            throw new SQLException("a batch of " + n + " statements reported " + counts.length);
        }
        boolean[] applied = new boolean[n];
        for (int i = 0; i < n; i++) {
            applied[i] = counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO;
        }
        return applied;
    }
}
