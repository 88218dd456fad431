package io.asyncops.server.identity.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import io.asyncops.server.identity.ServicePrincipal;
import io.asyncops.server.spi.ArmJson;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /adfs/oauth2/token}: the OAuth 2.0 client credentials grant (RFC 6749 §4.4) for service principals,
 * as {@code az login --service-principal} (MSAL) sends it: {@code grant_type=client_credentials}, {@code client_id},
 * {@code client_secret} (or HTTP Basic), {@code scope=<resource>/.default} (or ADFS' {@code resource=}); MSAL's
 * {@code client_info} is ignored. The answer is an RS256 access token for that ARM resource, granting the
 * principal's subscriptions, signed with the database's current key.
 *
 * <p>Wrong credentials are {@code invalid_client} and never a token; repeated failures of one client lock it out
 * for a while ({@link FailedSignIns}); every error is RFC 6749 JSON.
 */
final class TokenEndpoint {
    /** Lifetime of an access token, as Azure AD's default. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final String DEFAULT_SCOPE_SUFFIX = "/.default";
    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_SECRET_LENGTH = 512;

    private final Issuer issuer;
    private final PrincipalTable principals;
    private final FailedSignIns failures;

    TokenEndpoint(Issuer issuer, PrincipalTable principals, FailedSignIns failures) {
        this.issuer = issuer;
        this.principals = principals;
        this.failures = failures;
    }

    /** A client's claimed identity, and whether it came in the {@code Authorization} header. */
    private record Credentials(String clientId, String secret, boolean basic) {
    }

    void handle(ServerRequest req, ServerResponse res) {
        Map<String, String> form = FormBody.read(req);
        Credentials credentials = credentials(req, form);
        String grant = form.get("grant_type");
        if (grant == null || grant.isEmpty()) {
            throw OAuthException.invalidRequest("The request body must contain the parameter 'grant_type'.");
        }
        if (!grant.equals("client_credentials")) {
            throw new OAuthException(400, "unsupported_grant_type", "The grant type '" + FormBody.printable(grant)
                    + "' is not supported; this endpoint supports 'client_credentials'.");
        }
        String resource = resource(form);
        ServicePrincipal principal = authenticate(credentials);
        Instant now = issuer.clock().instant();
        String token = issuer.sign(new JWTClaimsSet.Builder()
                .issuer(issuer.name())
                .audience(resource)
                .subject(principal.appId())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("appid", principal.appId())
                .claim("appidacr", "1")
                .claim("oid", principal.appId())
                .claim("tid", issuer.tenantId())
                .claim("idtyp", "app")
                .claim("ver", "1.0")
                .claim("subscriptions", principal.subscriptions())
                .build());
        Map<String, Object> answer = new LinkedHashMap<>();
        long seconds = TOKEN_LIFETIME.toSeconds() - 1;
        answer.put("token_type", "Bearer");
        answer.put("expires_in", seconds);
        answer.put("ext_expires_in", seconds);
        answer.put("expires_on", now.plus(TOKEN_LIFETIME).getEpochSecond());
        answer.put("resource", resource);
        answer.put("access_token", token);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.PRAGMA, "no-cache");
        ArmJson.send(res, 200, answer);
    }

    /** The client's id and secret, from HTTP Basic (RFC 6749 §2.3.1) or the body, not both. */
    private static Credentials credentials(ServerRequest req, Map<String, String> form) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        if (header.isPresent()) {
            if (form.containsKey("client_secret")) {
                throw OAuthException.invalidRequest("Use one client authentication method: HTTP Basic or "
                        + "client_secret in the body, not both.");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalidClient(true);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalidClient(true);
            }
            String id = FormBody.parse("id=" + decoded.substring(0, colon)).getOrDefault("id", "");
            String secret = FormBody.parse("s=" + decoded.substring(colon + 1)).getOrDefault("s", "");
            String formId = form.get("client_id");
            if (formId != null && !formId.equals(id)) {
                throw OAuthException.invalidRequest("The client_id in the body differs from the HTTP Basic one.");
            }
            return new Credentials(id, secret, true);
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (id == null || id.isEmpty() || secret == null || secret.isEmpty()) {
            throw new OAuthException(400, "invalid_client", "The request must authenticate the client: client_id "
                    + "and client_secret, or HTTP Basic.");
        }
        return new Credentials(id, secret, false);
    }

    /** The ARM resource asked for: {@code scope=<resource>/.default} (MSAL), or {@code resource=<resource>} (ADFS). */
    private static String resource(Map<String, String> form) {
        String scope = form.get("scope");
        String resource = form.get("resource");
        String wanted = null;
        if (scope != null && !scope.isBlank()) {
            for (String s : scope.trim().split(" +")) {
                if (s.endsWith(DEFAULT_SCOPE_SUFFIX)) {
                    if (wanted != null) {
                        throw new OAuthException(400, "invalid_scope", "Ask for one resource's '/.default' scope.");
                    }
                    wanted = s.substring(0, s.length() - DEFAULT_SCOPE_SUFFIX.length());
                }
                // OpenID scopes (openid, profile, offline_access) ask for nothing more in this grant
            }
            if (wanted == null) {
                throw new OAuthException(400, "invalid_scope", "The client credentials grant needs a scope of the "
                        + "form '<resource>/.default', e.g. '" + Issuer.ARM_AUDIENCES.get(0) + "/.default'.");
            }
        } else if (resource != null && !resource.isBlank()) {
            wanted = resource.trim();
        } else {
            throw OAuthException.invalidRequest("The request body must contain the parameter 'scope' "
                    + "(e.g. '" + Issuer.ARM_AUDIENCES.get(0) + "/.default').");
        }
        String asked = wanted;
        return Issuer.armAudience(asked).orElseThrow(() -> new OAuthException(400, "invalid_scope",
                "The resource '" + FormBody.printable(asked) + "' is not served here; ask for one of "
                        + String.join(", ", Issuer.ARM_AUDIENCES) + "."));
    }

    /** The principal whose secret this is; invalid_client otherwise, 429 while the client is locked out. */
    private ServicePrincipal authenticate(Credentials c) {
        if (c.clientId().length() > MAX_ID_LENGTH || c.secret().length() > MAX_SECRET_LENGTH) {
            throw invalidClient(c.basic());
        }
        PrincipalTable.Stored stored = principals.find(c.clientId()).orElseThrow(() -> invalidClient(c.basic()));
        String appId = stored.principal().appId();
        Optional<Duration> locked = failures.begin(appId);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds() + 1);
            throw new OAuthException(429, "temporarily_unavailable", "Too many failed sign-ins of this client; retry "
                    + "in " + seconds + " seconds.", Map.of("Retry-After", Long.toString(seconds)));
        }
        if (!PrincipalTable.secretMatches(stored, c.secret())) {
            throw invalidClient(c.basic());
        }
        failures.succeeded(appId);
        return stored.principal();
    }

    private static OAuthException invalidClient(boolean basic) {
        String description = "The client credentials are invalid: no service principal has this client id and "
                + "secret.";
        return basic
                ? new OAuthException(401, "invalid_client", description, Map.of("WWW-Authenticate", "Basic realm=\"asyncops\""))
                : new OAuthException(400, "invalid_client", description);
    }
}
