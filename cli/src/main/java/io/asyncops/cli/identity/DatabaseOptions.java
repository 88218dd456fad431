package io.asyncops.cli.identity;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which deployment a local tool works on: the H2 database in a data dir (reached through the running server when
 * one holds it), or a PostgreSQL database shared by several nodes.
 */
public final class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "asyncops-data", paramLabel = "<dir>",
            description = "The install's data directory, with its H2 database (default ${DEFAULT-VALUE}).")
    public Path dataDir;

    @Option(names = "--db", paramLabel = "<jdbc-url>",
            description = "JDBC URL of the PostgreSQL database the nodes share (instead of the data dir's H2).")
    public String db;

    @Option(names = "--db-user", paramLabel = "<user>", description = "Database user.")
    public String dbUser;

    @Option(names = "--db-password", paramLabel = "<password>",
            description = "Database password (or set ASYNCOPS_DB_PASSWORD).")
    public String dbPassword;

    /** The password given, else {@code ASYNCOPS_DB_PASSWORD}. */
    public String password() {
        return dbPassword != null ? dbPassword : System.getenv("ASYNCOPS_DB_PASSWORD");
    }
}
