package io.asyncops.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.asyncops.protocol.Json;
import io.asyncops.server.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity endpoint over real HTTPS: cloud metadata, OIDC discovery, JWKS, the client credentials grant and its
 * errors, the tokens it issues on the ARM routes ({@code /subscriptions}, {@code /tenants}, isolation), and the
 * tokens that must be refused.
 */
class IdentityEndpointTest {
    static final String ARM = "https://management.core.windows.net/";
    @TempDir
    static Path data;
    static TestServer server;
    static NewServicePrincipal sp;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        sp = server.server().servicePrincipals().create("ci", List.of(TestServer.SUB, "AAAAAAAA-0000-0000-0000-000000000002"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void cloudMetadataNeedsNoTokenAndNamesTheIdentityEndpoint() throws Exception {
        for (String path : List.of("/metadata/endpoints?api-version=2015-01-01", "//metadata/endpoints?api-version=2015-01-01")) {
            HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.https(path)));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            JsonNode doc = json(r);
            assertThat(doc.path("authentication").path("loginEndpoint").asText()).isEqualTo(base() + "/adfs");
            assertThat(doc.path("authentication").path("audiences").get(0).asText()).isEqualTo(ARM);
            assertThat(doc.path("graphEndpoint").asText()).startsWith(base());
            assertThat(doc.path("galleryEndpoint").asText()).startsWith(base());
        }
        JsonNode list = json(server.send(HttpRequest.newBuilder(server.https("/metadata/endpoints?api-version=2022-09-01"))));
        assertThat(list.get(0).path("resourceManager").asText()).isEqualTo(base() + "/");
        assertThat(list.get(0).path("authentication").path("identityProvider").asText()).isEqualTo("ADFS");
        assertThat(server.send(HttpRequest.newBuilder(server.https("/metadata/endpoints"))).statusCode()).isEqualTo(400);
        assertThat(errorCode(server.send(HttpRequest.newBuilder(server.https("/metadata/endpoints?api-version=1999-01-01")))))
                .isEqualTo("InvalidApiVersionParameter");
    }

    @Test
    void discoveryAndKeysDescribeTheTokensIssued() throws Exception {
        JsonNode doc = json(server.send(HttpRequest.newBuilder(server.https("/adfs/.well-known/openid-configuration"))));
        assertThat(doc.path("token_endpoint").asText()).isEqualTo(base() + "/adfs/oauth2/token");
        assertThat(doc.path("authorization_endpoint").asText()).isEqualTo(base() + "/adfs/oauth2/authorize");
        JWKSet keys = JWKSet.parse(server.send(HttpRequest.newBuilder(URI.create(doc.path("jwks_uri").asText()))).body());
        assertThat(keys.getKeys()).isNotEmpty().allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

        SignedJWT token = SignedJWT.parse(accessToken(form(sp.appId(), sp.password(), ARM + "/.default")));
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(keys.getKeyByKeyId(token.getHeader().getKeyID())).isNotNull();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(doc.path("issuer").asText()).contains(sp.tenant());
        assertThat(claims.getAudience()).containsExactly(ARM);
        assertThat(claims.getStringClaim("appid")).isEqualTo(sp.appId());
        assertThat(claims.getStringClaim("tid")).isEqualTo(sp.tenant());
        assertThat(claims.getExpirationTime().toInstant()).isBetween(Instant.now().plusSeconds(3000),
                Instant.now().plusSeconds(3700));
    }

