package io.asyncops.server.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.asyncops.server.ServerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The server's database: the configured JDBC URL, or an H2 file database in the data dir. */
public final class ServerDatabase implements AutoCloseable {
    private final HikariDataSource pool;

    private ServerDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    public static ServerDatabase open(ServerConfig config) {
        HikariConfig hikari = new HikariConfig();
        if (config.jdbcUrl().isPresent()) {
            hikari.setJdbcUrl(config.jdbcUrl().get());
            config.dbUser().ifPresent(hikari::setUsername);
            config.dbPassword().ifPresent(hikari::setPassword);
        } else {
            hikari.setJdbcUrl("jdbc:h2:file:" + config.dataDir().toAbsolutePath().normalize().resolve("asyncops")
                    + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            hikari.setUsername("sa");
            hikari.setPassword("");
        }
        hikari.setMaximumPoolSize(20);
        hikari.setPoolName("asyncops");
        return new ServerDatabase(new HikariDataSource(hikari));
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Whether a connection answers within 2 seconds. */
    public boolean isReachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
