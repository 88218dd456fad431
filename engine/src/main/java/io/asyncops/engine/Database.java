package io.asyncops.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A pooled connection to the engine's database: an H2 file database for one process ({@link #h2(Path)}) or any
 * PostgreSQL shared by several ({@link #open}). Closing it closes the pool; close engines first. A connection that
 * cannot be had within {@link #CONNECTION_TIMEOUT} fails with a {@link StoreException#isTransient transient} error.
 *
 * <pre>{@code
 * try (Database db = Database.h2(Path.of("data"));
 *      Engine engine = Engine.start(EngineConfig.builder(db.dataSource()).handler(...).build())) { ... }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    /** Pool size of {@link #open(String, String, String)}: the engine's own few plus request threads. */
    public static final int DEFAULT_POOL_SIZE = 20;
    /**
     * How long a caller waits for a connection before the pool gives up: short, so that while the database is down a
     * request fails at once (a server answers 503) instead of hanging, and the engine retries.
     */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /** How long a statement on PostgreSQL may wait on a silent network before its connection counts as dead. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final HikariDataSource pool;
    private final boolean postgres;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        try (Connection c = pool.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            pool.close();
            throw new StoreException("cannot read the database's metadata", e);
        }
    }

    /** Opens a pool of {@link #DEFAULT_POOL_SIZE} connections on {@code jdbcUrl}; the dialect is detected. */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /** Opens a pool of at most {@code maxPoolSize} connections on {@code jdbcUrl}. */
    public static Database open(String jdbcUrl, String user, String password, int maxPoolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL: " + jdbcUrl);
        }
        if (maxPoolSize < 2 || maxPoolSize > 1000) {
            throw new IllegalArgumentException("maxPoolSize must be 2..1000: " + maxPoolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("asyncops");
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(Math.min(1000, CONNECTION_TIMEOUT.toMillis() - 250));
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // a connection to a database that vanished without a reset must not hang its caller forever
            config.addDataSourceProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
            config.addDataSourceProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT.toSeconds()));
        }
        try {
            return new Database(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens (creating it if missing) the H2 file database {@code asyncops} in {@code dataDir}. H2 locks the file:
     * one process at a time. Every commit is written to the file before it returns ({@code WRITE_DELAY=0}), so a
     * killed process loses no committed operation.
     */
    public static Database h2(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir == null");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        return open(h2Url(dataDir), "sa", "", DEFAULT_POOL_SIZE);
    }

    /** True when {@link #h2(Path)} on {@code dataDir} would create the database: its file does not exist yet. */
    public static boolean h2Missing(Path dataDir) {
        return !Files.exists(dataDir.toAbsolutePath().normalize().resolve("asyncops.mv.db"));
    }

    /** The JDBC URL {@link #h2(Path)} opens (user {@code sa}, empty password). */
    public static String h2Url(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("asyncops");
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    public DataSource dataSource() {
        return pool;
    }

    /** True on PostgreSQL (several engine instances may share it), false on H2. */
    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
