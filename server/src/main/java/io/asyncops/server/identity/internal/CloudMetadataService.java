package io.asyncops.server.identity.internal;

import io.asyncops.server.internal.http.Methods;
import io.asyncops.server.spi.ApiVersions;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.Urls;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /metadata/endpoints?api-version=...}, without a token, as Azure Resource Manager answers it: what
 * {@code az cloud register --endpoint-resource-manager https://host:port/} reads to fill in the rest of a cloud.
 * {@code 2015-01-01} answers the one cloud as an object ({@code authentication.loginEndpoint} is this server's
 * identity endpoint, ADFS style, so {@code az} and MSAL skip Azure AD instance discovery); the later versions
 * answer the list of clouds with their suffixes, as Azure does.
 *
 * <p>Endpoints asyncops does not serve (Microsoft Graph, the gallery) are named under this server, where they
 * answer 404, rather than under Azure's hosts: a client never sends this server's tokens elsewhere.
 */
public final class CloudMetadataService implements HttpService {
    /** The cloud's name in the list form. */
    public static final String CLOUD_NAME = "asyncops";
    private static final String OBJECT_FORM = "2015-01-01";
    private static final Set<String> VERSIONS = Set.of(OBJECT_FORM, "2018-01-01", "2019-05-01", "2020-06-01",
            "2022-09-01");

    private final Urls urls;

    public CloudMetadataService(Urls urls) {
        this.urls = urls;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/metadata/endpoints", this::endpoints)
                .any("/metadata/endpoints", Methods.only("GET"));
    }

    private void endpoints(ServerRequest req, ServerResponse res) {
        String version = ApiVersions.require(req, VERSIONS);
        String base = urls.base(req);
        Map<String, Object> authentication = new LinkedHashMap<>();
        authentication.put("loginEndpoint", base + OidcService.AUTHORITY);
        authentication.put("audiences", Issuer.ARM_AUDIENCES);
        if (version.equals(OBJECT_FORM)) {
            Map<String, Object> cloud = new LinkedHashMap<>();
            cloud.put("galleryEndpoint", base + "/gallery/");
            cloud.put("graphEndpoint", base + "/graph/");
            cloud.put("portalEndpoint", base + "/console/");
            cloud.put("authentication", authentication);
            ArmJson.send(res, 200, cloud);
            return;
        }
        authentication.put("tenant", "adfs");
        authentication.put("identityProvider", "ADFS");
        Map<String, Object> cloud = new LinkedHashMap<>();
        cloud.put("portal", base + "/console/");
        cloud.put("authentication", authentication);
        cloud.put("graphAudience", base + "/graph/");
        cloud.put("graph", base + "/graph/");
        cloud.put("name", CLOUD_NAME);
        cloud.put("suffixes", Map.of("sqlServerHostname", "database.windows.net"));
        cloud.put("resourceManager", base + "/");
        cloud.put("gallery", base + "/gallery/");
        ArmJson.send(res, 200, List.of(cloud));
    }
}
