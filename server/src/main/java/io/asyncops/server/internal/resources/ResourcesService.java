package io.asyncops.server.internal.resources;

import io.asyncops.server.internal.http.Methods;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ProviderCore;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourcePage;
import io.asyncops.emulator.resources.ResourceGroups;
import io.asyncops.protocol.Json;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ApiVersions;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.Principal;
import io.asyncops.server.spi.Urls;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ARM's generic resource lists, over the provider core's store: {@code GET /subscriptions/{sub}/resources} and
 * {@code GET /subscriptions/{sub}/resourceGroups/{rg}/resources} ({@code az resource list [-g]}): every tracked
 * resource of every served type (resource groups and proxy resources such as firewall rules are not listed, as in
 * Azure), each as {@code id, name, type, location, tags} (and {@code kind}, {@code sku}, {@code managedBy} when it has
 * them), with {@code $filter} ({@link ResourceFilter}), {@code $expand=createdTime,changedTime,provisioningState},
 * {@code $top} and {@code $skipToken} paging with {@code nextLink}.
 */
public final class ResourcesService implements HttpService {
    static final int PAGE = 100;
    static final int MAX_PAGE = 1000;
    private static final Set<String> EXPANDABLE = Set.of("createdtime", "changedtime", "provisioningstate");

    private final ProviderCore core;
    private final Urls urls;

    public ResourcesService(ProviderCore core, Urls urls) {
        this.core = core;
        this.urls = urls;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/subscriptions/{sub}/resources", (req, res) -> list(req, res, null))
                .any("/subscriptions/{sub}/resources", Methods.only("GET"))
                .get("/subscriptions/{sub}/resourceGroups/{rg}/resources",
                        (req, res) -> list(req, res, req.path().pathParameters().get("rg")))
                .any("/subscriptions/{sub}/resourceGroups/{rg}/resources", Methods.only("GET"));
    }

    private void list(ServerRequest req, ServerResponse res, String pathGroup) {
        String sub = req.path().pathParameters().get("sub");
        Principal.of(req).requireSubscription(sub);
        ApiVersions.require(req, core.types().find(ResourceGroups.TYPE).orElseThrow().apiVersions());
        ResourceFilter filter = ResourceFilter.parse(req.query().contains("$filter") ? req.query().get("$filter") : null);
        Set<String> expand = expand(req.query().contains("$expand") ? req.query().get("$expand") : null);
        int top = top(req.query().contains("$top") ? req.query().get("$top") : null);
        String skipToken = req.query().contains("$skipToken") ? req.query().get("$skipToken") : null;
        String group = pathGroup != null ? pathGroup : filter.resourceGroup().orElse(null);
        if (pathGroup != null && filter.resourceGroup().isPresent()
                && !filter.resourceGroup().get().equalsIgnoreCase(pathGroup)) {
            ArmJson.send(res, 200, Json.mapper().createObjectNode().set("value", Json.mapper().createArrayNode()));
            return;
        }
        // filters beyond the group are applied to each page: a page may hold fewer than $top, never a wrong one
        ResourcePage page = core.listTracked(sub, group, pathGroup == null, top, skipToken);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode value = body.putArray("value");
        for (Resource r : page.items()) {
            if (filter.matches(r)) {
                value.add(render(r, expand));
            }
        }
        if (page.next() != null) {
            body.put("nextLink", nextLink(req, page.next()));
        }
        ArmJson.send(res, 200, body.toString());
    }

    private static ObjectNode render(Resource r, Set<String> expand) {
        ObjectNode stored = r.body();
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("id", r.id());
        out.put("name", r.name());
        out.put("type", r.type());
        for (String member : List.of("kind", "sku", "managedBy", "identity", "plan")) {
            if (stored.has(member)) {
                out.set(member, stored.get(member));
            }
        }
        if (r.location() != null) {
            out.put("location", r.location());
        }
        out.set("tags", stored.has("tags") ? stored.get("tags") : Json.mapper().createObjectNode());
        if (expand.contains("createdtime")) {
            out.put("createdTime", r.createdAt().toString());
        }
        if (expand.contains("changedtime")) {
            out.put("changedTime", r.changedAt().toString());
        }
        if (expand.contains("provisioningstate")) {
            out.put("provisioningState", r.provisioningState());
        }
        return out;
    }

    private String nextLink(ServerRequest req, String token) {
        StringBuilder query = new StringBuilder();
        for (String name : req.query().names()) {
            if (name.equals("$skipToken")) {
                continue;
            }
            for (String v : req.query().all(name)) {
                query.append(query.isEmpty() ? "?" : "&").append(enc(name)).append('=').append(enc(v));
            }
        }
        query.append(query.isEmpty() ? "?" : "&").append("$skipToken=").append(enc(token));
        return urls.absolute(req, req.path().rawPath() + query);
    }

    private static Set<String> expand(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            String key = item.trim().toLowerCase(Locale.ROOT);
            if (!EXPANDABLE.contains(key)) {
                throw new ApiException(400, "InvalidExpandQueryString", "The $expand value '" + printable(item.trim())
                        + "' is not supported; use createdTime, changedTime, provisioningState.");
            }
            items.add(key);
        }
        return Set.copyOf(items);
    }

    private static int top(String value) {
        if (value == null) {
            return PAGE;
        }
        try {
            int top = Integer.parseInt(value.trim());
            if (top >= 1 && top <= MAX_PAGE) {
                return top;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw new ApiException(400, "InvalidTopValue", "The $top value must be an integer from 1 to " + MAX_PAGE + ".");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 64; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
