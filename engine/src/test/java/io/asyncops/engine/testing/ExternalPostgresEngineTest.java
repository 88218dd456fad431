package io.asyncops.engine.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The engine contract on a PostgreSQL server run apart from the tests, named by {@code ASYNCOPS_TEST_PG_URL},
 * {@code ASYNCOPS_TEST_PG_USER} and {@code ASYNCOPS_TEST_PG_PASSWORD}: {@code bin/test} starts a throwaway cluster of
 * the system's PostgreSQL for it when they are not set. Each test gets a schema of its own in that database.
 */
@EnabledIfEnvironmentVariable(named = "ASYNCOPS_TEST_PG_URL", matches = ".+")
class ExternalPostgresEngineTest extends EngineContract implements MultiInstanceContract {
    @Override
    protected TestDatabase newDatabase(Path tempDir) {
        String url = System.getenv("ASYNCOPS_TEST_PG_URL");
        String user = System.getenv("ASYNCOPS_TEST_PG_USER");
        String password = System.getenv("ASYNCOPS_TEST_PG_PASSWORD");
        String schema = "asyncops_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema in " + url, e);
        }
        return new TestDatabase(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }
}
