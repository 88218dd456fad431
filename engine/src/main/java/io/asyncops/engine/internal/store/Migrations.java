package io.asyncops.engine.internal.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the engine's migrations: {@code db/asyncops/engine/common} plus the dialect's own folder, recorded in
 * {@code asyncops_engine_history} so that other modules can keep their own Flyway history in the same schema.
 */
public final class Migrations {
    /** The engine's Flyway history table. */
    public static final String HISTORY_TABLE = "asyncops_engine_history";

    private Migrations() {
    }

    public static void migrate(DataSource dataSource, SqlDialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/asyncops/engine/common",
                        "classpath:db/asyncops/engine/" + dialect.migrationFolder())
                // the schema may already hold other modules' tables: start our history at 0, apply V1 on
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
