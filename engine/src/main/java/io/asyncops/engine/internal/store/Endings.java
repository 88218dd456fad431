package io.asyncops.engine.internal.store;

import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a group of {@link Ending}s. Where the database can ({@link SqlDialect#runWritesAlone}), a group of terminal
 * endings without effects (the common one) is one auto-committed statement that also announces them. Otherwise in
 * one transaction: the fenced updates as two JDBC batches (terminal ends, releases), then the effects of those that
 * applied, then one notice. An effect that throws rolls the group
 * back; the group is then written one ending at a time so that only that ending fails.
 */
final class Endings {
    static final String FENCE = " where id = ? and version = ? and lease_owner = ? and due_at > ?";
    private static final String END = "update " + Rows.TABLE + " set status = ?, result = ?, error = ?,"
            + " ended_at = ?, percent_complete = coalesce(?, percent_complete), active_resource = null,"
            + " due_at = null, lease_owner = null, cancel_requested = false, version = version + 1, "
            + Rows.STAMP + FENCE;
    private static final String RELEASE = "update " + Rows.TABLE + " set lease_owner = null, due_at = ?" + FENCE;

    private final javax.sql.DataSource dataSource;
    private final SqlDialect dialect;
    private final String node;

    Endings(javax.sql.DataSource dataSource, SqlDialect dialect, String node) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.node = node;
    }

    List<Finished> finish(List<Ending> endings, Instant now) {
        if (endings.isEmpty()) {
            return List.of();
        }
        if (dialect.runWritesAlone() && plain(endings)) {
            return Transactions.autocommit(dataSource, "end operations", c -> {
                boolean[] applied = dialect.endAlone(c, endings, now, node);
                List<Finished> results = new ArrayList<>(applied.length);
                for (boolean a : applied) {
                    results.add(a ? Finished.APPLIED : Finished.LOST);
                }
                return results;
            });
        }
        try {
            return together(endings, now);
        } catch (EffectFailed e) {
            if (endings.size() == 1) {
                return List.of(Finished.failed(e.failure));
            }
        }
        List<Finished> results = new ArrayList<>(endings.size());
        for (Ending ending : endings) {
            try {
                results.add(together(List.of(ending), now).get(0));
            } catch (EffectFailed e) {
                results.add(Finished.failed(e.failure));
            }
        }
        return results;
    }

    /** Terminal endings only, none with an effect: one statement may write them all. */
    private static boolean plain(List<Ending> endings) {
        for (Ending e : endings) {
            if (!e.isTerminal() || e.hasEffect()) {
                return false;
            }
        }
        return true;
    }

    private List<Finished> together(List<Ending> endings, Instant now) {
        return Transactions.run(dataSource, "end operations", c -> {
            Finished[] results = new Finished[endings.size()];
            batch(c, endings, true, now, results);
            batch(c, endings, false, now, results);
            List<OperationId> ended = new ArrayList<>();
            List<OperationId> holding = new ArrayList<>();
            boolean released = false;
            for (int i = 0; i < results.length; i++) {
                Ending e = endings.get(i);
                if (results[i] != Finished.APPLIED) {
                    continue;
                }
                if (e.isTerminal()) {
                    ended.add(e.fence().id());
                    if (!e.holdsNothing()) {
                        holding.add(e.fence().id());
                    }
                    if (e.hasEffect()) {
                        runEffect(c, e);
                    }
                } else {
                    released = true;
                }
            }
            dialect.releaseResources(c, holding);
            if (!ended.isEmpty() || released) {
                dialect.notify(c, new Notice(node, released, ended));
            }
            return List.of(results);
        });
    }

    private static void runEffect(Connection c, Ending e) {
        try {
            e.effect().execute(c);
        } catch (SQLException ex) {
            throw new EffectFailed(new StoreException("the effect of operation " + e.fence().id() + " failed", ex));
        } catch (RuntimeException ex) {
            throw new EffectFailed(ex);
        }
    }

    /** An ending's effect threw; the transaction it ran in is rolled back. */
    private static final class EffectFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuntimeException failure;

        EffectFailed(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private static void batch(Connection c, List<Ending> endings, boolean terminal, Instant now, Finished[] results)
            throws SQLException {
        List<Integer> indexes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(terminal ? END : RELEASE)) {
            for (int i = 0; i < endings.size(); i++) {
                Ending e = endings.get(i);
                if (e.isTerminal() != terminal) {
                    continue;
                }
                indexes.add(i);
                if (terminal) {
                    ps.setString(1, e.status().wireName());
                    ps.setString(2, e.result());
                    ps.setString(3, ErrorJson.write(e.error()));
                    Rows.setInstant(ps, 4, now);
                    if (e.status() == OperationStatus.SUCCEEDED) {
                        ps.setDouble(5, 100.0);
                    } else {
                        ps.setNull(5, java.sql.Types.DOUBLE);
                    }
                    bindFence(ps, 6, e.fence(), now);
                } else {
                    Rows.setInstant(ps, 1, e.dueAt());
                    bindFence(ps, 2, e.fence(), now);
                }
                ps.addBatch();
            }
            if (indexes.isEmpty()) {
                return;
            }
            int[] counts = ps.executeBatch();
            for (int k = 0; k < counts.length; k++) {
                results[indexes.get(k)] = counts[k] == 1 ? Finished.APPLIED : Finished.LOST;
            }
        }
    }

    /** Binds a fence's four parameters from {@code first} on: id, version, owner, and now (the lease is live). */
    static void bindFence(PreparedStatement ps, int first, Fence f, Instant now) throws SQLException {
        ps.setObject(first, f.id().value());
        ps.setLong(first + 1, f.version());
        ps.setString(first + 2, f.owner());
        Rows.setInstant(ps, first + 3, now);
    }
}
