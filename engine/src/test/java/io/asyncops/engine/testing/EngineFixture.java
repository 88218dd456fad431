package io.asyncops.engine.testing;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every part of the engine contract stands on: a fresh database per test, engines started with test
 * defaults (leases longer than any test, short polls) and closed after the test, and small helpers. Implemented by
 * {@link EngineContract}.
 */
public interface EngineFixture {

    /** This test's database (fresh and migrated by the first engine). */
    Database db();

    /** Where this test's database is, for child processes. */
    TestDatabase target();

    /**
     * Starts an engine on {@link #db()} with test defaults (8 workers, 1 min leases, 100 ms fallback poll,
     * 10-100 ms retry backoff) changed by {@code custom}; closed after the test. A lease then ends only when the
     * test makes it (a short lease of its own, {@link #expireLease}, a closed engine), never because a heartbeat
     * came late on a loaded machine.
     */
    Engine engine(Consumer<EngineConfig.Builder> custom);

    /** Waits (at most 30 s) until the operation is terminal and returns it. */
    default Operation awaitEnd(Engine engine, OperationId id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Operation op = engine.get(id).orElseThrow();
        try {
            while (!op.isTerminal()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("operation did not end in 30 s: " + op);
                }
                op = engine.await(id, op.version(), Duration.ofSeconds(1)).orElseThrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return op;
    }

    /** Runs a statement on the test database. */
    default void sql(String sql) {
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an update with parameters; how many rows it changed. */
    default int update(String sql, Object... params) {
        try (Connection c = db().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Makes the operation's lease run out now, as if its holder's heartbeats had stopped. */
    default void expireLease(OperationId id) {
        int n = update("update asyncops_operation set due_at = ? where id = ? and lease_owner is not null",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1), id.value());
        if (n != 1) {
            throw new IllegalStateException("operation " + id + " holds no lease");
        }
    }

    /**
     * Closes this test's database so that another process may open it (H2 allows one), until the next call
     * of {@link #db()} opens it again. Engines must be closed first.
     */
    void releaseDatabase();

    /** The first column of every row of a query, as strings. */
    default List<String> column(String sql, Object... params) {
        try (Connection c = db().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A table effects write to in tests: {@code test_effect(op_id, tag)}. */
    default void createEffectTable() {
        sql("create table test_effect (op_id varchar(36) not null, tag varchar(40) not null)");
    }

    /** Work that records {@code tag} for {@code id} in {@code test_effect}. */
    static io.asyncops.engine.TransactionalWork effect(OperationId id, String tag) {
        return effect(id.toString(), tag);
    }

    /** Work that records {@code tag} for {@code key} in {@code test_effect}. */
    static io.asyncops.engine.TransactionalWork effect(String key, String tag) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into test_effect (op_id, tag) values (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, tag);
                ps.executeUpdate();
            }
        };
    }

    /** The tags recorded for {@code id}. */
    default List<String> effects(OperationId id) {
        return column("select tag from test_effect where op_id = ? order by tag", id.toString());
    }
}
