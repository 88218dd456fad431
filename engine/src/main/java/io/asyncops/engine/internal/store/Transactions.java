package io.asyncops.engine.internal.store;

import io.asyncops.engine.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs a piece of work in one transaction: commit when it returns, roll back when it throws. */
final class Transactions {
    private Transactions() {
    }

    /** The work; it may roll back itself (then the commit that follows commits nothing). */
    @FunctionalInterface
    interface Body<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code body} in a transaction; an {@link SQLException} comes out as a {@link StoreException}. The first
     * failure is the one reported: when a connection breaks, restoring it fails too ("Connection is closed"), and
     * that second failure must not hide why (a lost connection is transient, a closed proxy says nothing).
     */
    static <T> T run(DataSource dataSource, String what, Body<T> body) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = body.run(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                restoreQuietly(c, e);
                throw e;
            }
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot " + what, e);
        }
    }

    /**
     * Runs {@code body} on a connection in auto-commit mode: for work that is one statement, which commits (durably)
     * on its own without a BEGIN and a COMMIT round trip.
     */
    static <T> T autocommit(DataSource dataSource, String what, Body<T> body) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true); // a pool configured so; it resets the mode when the connection returns
            }
            return body.run(c);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what, e);
        }
    }

    private static void restoreQuietly(Connection c, Throwable first) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            first.addSuppressed(e);
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure matters more
        }
    }
}
