package io.asyncops.server.arm;

import static io.asyncops.server.arm.ArmRequests.guard;

import io.asyncops.emulator.ArmEmulator;
import io.asyncops.emulator.PutResult;
import io.asyncops.emulator.ResourceGroup;
import io.asyncops.emulator.StartedOperation;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.PlaneContext;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /subscriptions/{sub}/resourceGroups[/{rg}]}: synchronous PUT (201/200), GET, HEAD (204/404) and list;
 * DELETE is long-running (202) and removes everything inside.
 */
final class ResourceGroupsService implements HttpService {
    private static final String ONE = "/subscriptions/{sub}/resourceGroups/{rg}";

    private final ArmEmulator arm;
    private final PlaneContext context;

    ResourceGroupsService(ArmEmulator arm, PlaneContext context) {
        this.arm = arm;
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/subscriptions/{sub}/resourceGroups", guard(this::list))
                .put(ONE, guard(this::put))
                .get(ONE, guard(this::get))
                .head(ONE, guard(this::head))
                .delete(ONE, guard(this::delete));
    }

    private void list(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.RESOURCES);
        ArmRequests.sendList(res, arm.resourceGroups().list(sub), ResourceGroup::toJson);
    }

    private void put(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.RESOURCES);
        PutResult<ResourceGroup> result = arm.resourceGroups().createOrUpdate(ArmRequests.caller(req, sub),
                ArmRequests.param(req, "rg"), ArmJson.read(req));
        ArmRequests.send(res, result.httpStatus(), result.resource().toJson());
    }

    private void get(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.RESOURCES);
        ArmRequests.send(res, 200, arm.resourceGroups().get(sub, ArmRequests.param(req, "rg")).toJson());
    }

    private void head(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.RESOURCES);
        boolean exists = arm.resourceGroups().find(sub, ArmRequests.param(req, "rg")).isPresent();
        ArmRequests.empty(res, exists ? 204 : 404);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        String version = ArmRequests.apiVersion(req, ArmApiVersions.RESOURCES);
        StartedOperation started = arm.resourceGroups().delete(ArmRequests.caller(req, sub), ArmRequests.param(req, "rg"));
        context.accepted(req, res, started.operation(), started.providerNamespace(), started.location(), version);
    }
}
