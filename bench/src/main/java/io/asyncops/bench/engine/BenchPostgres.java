package io.asyncops.bench.engine;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded PostgreSQL configured like a real one: durable commits ({@code synchronous_commit=on}, which the
 * embedded defaults turn off), one fresh database per contestant so none inherits another's bloat.
 */
public final class BenchPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private BenchPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static BenchPostgres start() {
        try {
            return new BenchPostgres(EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** The process id of the server's postmaster (the parent of every backend). */
    public long postmasterPid() {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return CpuMeter.parent(java.nio.file.Path.of("/proc", Long.toString(rs.getLong(1)), "stat"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the postmaster", e);
        }
    }

    /** Creates a database and returns its JDBC URL. */
    public String newDatabase(String label) {
        String name = "bench_" + label + "_" + databases.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
