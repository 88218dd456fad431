package io.asyncops.server.identity.internal;

import io.asyncops.server.internal.http.Methods;
import io.asyncops.server.spi.ApiVersions;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.Principal;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a caller learns about itself from Azure Resource Manager: {@code GET /subscriptions} (the subscriptions its
 * token grants; {@code az login} lists them), {@code GET /subscriptions/{id}} (404 {@code SubscriptionNotFound} for
 * any other, as for one that does not exist) and {@code GET /tenants} (this deployment's tenant). A {@code "*"}
 * grant sees every subscription but enumerates none.
 */
public final class SubscriptionsService implements HttpService {
    /** Microsoft.Resources' subscriptions API versions (Azure accepts every published one). */
    static final Set<String> VERSIONS = Set.of("2014-04-01-preview", "2015-01-01", "2016-01-01", "2016-06-01",
            "2018-06-01", "2019-06-01", "2019-11-01", "2020-01-01", "2021-01-01", "2022-01-01", "2022-12-01");

    private final String tenantId;

    public SubscriptionsService(String tenantId) {
        this.tenantId = tenantId;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/subscriptions", this::list)
                .any("/subscriptions", Methods.only("GET"))
                .get("/subscriptions/{sub}", this::get)
                .any("/subscriptions/{sub}", Methods.only("GET"))
                .get("/tenants", this::tenants)
                .any("/tenants", Methods.only("GET"));
    }

    private void list(ServerRequest req, ServerResponse res) {
        ApiVersions.require(req, VERSIONS);
        Principal principal = Principal.of(req);
        List<Map<String, Object>> value = principal.subscriptions().stream()
                .filter(s -> !s.equals(Principal.ALL_SUBSCRIPTIONS))
                .sorted()
                .map(this::subscription)
                .toList();
        ArmJson.send(res, 200, Map.of("value", value));
    }

    private void get(ServerRequest req, ServerResponse res) {
        ApiVersions.require(req, VERSIONS);
        String sub = req.path().pathParameters().get("sub");
        Principal.of(req).requireSubscription(sub);
        ArmJson.send(res, 200, subscription(sub.toLowerCase(Locale.ROOT)));
    }

    private void tenants(ServerRequest req, ServerResponse res) {
        ApiVersions.require(req, VERSIONS);
        Principal.of(req);
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("id", "/tenants/" + tenantId);
        tenant.put("tenantId", tenantId);
        tenant.put("tenantCategory", "Home");
        tenant.put("displayName", "asyncops");
        tenant.put("domains", List.of("asyncops.invalid"));
        tenant.put("defaultDomain", "asyncops.invalid");
        tenant.put("tenantType", "AAD");
        ArmJson.send(res, 200, Map.of("value", List.of(tenant)));
    }

    private Map<String, Object> subscription(String id) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", "/subscriptions/" + id);
        s.put("authorizationSource", "RoleBased");
        s.put("managedByTenants", List.of());
        s.put("subscriptionId", id);
        s.put("tenantId", tenantId);
        s.put("displayName", "asyncops-" + id.split("-", 2)[0]);
        s.put("state", "Enabled");
        Map<String, Object> policies = new LinkedHashMap<>();
        policies.put("locationPlacementId", "Public_2014-09-01");
        policies.put("quotaId", "PayAsYouGo_2014-09-01");
        policies.put("spendingLimit", "Off");
        s.put("subscriptionPolicies", policies);
        return s;
    }
}
