package io.asyncops.server.identity.internal;

import io.asyncops.engine.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The JDBC boundary of the identity tables: a transaction helper and small query helpers. */
final class Sql {
    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    static <T> T transaction(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("identity database failure: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode: reads, or writes of one statement each. */
    static <T> T run(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("identity database failure: " + e.getMessage(), e);
        }
    }

    /**
     * The single string {@code read} selects, inserting {@code value} with {@code insert} first when there is none.
     * When several nodes race, the first insert committed wins and every node answers its value.
     */
    static String insertOnce(DataSource dataSource, String read, String insert, String value) {
        return run(dataSource, c -> {
            List<String> found = query(c, read, r -> r.getString(1));
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                update(c, insert, value);
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
            }
            return query(c, read, r -> r.getString(1)).get(0);
        });
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet rows = s.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.map(rows));
            }
            return result;
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        }
    }

    /** Whether {@code e} (or a cause) is a unique-key violation: another node inserted the same key first. */
    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime t = row.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i] instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : args[i];
            s.setObject(i + 1, arg);
        }
        return s;
    }
}
