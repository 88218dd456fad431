package io.asyncops.server.arm;

import static io.asyncops.server.arm.ArmRequests.guard;

import io.asyncops.emulator.ArmEmulator;
import io.asyncops.emulator.FirewallRule;
import io.asyncops.emulator.PutResult;
import io.asyncops.server.spi.ArmJson;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code Microsoft.Sql/servers/firewallRules}: synchronous PUT (201/200), GET, DELETE (200/204) and list, as Azure
 * answers them (the Azure SDK's fluent server create relies on it).
 */
final class FirewallRulesService implements HttpService {
    private static final String LIST = SqlServersService.ONE + "/firewallRules";
    private static final String ONE = LIST + "/{rule}";

    private final ArmEmulator arm;

    FirewallRulesService(ArmEmulator arm) {
        this.arm = arm;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(LIST, guard(this::list))
                .put(ONE, guard(this::put))
                .get(ONE, guard(this::get))
                .delete(ONE, guard(this::delete));
    }

    private void list(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        ArmRequests.sendList(res, arm.firewallRules().list(sub, ArmRequests.param(req, "rg"),
                ArmRequests.param(req, "server")), FirewallRule::toJson);
    }

    private void put(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        PutResult<FirewallRule> result = arm.firewallRules().createOrUpdate(ArmRequests.caller(req, sub),
                ArmRequests.param(req, "rg"), ArmRequests.param(req, "server"), ArmRequests.param(req, "rule"),
                ArmJson.read(req));
        ArmRequests.send(res, result.httpStatus(), result.resource().toJson());
    }

    private void get(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        ArmRequests.send(res, 200, arm.firewallRules().get(sub, ArmRequests.param(req, "rg"),
                ArmRequests.param(req, "server"), ArmRequests.param(req, "rule")).toJson());
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String sub = ArmRequests.subscription(req);
        ArmRequests.apiVersion(req, ArmApiVersions.SQL);
        boolean deleted = arm.firewallRules().delete(ArmRequests.caller(req, sub), ArmRequests.param(req, "rg"),
                ArmRequests.param(req, "server"), ArmRequests.param(req, "rule"));
        ArmRequests.empty(res, deleted ? 200 : 204);
    }
}
