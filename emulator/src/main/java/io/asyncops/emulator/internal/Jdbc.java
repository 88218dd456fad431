package io.asyncops.emulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.asyncops.engine.StoreException;
import io.asyncops.protocol.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The JDBC boundary of the emulator: transactions, small query helpers, tags as JSON text. */
public final class Jdbc {
    private static final TypeReference<TreeMap<String, String>> TAGS = new TypeReference<>() { };

    private Jdbc() {
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Maps a row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs {@code work} in one transaction; commits if it returns, rolls back if it throws. */
    public static <T> T inTransaction(DataSource dataSource, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.apply(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                // a broken connection fails these too: keep the first failure (it says whether it was transient)
                try {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException also) {
                    e.addSuppressed(also);
                }
                throw e;
            }
            connection.setAutoCommit(autoCommit);
            return result;
        } catch (SQLException e) {
            throw new StoreException("emulator database failure: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on an auto-commit connection of its own: reads, or writes of one statement each. */
    public static <T> T run(DataSource dataSource, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("emulator database failure: " + e.getMessage(), e);
        }
    }

    /** The rows of {@code sql} with {@code args}, mapped. */
    public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, args); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    /** The row count {@code sql} changed. */
    public static int update(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, args)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    /**
     * True when {@code e}, a cause or a chained SQL exception is a unique-key violation: SQLState 23505 on H2 and
     * PostgreSQL.
     */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException sql = t instanceof SQLException x ? x : null; sql != null; sql = sql.getNextException()) {
                if ("23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Tags as stored: a JSON object, keys sorted. */
    public static String tagsToText(Map<String, String> tags) {
        try {
            return Json.mapper().writeValueAsString(new TreeMap<>(tags));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags cannot be written as JSON", e);
        }
    }

    public static Map<String, String> tagsFromText(String text) {
        try {
            return Json.mapper().readValue(text, TAGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags are not JSON: " + text, e);
        }
    }
}
