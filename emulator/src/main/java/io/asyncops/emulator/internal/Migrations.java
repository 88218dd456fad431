package io.asyncops.emulator.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies one provider's migrations with a Flyway history table of its own, so that the engine and each provider
 * keep separate histories in one schema. Safe on every start and from several nodes.
 */
public final class Migrations {
    private Migrations() {
    }

    /** Applies the scripts under {@code location}, recorded in {@code historyTable}. */
    public static void migrate(DataSource dataSource, String location, String historyTable) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(location)
                .table(historyTable)
                // the schema already holds other modules' tables: start this history at 0 and apply V1 on
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
