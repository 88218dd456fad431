package io.asyncops.emulator.internal;

import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.SqlServer;
import io.asyncops.engine.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Deletes a logical server with its databases and firewall rules. */
public final class ServerDeleteHandler extends SimulatedHandler {

    public ServerDeleteHandler(DataSource dataSource, EmulatorSettings settings) {
        super(dataSource, settings);
    }

    @Override
    Plan plan(Connection c, Operation op, ArmInput in) throws SQLException {
        SqlServer row = SqlServerTable.find(c, in.subscription(), in.resourceGroup(), in.server())
                .filter(s -> States.DELETING.equals(s.provisioningState()))
                .orElseThrow(() -> new Interrupted(in.server()));
        return new Plan(settings.scaled(settings.timings().serverDelete()), null, 1.0, null,
                tx -> SqlServerTable.deleteWithChildren(tx, row.name()),
                tx -> SqlServerTable.replace(tx, row.withProvisioningState(States.FAILED), States.DELETING),
                tx -> SqlServerTable.replace(tx, row.withProvisioningState(States.CANCELED), States.DELETING));
    }
}
