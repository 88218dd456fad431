package io.asyncops.server.identity.internal;

import io.asyncops.server.spi.Urls;
import io.helidon.webserver.http.HttpRouting;

/**
 * Registers the identity endpoint's routes: cloud metadata, OIDC discovery, keys and token endpoint (no token
 * needed), and the caller's subscriptions and tenants (token needed).
 */
public final class IdentityRoutes {
    private IdentityRoutes() {
    }

    /** Paths served without a token: exact paths, and everything under the identity endpoint's authority. */
    public static boolean isOpen(String path) {
        return path.equals("/metadata/endpoints") || path.startsWith(OidcService.AUTHORITY + "/");
    }

    public static void register(HttpRouting.Builder routing, Issuer issuer, Urls urls) {
        routing.register(new CloudMetadataService(urls), new OidcService(issuer, urls),
                new SubscriptionsService(issuer.tenantId()));
    }
}
