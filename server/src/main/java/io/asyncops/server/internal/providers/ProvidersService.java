package io.asyncops.server.internal.providers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ApiVersions;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.Principal;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resource provider registration reads, as clients and tools ask before they use a provider
 * ({@code GET /subscriptions/{sub}/providers/{namespace}} and the list): every provider the server serves, built in
 * or loaded from a spec, is {@code Registered}, with its resource types and their api-versions.
 */
public final class ProvidersService implements HttpService {
    /** Regions a type can be created in, as ARM names them in provider answers. */
    static final List<String> LOCATIONS = List.of("East US", "East US 2", "West US", "West US 2", "West US 3",
            "Central US", "North Europe", "West Europe", "UK South", "Southeast Asia", "Japan East", "Australia East");

    /**
     * A resource type a provider serves.
     *
     * @param namespace    e.g. {@code Microsoft.Storage}
     * @param resourceType the type without its namespace, e.g. {@code storageAccounts} or {@code servers/databases}
     * @param apiVersions  the api-versions it accepts
     */
    public record ProviderType(String namespace, String resourceType, Set<String> apiVersions) {
        public ProviderType {
            Objects.requireNonNull(namespace, "namespace == null");
            Objects.requireNonNull(resourceType, "resourceType == null");
            apiVersions = Set.copyOf(apiVersions);
        }

        /** {@code Namespace/type} split at its first slash. */
        public static ProviderType of(String type, Set<String> apiVersions) {
            int slash = type.indexOf('/');
            return new ProviderType(type.substring(0, slash), type.substring(slash + 1), apiVersions);
        }
    }

    private final Map<String, List<ProviderType>> byNamespace = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> apiVersions;

    /**
     * @param types       every served type
     * @param apiVersions the api-versions of the provider reads (Microsoft.Resources')
     */
    public ProvidersService(Collection<ProviderType> types, Set<String> apiVersions) {
        for (ProviderType t : types) {
            byNamespace.computeIfAbsent(t.namespace(), k -> new ArrayList<>()).add(t);
        }
        this.apiVersions = Set.copyOf(apiVersions);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/subscriptions/{sub}/providers", this::list)
                .get("/subscriptions/{sub}/providers/{namespace}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        String sub = subscription(req);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode value = body.putArray("value");
        byNamespace.forEach((ns, types) -> value.add(provider(sub, types)));
        ArmJson.send(res, 200, body);
    }

    private void one(ServerRequest req, ServerResponse res) {
        String sub = subscription(req);
        String namespace = req.path().pathParameters().get("namespace");
        List<ProviderType> types = byNamespace.get(namespace);
        if (types == null) {
            throw new ApiException(404, "InvalidResourceNamespace", "The resource namespace '" + namespace
                    + "' is invalid.");
        }
        ArmJson.send(res, 200, provider(sub, types));
    }

    private String subscription(ServerRequest req) {
        String sub = req.path().pathParameters().get("sub");
        Principal.of(req).requireSubscription(sub);
        ApiVersions.require(req, apiVersions);
        return sub;
    }

    private static ObjectNode provider(String sub, List<ProviderType> types) {
        String namespace = types.get(0).namespace();
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("id", "/subscriptions/" + sub + "/providers/" + namespace);
        p.put("namespace", namespace);
        p.put("registrationState", "Registered");
        p.put("registrationPolicy", "RegistrationRequired");
        ArrayNode list = p.putArray("resourceTypes");
        Map<String, ProviderType> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        types.forEach(t -> sorted.merge(t.resourceType(), t, (a, b) -> new ProviderType(a.namespace(),
                a.resourceType(), union(a.apiVersions(), b.apiVersions()))));
        for (ProviderType t : sorted.values()) {
            ObjectNode rt = list.addObject();
            rt.put("resourceType", t.resourceType());
            ArrayNode locations = rt.putArray("locations");
            LOCATIONS.forEach(locations::add);
            ArrayNode versions = rt.putArray("apiVersions");
            TreeSet<String> newestFirst = new TreeSet<>(java.util.Comparator.reverseOrder());
            newestFirst.addAll(t.apiVersions());
            newestFirst.forEach(versions::add);
            stable(newestFirst).ifPresent(v -> rt.put("defaultApiVersion", v));
            rt.put("capabilities", "None");
        }
        return p;
    }

    private static java.util.Optional<String> stable(TreeSet<String> newestFirst) {
        return newestFirst.stream().filter(v -> !v.toLowerCase(Locale.ROOT).contains("preview")).findFirst()
                .or(() -> newestFirst.stream().findFirst());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
