package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.asyncops.protocol.Json;
import io.asyncops.server.auth.AuthConfig;
import io.asyncops.server.auth.TokenMinter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PROTOCOL §1 over HTTP: bearer tokens on every API route, 401 shapes, JWKS from a real URL, isolation. */
class AuthenticationTest {
    static final String ISSUER = "https://issuer.test/";
    static final String AUDIENCE = "api://asyncops";
    @TempDir
    static Path data;
    static TestServer server;
    static HttpServer jwks;
    static RSAKey key;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
        URI url = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
        server = TestServer.start(data, b -> b.auth(AuthConfig.builder().jwksUrl(url).issuer(ISSUER).audience(AUDIENCE)
                .build()));
    }

    @AfterAll
    static void stop() {
        server.close();
        jwks.stop(0);
    }

    String listUrl() {
        return "/subscriptions/" + TestServer.SUB + "/operationStatuses?api-version=2024-01-01";
    }

    @Test
    void missingTokenIsAuthenticationFailedWithAChallenge() throws Exception {
        for (String header : new String[] {null, "Basic dXNlcjpwdw==", "Bearer ", "Bearer"}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.http(listUrl()));
            if (header != null) {
                b.header("Authorization", header);
            }
            HttpResponse<String> r = server.send(b);
            assertThat(r.statusCode()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            assertThat(code(r)).isEqualTo("AuthenticationFailed");
        }
    }

    @Test
    void aVerifiedTokenIsFoundOnlyUnderABearerValue() throws Exception {
        // the verified-token cache is keyed by the Authorization value: after a good poll, the same token without
        // its scheme is still no Bearer value, and other spellings of a Bearer value are verified on their own
        String token = server.token();
        java.util.Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("Bearer " + token, 200);
        expected.put(token, 401);
        expected.put("Token " + token, 401);
        expected.put("bearer " + token, 200);
        expected.put("Bearer   " + token, 200);
        expected.put("Bearer " + token + "x", 401);
        for (int round = 0; round < 2; round++) { // the second round answers from the cache where it may
            for (var e : expected.entrySet()) {
                HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.http(listUrl()))
                        .header("Authorization", e.getKey()));
                assertThat(r.statusCode()).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        HttpResponse<String> bare = server.send(HttpRequest.newBuilder(server.http(listUrl()))
                .header("Authorization", token));
        assertThat(code(bare)).isEqualTo("AuthenticationFailed");
    }

    @Test
    void badTokensAreInvalidAuthenticationToken() throws Exception {
        TokenMinter minter = server.server().tokens();
        Instant now = Instant.now();
        JWTClaimsSet.Builder base = new JWTClaimsSet.Builder().subject("x").issuer(TokenMinter.DEV_ISSUER)
                .audience(TokenMinter.DEV_ISSUER).claim("subscriptions", List.of(TestServer.SUB));
        List<String> bad = List.of(
                "garbage",
                minter.sign(base.expirationTime(Date.from(now.minusSeconds(3600))).build()),
                minter.sign(base.expirationTime(Date.from(now.plusSeconds(600))).notBeforeTime(
                        Date.from(now.plusSeconds(3600))).build()),
                minter.sign(new JWTClaimsSet.Builder().subject("x").issuer("other").audience(TokenMinter.DEV_ISSUER)
                        .expirationTime(Date.from(now.plusSeconds(600))).build()),
                minter.sign(new JWTClaimsSet.Builder().subject("x").issuer(TokenMinter.DEV_ISSUER).audience("other")
                        .expirationTime(Date.from(now.plusSeconds(600))).build()),
                new PlainJWT(base.expirationTime(Date.from(now.plusSeconds(600))).build()).serialize(),
                rs256(new RSAKeyGenerator(2048).keyID("k1").generate(), ISSUER, AUDIENCE));
        for (String token : bad) {
            HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.http(listUrl()))
                    .header("Authorization", "Bearer " + token));
            assertThat(r.statusCode()).as(token).isEqualTo(401);
            assertThat(code(r)).isEqualTo("InvalidAuthenticationToken");
            assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void jwksTokensFromTheConfiguredUrlAreAccepted() throws Exception {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.http(listUrl()))
                .header("Authorization", "Bearer " + rs256(key, ISSUER, AUDIENCE)));
        assertThat(r.statusCode()).isEqualTo(200);
        HttpResponse<String> wrongAud = server.send(HttpRequest.newBuilder(server.http(listUrl()))
                .header("Authorization", "Bearer " + rs256(key, ISSUER, "api://other")));
        assertThat(wrongAud.statusCode()).isEqualTo(401);
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        for (String path : new String[] {"/health/live", "/health/ready", "/metrics"}) {
            assertThat(server.send(HttpRequest.newBuilder(server.http(path))).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(server.send(HttpRequest.newBuilder(server.http("/health/other"))).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherSubscriptionsResourcesAre404() throws Exception {
        String token = server.token(List.of(TestServer.OTHER_SUB));
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.http(TestServer.thing("t")
                        + "?api-version=2024-01-01")).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(code(r)).isEqualTo("SubscriptionNotFound");
        HttpResponse<String> list = server.send(HttpRequest.newBuilder(server.http(listUrl()))
                .header("Authorization", "Bearer " + token));
        assertThat(list.statusCode()).isEqualTo(404);
    }

    static String rs256(RSAKey signer, String issuer, String audience) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("svc").issuer(issuer).audience(audience)
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                        .claim("subscriptions", List.of(TestServer.SUB)).build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    static String code(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body()).path("error").path("code").asText();
    }
}
