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

    /**
     * {@code -Dasyncops.bench.statements=true}: the server loads {@code pg_stat_statements}, and benches that
     * support it print the statements a contestant ran ({@link #statements}).
     */
    public static final boolean STATEMENTS = Boolean.getBoolean("asyncops.bench.statements");

    /**
     * {@code -Dasyncops.bench.sharedBuffers=2GB}: the server's {@code shared_buffers} (256MB unless set), to measure
     * with the data inside PostgreSQL's own cache or outside it.
     */
    public static final String SHARED_BUFFERS = System.getProperty("asyncops.bench.sharedBuffers", "256MB");

    /**
     * {@code -Dasyncops.bench.hugePages=on}: the server's {@code huge_pages} ({@code try} unless set: huge pages
     * when the kernel has them reserved, {@code vm.nr_hugepages}, else ordinary 4 KB pages; {@code on} fails the start
     * without them), to measure shared buffers mapped in 2 MB pages against 4 KB ones.
     */
    public static final String HUGE_PAGES = System.getProperty("asyncops.bench.hugePages", "try");

    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private BenchPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static BenchPostgres start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", SHARED_BUFFERS)
                    .setServerConfig("huge_pages", HUGE_PAGES);
            if (STATEMENTS) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                // planning counted apart: a statement planned at every call (custom plans) shows here
                builder.setServerConfig("pg_stat_statements.track_planning", "on");
            }
            return new BenchPostgres(builder.start());
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

    /** Forgets the statements counted so far (in every database); nothing unless {@link #STATEMENTS}. */
    public static void resetStatements(String url) {
        if (STATEMENTS) {
            statementsSql(url, "create extension if not exists pg_stat_statements; select pg_stat_statements_reset()");
        }
    }

    /**
     * Prints the statements run in the database at {@code url} since {@link #resetStatements}, by total time:
     * calls, rows, mean and total time; nothing unless {@link #STATEMENTS}.
     */
    public static void printStatements(String url, int top) {
        if (!STATEMENTS) {
            return;
        }
        try (Connection c = java.sql.DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select calls, rows, mean_exec_time, total_exec_time, plans,"
                     + " total_plan_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) from pg_stat_statements s"
                     + " join pg_database d on d.oid = s.dbid where d.datname = current_database()"
                     + " order by total_exec_time desc limit " + top)) {
            System.out.println("    statements (calls, rows, mean ms, total ms, plans, plan ms, text):");
            while (rs.next()) {
                System.out.printf("    %8d %8d %8.3f %9.1f %6d %7.1f  %s%n", rs.getLong(1), rs.getLong(2),
                        rs.getDouble(3), rs.getDouble(4), rs.getLong(5), rs.getDouble(6), rs.getString(7));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements", e);
        }
    }

    private static void statementsSql(String url, String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement()) {
            for (String one : sql.split("; ")) {
                s.execute(one);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset pg_stat_statements", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
