package io.asyncops.emulator.internal;

import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.SqlDatabase;
import io.asyncops.emulator.SqlServer;
import io.asyncops.engine.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Deletes a database. */
public final class DatabaseDeleteHandler extends SimulatedHandler {

    public DatabaseDeleteHandler(DataSource dataSource, EmulatorSettings settings) {
        super(dataSource, settings);
    }

    @Override
    Plan plan(Connection conn, Operation op, ArmInput in) throws SQLException {
        SqlDatabase row = database(conn, in, States.DELETING::equals);
        return new Plan(settings.scaled(settings.timings().databaseDelete()), null, 1.0, null,
                tx -> SqlDatabaseTable.deleteIfInState(tx, row.serverName(), row.name(), States.DELETING),
                tx -> SqlDatabaseTable.replace(tx, row.withStates(row.status(), States.FAILED), States.DELETING),
                tx -> SqlDatabaseTable.replace(tx, row.withStates(row.status(), States.CANCELED), States.DELETING));
    }
}
