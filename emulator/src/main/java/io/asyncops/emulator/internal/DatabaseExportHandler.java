package io.asyncops.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.OperationKinds;
import io.asyncops.emulator.SqlDatabase;
import io.asyncops.emulator.SqlServer;
import io.asyncops.engine.Operation;
import io.asyncops.engine.TransactionalWork;
import io.asyncops.protocol.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Exports a database to a bacpac (nothing is written anywhere); its result is Azure's import/export result. */
public final class DatabaseExportHandler extends SimulatedHandler {

    public DatabaseExportHandler(DataSource dataSource, EmulatorSettings settings) {
        super(dataSource, settings);
    }

    @Override
    Plan plan(Connection conn, Operation op, ArmInput in) throws SQLException {
        SqlDatabase db = database(conn, in, s -> !States.isTransitional(s));
        Duration duration = settings.scaled(settings.timings().databaseExport());
        return new Plan(duration, fault(in, OperationKinds.DATABASE_EXPORT), FAULT_AT,
                result(op, db, in, duration).toString(),
                TransactionalWork.none(), TransactionalWork.none(), TransactionalWork.none());
    }

    static ObjectNode result(Operation op, SqlDatabase db, ArmInput in, Duration duration) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", db.id() + "/importExportOperationResults/" + op.id());
        node.put("name", op.id().toString());
        node.put("type", "Microsoft.Sql/servers/databases/importExportOperationResults");
        ObjectNode p = node.putObject("properties");
        p.put("requestId", op.id().toString());
        p.put("requestType", "Export");
        p.put("queuedTime", op.createdAt().atOffset(ZoneOffset.UTC).toString());
        p.put("lastModifiedTime", op.createdAt().plus(duration).atOffset(ZoneOffset.UTC).toString());
        p.put("blobUri", in.storageUri());
        p.put("serverName", db.serverName());
        p.put("databaseName", db.name());
        p.put("status", "Completed");
        p.putArray("privateEndpointConnections");
        return node;
    }
}
