package io.asyncops.server.identity.internal;

import io.asyncops.server.internal.http.Methods;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.Urls;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity endpoint in the ADFS layout that {@code az} and MSAL accept for a custom cloud without instance
 * discovery ({@code loginEndpoint = {base}/adfs}): OpenID Connect discovery, the JWKS of the database's keys, and
 * the token endpoint. No token needed on any of these; errors are OAuth JSON, not ARM's.
 */
public final class OidcService implements HttpService {
    /** The path prefix of the identity endpoint: the authority. */
    public static final String AUTHORITY = "/adfs";
    static final String TOKEN_PATH = AUTHORITY + "/oauth2/token";
    static final String KEYS_PATH = AUTHORITY + "/discovery/keys";
    /** Named in discovery (MSAL reads the field) but not served: there is no interactive sign-in here. */
    static final String AUTHORIZE_PATH = AUTHORITY + "/oauth2/authorize";
    /** Wrong secrets a client may send per {@link #FAILED_SIGN_IN_WINDOW} before it is locked out until its end. */
    static final int MAX_FAILED_SIGN_INS = 10;
    static final Duration FAILED_SIGN_IN_WINDOW = Duration.ofMinutes(5);

    private final Issuer issuer;
    private final Urls urls;
    private final TokenEndpoint tokens;

    public OidcService(Issuer issuer, Urls urls) {
        this.issuer = issuer;
        this.urls = urls;
        this.tokens = new TokenEndpoint(issuer, new PrincipalTable(issuer.dataSource()),
                new FailedSignIns(issuer.clock(), MAX_FAILED_SIGN_INS, FAILED_SIGN_IN_WINDOW));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(AUTHORITY + "/.well-known/openid-configuration", oauth(this::discovery))
                .any(AUTHORITY + "/.well-known/openid-configuration", Methods.only("GET"))
                .get(KEYS_PATH, oauth(this::keys))
                .any(KEYS_PATH, Methods.only("GET"))
                .post(TOKEN_PATH, oauth(tokens::handle))
                .any(TOKEN_PATH, Methods.only("POST"))
                .post(TOKEN_PATH + "/", oauth(tokens::handle))
                .any(TOKEN_PATH + "/", Methods.only("POST"));
    }

    private void discovery(ServerRequest req, ServerResponse res) {
        String base = urls.base(req);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer.name());
        doc.put("access_token_issuer", issuer.name());
        doc.put("authorization_endpoint", base + AUTHORIZE_PATH);
        doc.put("token_endpoint", base + TOKEN_PATH);
        doc.put("jwks_uri", base + KEYS_PATH);
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        doc.put("grant_types_supported", List.of("client_credentials"));
        doc.put("response_types_supported", List.of("token"));
        doc.put("scopes_supported", Issuer.ARM_AUDIENCES.stream().map(a -> a + "/.default").toList());
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("tenant_id", issuer.tenantId());
        ArmJson.send(res, 200, doc);
    }

    private void keys(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "max-age=60");
        ArmJson.send(res, 200, issuer.keys().publicKeys().toString(true));
    }

    /** A handler whose OAuth errors are answered as RFC 6749 JSON; anything else goes to the error table. */
    private static Handler oauth(Handler handler) {
        return (req, res) -> {
            try {
                handler.handle(req, res);
            } catch (OAuthException e) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", e.error());
                body.put("error_description", e.getMessage());
                e.headers().forEach(res::header);
                res.header(HeaderNames.CACHE_CONTROL, "no-store");
                res.header(HeaderNames.PRAGMA, "no-cache");
                ArmJson.send(res, e.status(), body);
            }
        };
    }
}