    @Test
    void theGrantAcceptsWhatMsalAndAdfsClientsSend() throws Exception {
        // MSAL (az login): scope with a doubled slash, client_info, claims
        assertThat(accessToken(form(sp.appId(), sp.password(), ARM + "/.default") + "&client_info=1&claims="
                + enc("{\"access_token\":{\"xms_cc\":{\"values\":[\"CP1\"]}}}"))).isNotBlank();
        // the other ARM audience, without its trailing slash
        assertThat(audience(accessToken(form(sp.appId(), sp.password(), "https://management.azure.com/.default"))))
                .isEqualTo("https://management.azure.com");
        // ADFS' resource parameter
        assertThat(audience(accessToken("grant_type=client_credentials&client_id=" + sp.appId() + "&client_secret="
                + enc(sp.password()) + "&resource=" + enc(ARM)))).isEqualTo(ARM);
        // HTTP Basic (RFC 6749 §2.3.1)
        HttpResponse<String> basic = token("grant_type=client_credentials&scope=" + enc(ARM + "/.default"),
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (sp.appId() + ":" + enc(sp.password())).getBytes(StandardCharsets.UTF_8))));
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theTokenSeesItsSubscriptionsOnly() throws Exception {
        String token = accessToken(form(sp.appId(), sp.password(), ARM + "/.default"));
        JsonNode subs = json(get("/subscriptions?api-version=2019-11-01", token));
        assertThat(subs.path("value").findValuesAsText("subscriptionId"))
                .containsExactly(TestServer.SUB, "aaaaaaaa-0000-0000-0000-000000000002");
        assertThat(subs.path("value").get(0).path("state").asText()).isEqualTo("Enabled");
        assertThat(subs.path("value").get(0).path("tenantId").asText()).isEqualTo(sp.tenant());
        assertThat(subs.path("value").get(0).path("displayName").asText()).isNotBlank();
        JsonNode one = json(get("/subscriptions/" + TestServer.SUB + "?api-version=2022-12-01", token));
        assertThat(one.path("id").asText()).isEqualTo("/subscriptions/" + TestServer.SUB);
        HttpResponse<String> other = get("/subscriptions/" + TestServer.OTHER_SUB + "?api-version=2022-12-01", token);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(errorCode(other)).isEqualTo("SubscriptionNotFound");
        assertThat(get(TestServer.thing("x").replace(TestServer.SUB, TestServer.OTHER_SUB) + "?api-version=2024-01-01",
                token).statusCode()).isEqualTo(404);
        JsonNode tenants = json(get("/tenants?api-version=2022-12-01", token));
        assertThat(tenants.path("value").get(0).path("tenantId").asText()).isEqualTo(sp.tenant());
        assertThat(get("/subscriptions?api-version=2019-11-01", null).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsAreInvalidClientAndNeverAToken() throws Exception {
        for (String body : List.of(form(sp.appId(), sp.password() + "x", ARM + "/.default"),
                form("00000000-0000-0000-0000-00000000abcd", sp.password(), ARM + "/.default"),
                form("not-an-id", "whatever", ARM + "/.default"),
                "grant_type=client_credentials&scope=" + enc(ARM + "/.default"))) {
            HttpResponse<String> r = token(body, Map.of());
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r).path("error").asText()).isEqualTo("invalid_client");
            assertThat(r.body()).doesNotContain("access_token");
        }
        HttpResponse<String> basic = token("grant_type=client_credentials&scope=" + enc(ARM + "/.default"),
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (sp.appId() + ":wrong").getBytes(StandardCharsets.UTF_8))));
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(json(basic).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void malformedRequestsGetTheirOAuthError() throws Exception {
        String ok = form(sp.appId(), sp.password(), ARM + "/.default");
        assertThat(oauthError(token(ok.replace("client_credentials", "password"), Map.of())))
                .isEqualTo("unsupported_grant_type");
        assertThat(oauthError(token(form(sp.appId(), sp.password(), "https://graph.microsoft.com/.default"), Map.of())))
                .isEqualTo("invalid_scope");
        assertThat(oauthError(token(form(sp.appId(), sp.password(), "openid profile"), Map.of())))
                .isEqualTo("invalid_scope");
        assertThat(oauthError(token(ok + "&client_id=" + sp.appId(), Map.of()))).isEqualTo("invalid_request");
        assertThat(oauthError(token("grant_type=client_credentials&client_id=" + sp.appId() + "&client_secret="
                + enc(sp.password()), Map.of()))).isEqualTo("invalid_request");
        HttpResponse<String> json = server.send(HttpRequest.newBuilder(server.https("/adfs/oauth2/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(oauthError(json)).isEqualTo("invalid_request");
        HttpResponse<String> huge = token(ok + "&pad=" + "x".repeat(20_000), Map.of());
        assertThat(huge.statusCode()).isEqualTo(400);
        // no interactive sign-in: discovery names the endpoint (MSAL wants the field), nothing answers it
        assertThat(server.send(HttpRequest.newBuilder(server.https("/adfs/oauth2/authorize?response_type=code")))
                .statusCode()).isEqualTo(404);
        // a wrong method on a known path is a 405 naming the right one, not an unknown path
        HttpResponse<String> get = server.send(HttpRequest.newBuilder(server.https("/adfs/oauth2/token")));
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> post = server.send(HttpRequest.newBuilder(server.https("/adfs/discovery/keys"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void bruteForceOfOneClientIsLockedOutAfterTenFailures() throws Exception {
        NewServicePrincipal target = server.server().servicePrincipals().create("target", List.of(TestServer.SUB));
        for (int i = 0; i < 10; i++) {
            assertThat(oauthError(token(form(target.appId(), "guess-" + i, ARM + "/.default"), Map.of())))
                    .isEqualTo("invalid_client");
        }
        HttpResponse<String> locked = token(form(target.appId(), target.password(), ARM + "/.default"), Map.of());
        assertThat(locked.statusCode()).as("even the right secret waits").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                s -> assertThat(s).isBetween(1L, 300L));
        assertThat(oauthError(locked)).isEqualTo("temporarily_unavailable");
        // other clients are not affected
        assertThat(accessToken(form(sp.appId(), sp.password(), ARM + "/.default"))).isNotBlank();
    }

    @Test
    void refusedTokensAre401InvalidAuthenticationToken(@TempDir Path otherData) throws Exception {
        String good = accessToken(form(sp.appId(), sp.password(), ARM + "/.default"));
        JWTClaimsSet claims = SignedJWT.parse(good).getJWTClaimsSet();
        RSAKey published = (RSAKey) JWKSet.parse(server.send(HttpRequest.newBuilder(server.https("/adfs/discovery/keys")))
                .body()).getKeys().get(0);
        List<String> refused = new java.util.ArrayList<>();
        // alg: none
        refused.add(new PlainJWT(claims).serialize());
        // HS/RS confusion: HS256 keyed with the published RSA public key
        for (byte[] secret : List.of(published.toRSAPublicKey().getEncoded(),
                published.toJSONString().getBytes(StandardCharsets.UTF_8))) {
            SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .keyID(published.getKeyID()).build(), claims);
            hs.sign(new MACSigner(Arrays.copyOf(secret, Math.max(32, secret.length))));
            refused.add(hs.serialize());
        }
        // expired, and for another audience, signed by this very server
        refused.add(server.server().tokens().sign(new JWTClaimsSet.Builder(claims)
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build()));
        refused.add(server.server().tokens().sign(new JWTClaimsSet.Builder(claims)
                .audience("https://graph.microsoft.com/").build()));
        // a token of another database's identity endpoint
        try (TestServer other = TestServer.start(otherData)) {
            NewServicePrincipal stranger = other.server().servicePrincipals().create("x", List.of(TestServer.SUB));
            HttpResponse<String> r = other.send(HttpRequest.newBuilder(other.https("/adfs/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(stranger.appId(), stranger.password(), ARM + "/.default"))));
            refused.add(json(r).path("access_token").asText());
            refused.add(other.token());
        }
        for (String token : refused) {
            HttpResponse<String> r = get("/subscriptions/" + TestServer.SUB + "?api-version=2022-12-01", token);
            assertThat(r.statusCode()).as(token).isEqualTo(401);
            assertThat(errorCode(r)).isEqualTo("InvalidAuthenticationToken");
        }
    }

    private static String base() {
        return server.server().httpsUri().orElseThrow().toString();
    }

    static String form(String clientId, String secret, String scope) {
        return "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret)
                + "&scope=" + enc(scope);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> token(String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.https("/adfs/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return server.send(b);
    }

    private static String accessToken(String body) throws Exception {
        HttpResponse<String> r = token(body, Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = json(r);
        assertThat(answer.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.path("expires_in").asLong()).isBetween(3000L, 3600L);
        return answer.path("access_token").asText();
    }

    private static String audience(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getAudience().get(0);
    }

    private static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.https(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return server.send(b);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    private static String errorCode(HttpResponse<String> r) throws Exception {
        return json(r).path("error").path("code").asText();
    }

    private static String oauthError(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return json(r).path("error").asText();
    }
}
