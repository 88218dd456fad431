package io.asyncops.emulator.internal;

import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.SqlServer;
import io.asyncops.engine.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Deletes a resource group and everything in it. Takes longer the more it holds (a base time plus a time per
 * server and database, bounded).
 */
public final class ResourceGroupDeleteHandler extends SimulatedHandler {

    public ResourceGroupDeleteHandler(DataSource dataSource, EmulatorSettings settings) {
        super(dataSource, settings);
    }

    @Override
    Plan plan(Connection c, Operation op, ArmInput in) throws SQLException {
        ResourceGroupTable.find(c, in.subscription(), in.resourceGroup())
                .filter(g -> States.DELETING.equals(g.provisioningState()))
                .orElseThrow(() -> new Interrupted(in.resourceGroup()));
        int resources = 0;
        for (SqlServer s : SqlServerTable.listByGroup(c, in.subscription(), in.resourceGroup())) {
            resources += 1 + SqlDatabaseTable.listByServer(c, s).size();
        }
        var t = settings.timings();
        Duration unscaled = t.resourceGroupDelete().plus(t.perResourceInGroup().multipliedBy(resources));
        if (unscaled.compareTo(t.resourceGroupDeleteMax()) > 0) {
            unscaled = t.resourceGroupDeleteMax();
        }
        return new Plan(settings.scaled(unscaled), null, 1.0, null,
                tx -> {
                    for (SqlServer s : SqlServerTable.listByGroup(tx, in.subscription(), in.resourceGroup())) {
                        SqlServerTable.deleteWithChildren(tx, s.name());
                    }
                    ResourceGroupTable.delete(tx, in.subscription(), in.resourceGroup());
                },
                tx -> ResourceGroupTable.setProvisioningState(tx, in.subscription(), in.resourceGroup(), States.SUCCEEDED),
                tx -> ResourceGroupTable.setProvisioningState(tx, in.subscription(), in.resourceGroup(), States.SUCCEEDED));
    }
}
