package io.asyncops.engine.testing;

import io.asyncops.engine.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server per test JVM, started on first use and stopped at exit, handing out a fresh
 * empty database per caller.
 *
 * <p>Time zones: the PostgreSQL driver sets each session's time zone to the JVM's default, whatever the URL or
 * the server say. The engine's tests therefore run with {@code -Duser.timezone=}{@value #SESSION_TIME_ZONE} (a
 * non-whole-hour offset) so that code mixing local and UTC times fails; modules reusing this helper should too.
 *
 * <pre>{@code
 * try (Database db = EmbeddedPostgres.shared().openDatabase()) { ... }   // a fresh, empty database
 * }</pre>
 */
public final class EmbeddedPostgres {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String SESSION_TIME_ZONE = "Asia/Kathmandu";

    private static EmbeddedPostgres shared;

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /** The JVM's server, started (1-2 s) on the first call. */
    public static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            try {
                shared = new EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "400")
                        // tests kill engines, never the server: durability of the server's files is not tested
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return shared;
    }

    public int port() {
        return server.getPort();
    }

    /** Creates a new empty database and returns its name. */
    public String createDatabase() {
        String name = "asyncops_test_" + databases.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    /** The JDBC URL of database {@code name}. */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://localhost:" + port() + "/" + name;
    }

    /** A pooled {@link Database} on a new empty database; the caller closes it. */
    public Database openDatabase() {
        return Database.open(jdbcUrl(createDatabase()), USER, PASSWORD);
    }
}
