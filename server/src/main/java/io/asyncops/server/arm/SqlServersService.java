package io.asyncops.server.arm;

import static io.asyncops.server.arm.ArmRequests.guard;

import io.asyncops.emulator.ArmEmulator;
import io.asyncops.emulator.SqlServer;
import io.asyncops.emulator.StartedOperation;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.PlaneContext;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * {@code Microsoft.Sql/servers}: PUT, PATCH and DELETE answer {@code 202} with the three headers of the seed
 * (Azure-AsyncOperation, Location, Retry-After); GET and the lists (by group, by subscription) are synchronous.
 */
final class SqlServersService implements HttpService {
    static final String GROUP = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Sql/servers";
    static final String ONE = GROUP + "/{server}";

    private final ArmEmulator arm;
    private final PlaneContext context;

    SqlServersService(ArmEmulator arm, PlaneContext context) {
        this.arm = arm;
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/subscriptions/{sub}/providers/Microsoft.Sql/servers", guard(this::listBySubscription))
                .get(GROUP, guard(this::listByGroup))
                .put(ONE, guard(this::put))
                .patch(ONE, guard(this::patch))
                .get(ONE, guard(this::get))
                .delete(ONE, guard(this::delete));
    }

    private void listBySubscription(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        ArmRequests.sendList(res, arm.sqlServers().listBySubscription(sub), SqlServer::toJson);
    }

    private void listByGroup(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        ArmRequests.sendList(res, arm.sqlServers().listByResourceGroup(sub, ArmRequests.param(req, "rg")),
                SqlServer::toJson);
    }

    private void put(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        String version = ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        accepted(req, res, version, arm.sqlServers().createOrUpdate(ArmRequests.caller(req, sub),
                ArmRequests.param(req, "rg"), ArmRequests.param(req, "server"), ArmJson.read(req)));
    }

    private void patch(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        String version = ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        accepted(req, res, version, arm.sqlServers().update(ArmRequests.caller(req, sub),
                ArmRequests.param(req, "rg"), ArmRequests.param(req, "server"), ArmJson.read(req)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        ArmRequests.send(res, 200, arm.sqlServers().get(sub, ArmRequests.param(req, "rg"),
                ArmRequests.param(req, "server")).toJson());
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        String version = ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        Optional<StartedOperation> started = arm.sqlServers().delete(ArmRequests.caller(req, sub),
                ArmRequests.param(req, "rg"), ArmRequests.param(req, "server"));
        if (started.isEmpty()) {
            ArmRequests.empty(res, 204);
            return;
        }
        accepted(req, res, version, started.get());
    }

    private void accepted(ServerRequest req, ServerResponse res, String version, StartedOperation started) {
        context.accepted(req, res, started.operation(), started.providerNamespace(), started.location(), version);
    }
}
