package io.asyncops.server.arm;

import static io.asyncops.server.arm.ArmRequests.guard;

import io.asyncops.emulator.ArmEmulator;
import io.asyncops.emulator.SqlDatabase;
import io.asyncops.emulator.StartedOperation;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.PlaneContext;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * {@code Microsoft.Sql/servers/databases}: PUT, DELETE and the {@code export} action answer {@code 202}; GET and
 * the list by server are synchronous. The export's result (the Location URL once Succeeded) is Azure's
 * import/export result.
 */
final class SqlDatabasesService implements HttpService {
    private static final String LIST = SqlServersService.ONE + "/databases";
    private static final String ONE = LIST + "/{db}";

    private final ArmEmulator arm;
    private final PlaneContext context;

    SqlDatabasesService(ArmEmulator arm, PlaneContext context) {
        this.arm = arm;
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(LIST, guard(this::list))
                .put(ONE, guard(this::put))
                .get(ONE, guard(this::get))
                .delete(ONE, guard(this::delete))
                .post(ONE + "/export", guard(this::export));
    }

    private void list(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        ArmRequests.sendList(res, arm.sqlDatabases().listByServer(sub, ArmRequests.param(req, "rg"),
                ArmRequests.param(req, "server")), SqlDatabase::toJson);
    }

    private void put(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        String version = ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        accepted(req, res, version, arm.sqlDatabases().createOrUpdate(ArmRequests.caller(req, sub),
                ArmRequests.param(req, "rg"), ArmRequests.param(req, "server"), ArmRequests.param(req, "db"),
                ArmJson.read(req)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        ArmRequests.send(res, 200, arm.sqlDatabases().get(sub, ArmRequests.param(req, "rg"),
                ArmRequests.param(req, "server"), ArmRequests.param(req, "db")).toJson());
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        String version = ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        Optional<StartedOperation> started = arm.sqlDatabases().delete(ArmRequests.caller(req, sub),
                ArmRequests.param(req, "rg"), ArmRequests.param(req, "server"), ArmRequests.param(req, "db"));
        if (started.isEmpty()) {
            ArmRequests.empty(res, 204);
            return;
        }
        accepted(req, res, version, started.get());
    }

    private void export(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        String version = ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        accepted(req, res, version, arm.sqlDatabases().export(ArmRequests.caller(req, sub),
                ArmRequests.param(req, "rg"), ArmRequests.param(req, "server"), ArmRequests.param(req, "db"),
                ArmJson.read(req)));
    }

    private void accepted(ServerRequest req, ServerResponse res, String version, StartedOperation started) {
        context.accepted(req, res, started.operation(), started.providerNamespace(), started.location(), version);
    }
}
