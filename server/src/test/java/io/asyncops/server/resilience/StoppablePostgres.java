package io.asyncops.server.resilience;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * An embedded PostgreSQL of one test that can be stopped and started again on the same port and data directory, as
 * a database server that goes down and comes back.
 */
final class StoppablePostgres implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final Path dir;
    private final int port;
    private EmbeddedPostgres server;

    private StoppablePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a new server in {@code dir} on a free port, with database {@code asyncops}. */
    static StoppablePostgres start(Path dir) {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StoppablePostgres pg = new StoppablePostgres(dir, port);
        pg.up();
        try (Connection c = pg.server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database asyncops");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/asyncops";
    }

    /** Starts the server again (the same port and data). */
    synchronized void up() {
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir).setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300").setServerConfig("fsync", "off")
                    .setRegisterShutdownHook(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** Stops the server (a fast shutdown: sessions are ended, as when a database server goes down). */
    synchronized void down() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            down();
        }
    }
}
