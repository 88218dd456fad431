package io.asyncops.emulator.internal;

import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.OperationKinds;
import io.asyncops.emulator.SqlServer;
import io.asyncops.engine.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Creates or updates a logical server (PUT and PATCH). */
public final class ServerWriteHandler extends SimulatedHandler {

    public ServerWriteHandler(DataSource dataSource, EmulatorSettings settings) {
        super(dataSource, settings);
    }

    @Override
    Plan plan(Connection c, Operation op, ArmInput in) throws SQLException {
        SqlServer row = SqlServerTable.find(c, in.subscription(), in.resourceGroup(), in.server())
                .filter(s -> States.CREATING.equals(s.provisioningState())
                        || States.UPDATING.equals(s.provisioningState()))
                .orElseThrow(() -> new Interrupted(in.server()));
        boolean create = States.CREATING.equals(row.provisioningState());
        String expected = row.provisioningState();
        SqlServer desired = merge(row, in).withState(States.READY).withProvisioningState(States.SUCCEEDED);
        return new Plan(
                settings.scaled(create ? settings.timings().serverCreate() : settings.timings().serverUpdate()),
                fault(in, OperationKinds.SERVER_WRITE), FAULT_AT,
                desired.toJson().toString(),
                tx -> SqlServerTable.replace(tx, desired, expected),
                create ? removeCreated(row) : tx -> SqlServerTable.replace(tx, row.withProvisioningState(States.FAILED), expected),
                create ? removeCreated(row) : tx -> SqlServerTable.replace(tx, row.withProvisioningState(States.CANCELED), expected));
    }

    /** A create that fails or is canceled leaves no server behind (and frees its global name). */
    private static io.asyncops.engine.TransactionalWork removeCreated(SqlServer row) {
        return (Connection tx) -> SqlServerTable.deleteIfInState(tx, row.name(), States.CREATING);
    }

    /** The row with what the request sets; what it leaves out (PATCH) keeps its value. */
    static SqlServer merge(SqlServer row, ArmInput in) {
        return new SqlServer(row.subscriptionId(), row.resourceGroup(), row.name(),
                in.location() != null ? in.location() : row.location(),
                in.tags() != null ? in.tags() : row.tags(),
                row.administratorLogin(),
                in.version() != null ? in.version() : row.version(),
                in.minimalTlsVersion() != null ? in.minimalTlsVersion() : row.minimalTlsVersion(),
                in.publicNetworkAccess() != null ? in.publicNetworkAccess() : row.publicNetworkAccess(),
                row.state(), row.provisioningState());
    }
}
