package io.asyncops.emulator.internal;

import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.OperationKinds;
import io.asyncops.emulator.Sku;
import io.asyncops.emulator.SqlDatabase;
import io.asyncops.emulator.SqlServer;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Creates or updates a database. A max size beyond what the sku allows is accepted and then fails a third of the
 * way in with {@code InvalidMaxSizeTierCombination}, as Azure's database provisioning does.
 */
public final class DatabaseWriteHandler extends SimulatedHandler {
    static final double SIZE_CHECK_AT = 0.3;

    public DatabaseWriteHandler(DataSource dataSource, EmulatorSettings settings) {
        super(dataSource, settings);
    }

    @Override
    Plan plan(Connection conn, Operation op, ArmInput in) throws SQLException {
        SqlDatabase row = database(conn, in, s -> States.CREATING.equals(s) || States.UPDATING.equals(s));
        boolean create = States.CREATING.equals(row.provisioningState());
        String expected = row.provisioningState();
        Sku sku = in.sku() != null ? in.sku() : row.sku();
        long maxSize = in.maxSizeBytes() != null ? in.maxSizeBytes() : row.maxSizeBytes();
        SqlDatabase desired = new SqlDatabase(row.subscriptionId(), row.resourceGroup(), row.serverName(), row.name(),
                row.location(), in.tags() != null ? in.tags() : row.tags(), sku, maxSize,
                in.collation() != null ? in.collation() : row.collation(), States.ONLINE, States.SUCCEEDED,
                row.databaseId(), row.creationDate());

        OperationError failure = fault(in, OperationKinds.DATABASE_WRITE);
        double failAt = FAULT_AT;
        long limit = SkuCatalog.resolve(sku.name(), null, null).maxSizeBytes();
        if (failure == null && maxSize > limit) {
            failure = OperationError.of("InvalidMaxSizeTierCombination", "The tier '" + sku.tier() + "' (service"
                    + " objective '" + sku.name() + "') does not support the database max size '" + maxSize
                    + "' bytes: its largest is " + limit + " bytes.", 400);
            failAt = SIZE_CHECK_AT;
        }
        var removeCreated = (io.asyncops.engine.TransactionalWork) tx ->
                SqlDatabaseTable.deleteIfInState(tx, row.serverName(), row.name(), States.CREATING);
        return new Plan(
                settings.scaled(create ? settings.timings().databaseCreate() : settings.timings().databaseUpdate()),
                failure, failAt, desired.toJson().toString(),
                tx -> SqlDatabaseTable.replace(tx, desired, expected),
                create ? removeCreated
                        : tx -> SqlDatabaseTable.replace(tx, row.withStates(States.ONLINE, States.FAILED), expected),
                create ? removeCreated
                        : tx -> SqlDatabaseTable.replace(tx, row.withStates(States.ONLINE, States.CANCELED), expected));
    }
}
