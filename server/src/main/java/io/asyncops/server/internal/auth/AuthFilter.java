package io.asyncops.server.internal.auth;

import io.asyncops.server.identity.internal.IdentityRoutes;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Principal;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Requires {@code Authorization: Bearer <JWT>} on every route but health, metrics, cloud metadata and the identity
 * endpoint (PROTOCOL §1) and puts the
 * {@link Principal} in the request's context. Missing: 401 {@code AuthenticationFailed}; invalid: 401
 * {@code InvalidAuthenticationToken}; both with {@code WWW-Authenticate: Bearer error="invalid_token"}.
 */
public final class AuthFilter implements Filter {
    private static final String CHALLENGE = "Bearer error=\"invalid_token\"";
    private final JwtAuthenticator authenticator;

    public AuthFilter(JwtAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.prologue().uriPath().rawPath();
        if (isOpen(path)) {
            chain.proceed();
            return;
        }
        // a verified token is kept under the header value it came in: a poll looks it up without copying it out
        String authorization = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        Principal principal = authenticator.cached(authorization);
        if (principal == null) {
            String token = bearer(authorization);
            if (token == null) {
                throw new ApiException(401, "AuthenticationFailed", "Authentication failed. The 'Authorization'"
                        + " header is missing or is not a Bearer token.").withHeader("WWW-Authenticate", CHALLENGE);
            }
            try {
                principal = authenticator.authenticate(authorization, token);
            } catch (JwtAuthenticator.InvalidTokenException e) {
                throw new ApiException(401, "InvalidAuthenticationToken", e.getMessage())
                        .withHeader("WWW-Authenticate", CHALLENGE);
            }
        }
        req.context().register(principal);
        chain.proceed();
    }

    /**
     * Health, metrics, the API description and its viewer, the console's page, the cloud metadata and the identity
     * endpoint need no token; the console's data routes ({@code /console/api/...}) do (and read the principal, so a
     * path that only looks open still answers 401 there).
     */
    static boolean isOpen(String path) {
        return path.equals("/health/live") || path.equals("/health/ready") || path.equals("/metrics")
                || path.equals("/openapi.json") || path.equals("/docs") || path.startsWith("/docs/")
                || path.equals("/console") || (path.startsWith("/console/") && !path.startsWith("/console/api"))
                || IdentityRoutes.isOpen(path);
    }

    /** The token of a {@code Bearer} value (trimmed, scheme case-insensitive), or null when there is none. */
    static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (h.length() <= 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = h.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
