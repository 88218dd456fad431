package io.asyncops.emulator.biztalk;

import io.asyncops.engine.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** JDBC at the provider's boundary: a connection per call, {@link SQLException} wrapped in {@link StoreException}. */
final class Jdbc {
    /** SQLState of a unique-key violation on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private Jdbc() {
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on an auto-commit connection. */
    static <T> T run(DataSource dataSource, SqlFunction<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("BizTalk provider database access failed", e);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
