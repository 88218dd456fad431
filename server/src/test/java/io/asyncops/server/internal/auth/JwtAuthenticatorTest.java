package io.asyncops.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.nimbusds.jose.crypto.MACSigner;
import io.asyncops.engine.Database;
import io.asyncops.server.auth.AuthConfig;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.identity.internal.Issuer;
import io.asyncops.server.spi.Principal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.asyncops.engine.testing.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token verification: this deployment's own tokens against the keys in its database (a temp H2), an external
 * issuer's against a JWKS file or URL, and every way a token can be wrong.
 */
class JwtAuthenticatorTest {
    private static final String ISSUER = "https://login.example.test/tenant/v2.0";
    private static final String AUDIENCE = "https://management.example.test/";
    private static RSAKey rsa;
    private static ECKey ec;
    private static RSAKey stranger;

    private static final Instant now = Instant.parse("2026-05-01T10:00:00Z");
    private static final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    @TempDir
    static Path dir;
    /** One database for the class: its tenant, its keys (made on the first token). */
    private static Database db;
    private static TokenMinter minter;
    private static Issuer issuer;

    @BeforeAll
    static void database() {
        db = Database.h2(dir.resolve("db"));
        minter = TokenMinter.of(db.dataSource(), clock);
        minter.mint("first", List.of(), Duration.ofMinutes(1)); // the database's first key, as a server makes at start
        issuer = Issuer.open(db.dataSource(), clock);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    }

    @Test
    void devTokenGrantsItsSubscriptions() {
        String token = minter.mint("alice", List.of("SUB-1", "sub-2"), Duration.ofHours(1));
        Principal p = dev().authenticate(token);
        assertThat(p.subject()).isEqualTo("alice");
        assertThat(p.canSee("sub-1")).isTrue();
        assertThat(p.canSee("SUB-2")).isTrue();
        assertThat(p.canSee("sub-3")).isFalse();
    }

    @Test
    void principalMapAddsSubscriptions() {
        JwtAuthenticator auth = new JwtAuthenticator(AuthConfig.builder().grant("bob", Set.of("sub-9")).build(),
                issuer(), clock);
        Principal p = auth.authenticate(minter.mint("bob", List.of(), Duration.ofHours(1)));
        assertThat(p.canSee("sub-9")).isTrue();
        assertThat(p.canSee("sub-1")).isFalse();
    }

    @Test
    void expiredTokenIsRefusedBeyondTheSkew() {
        String token = minter.sign(claims().expirationTime(Date.from(now.minusSeconds(61)))
                .build());
        assertInvalid(dev(), token, "Expired");
        String withinSkew = minter.sign(claims().expirationTime(Date.from(now.minusSeconds(30)))
                .build());
        assertThat(dev().authenticate(withinSkew).subject()).isEqualTo("alice");
    }

    @Test
    void tokenNotYetValidIsRefused() {
        String token = minter.sign(claims().notBeforeTime(Date.from(now.plusSeconds(300)))
                .build());
        assertInvalid(dev(), token, "before use time");
    }

    @Test
    void wrongAudienceAndIssuerAreRefused() {
        assertInvalid(dev(), minter.sign(claims().audience("someone-else").build()),
                "aud");
        assertInvalid(dev(), minter.sign(claims().issuer("evil").build()), "iss");
    }

    @Test
    void badSignatureIsRefused() {
        try (Database other = Database.h2(dir.resolve("other"))) {
            String token = TokenMinter.of(other.dataSource(), clock).sign(claims().build());
            assertInvalid(dev(), token, "Signed JWT rejected");
        }
        String tampered = minter.sign(claims().build());
        String[] parts = tampered.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims().claim("subscriptions", List.of("*")).build().toString().getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertInvalid(dev(), forged, "");
    }

    @Test
    void unsignedAndMalformedTokensAreRefused() {
        assertInvalid(dev(), new PlainJWT(claims().build()).serialize(), "unsigned");
        assertInvalid(dev(), "not-a-jwt", "malformed");
    }

    @Test
    void rs256TokenOfAnUnconfiguredIssuerIsRefused() throws Exception {
        assertInvalid(dev(), rs256(rsa, jwksClaims().build()), "issuer is not accepted");
    }

    @Test
    void hmacTokensAreRefusedEvenWhenSignedWithThePublicKey() throws Exception {
        // HS/RS confusion: an attacker signs HS256 with the bytes of the server's public RSA key
        minter.mint("alice", List.of("s"), Duration.ofMinutes(5));
        RSAKey published = (RSAKey) issuer().keys().publicKeys().getKeys().get(0);
        for (byte[] secret : List.of(published.toRSAPublicKey().getEncoded(),
                published.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID())
                    .build(), claims().build());
            jwt.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(secret.length, 32))));
            assertInvalid(dev(), jwt.serialize(), "algorithm HS256 is not accepted");
        }
    }

    @Test
    void aTokenOfOurIssuerSignedWithAnotherKeyIsRefused() throws Exception {
        assertInvalid(dev(), rs256(stranger, claims().build()), "Signed JWT rejected");
        assertInvalid(dev(), es256(ec, claims().build()), "Signed JWT rejected");
    }

    @Test
    void ownTokensMustNameTheirIssuersAudienceAndStayWithinTheLifetimeCap() {
        Issuer issuer = issuer();
        JWTClaimsSet.Builder identity = claims().issuer(issuer.name());
        assertThat(dev().authenticate(minter.sign(identity.audience(Issuer.ARM_AUDIENCES.get(0)).build()))
                .canSee("sub-1")).isTrue();
        assertThat(dev().authenticate(minter.sign(identity.audience("https://management.azure.com").build()))
                .canSee("sub-1")).isTrue();
        assertInvalid(dev(), minter.sign(identity.audience(TokenMinter.DEV_ISSUER).build()), "audience");
        assertInvalid(dev(), minter.sign(claims().audience(Issuer.ARM_AUDIENCES.get(0)).build()), "audience");
        assertInvalid(dev(), minter.sign(claims().expirationTime(Date.from(now.plus(Duration.ofDays(400)))).build()),
                "lifetime");
    }

    @Test
    void devTokensCanBeTurnedOffWhileIdentityTokensStillPass() {
        JwtAuthenticator auth = new JwtAuthenticator(AuthConfig.builder().devTokens(false).build(), issuer(), clock);
        assertInvalid(auth, minter.mint("dev", List.of("s"), Duration.ofMinutes(5)), "Dev tokens are not accepted");
        assertThat(auth.authenticate(minter.sign(claims().issuer(issuer().name())
                .audience(Issuer.ARM_AUDIENCES.get(1)).build())).subject()).isEqualTo("alice");
    }

    @Test
    void anotherNodeOfTheSameDatabaseAcceptsTheTokens() {
        // two issuers on one database: two nodes, each with its own key cache
        JwtAuthenticator nodeB = new JwtAuthenticator(AuthConfig.defaults(), Issuer.open(db.dataSource(), clock), clock);
        assertThat(nodeB.authenticate(minter.mint("alice", List.of("s"), Duration.ofMinutes(5))).subject())
                .isEqualTo("alice");
    }

    @Test
    void keysRotateAndOldKeysVerifyUntilTheyExpire() {
        try (Database own = Database.h2(dir.resolve("rotation"))) {
            rotate(own);
        }
    }

    private void rotate(Database own) {
        SettableClock moving = new SettableClock(now);
        Issuer issuer = Issuer.open(own.dataSource(), moving, Duration.ofDays(2));
        JwtAuthenticator auth = new JwtAuthenticator(AuthConfig.builder().tokenCacheSize(0).build(), issuer, moving);
        String first = issuer.sign(claims().expirationTime(Date.from(now.plus(Duration.ofDays(300)))).build());
        String firstKid = kid(first);
        RSAKey firstKey = storedKey(own.dataSource(), firstKid);
        moving.set(now.plus(Duration.ofHours(36))); // within a day of the first key's end: the next one is made
        assertThat(kid(issuer.sign(claims().build()))).as("a new key is published before it signs").isEqualTo(firstKid);
        moving.advance(Duration.ofMinutes(3));
        String second = issuer.sign(claims().expirationTime(Date.from(moving.instant().plus(Duration.ofHours(1))))
                .build());
        assertThat(kid(second)).isNotEqualTo(firstKid);
        assertThat(auth.authenticate(first).subject()).isEqualTo("alice");
        assertThat(auth.authenticate(second).subject()).isEqualTo("alice");
        assertThat(issuer.keys().publicKeys().getKeys()).hasSize(2);
        // the first key verifies until its signing period plus the longest token lifetime, then it is gone
        moving.set(now.plus(Duration.ofDays(2)).plus(Issuer.LONGEST_TOKEN_LIFETIME).plusSeconds(1));
        String late = Issuer.sign(firstKey, claims().expirationTime(Date.from(moving.instant().plus(Duration.ofHours(1))))
                .build());
        assertInvalid(auth, late, "Signed JWT rejected");
    }

    @Test
    void rs256AndEs256VerifyAgainstAJwksFile(@TempDir Path dir) throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
        JwtAuthenticator auth = new JwtAuthenticator(AuthConfig.builder().jwksFile(jwks).issuer(ISSUER)
                .audience(AUDIENCE).build(), issuer(), clock);
        assertThat(auth.authenticate(rs256(rsa, jwksClaims().build())).canSee("sub-1")).isTrue();
        assertThat(auth.authenticate(es256(ec, jwksClaims().build())).subject()).isEqualTo("carol");
        assertInvalid(auth, rs256(stranger, jwksClaims().build()), "Signed JWT rejected");
        assertInvalid(auth, rs256(rsa, jwksClaims().issuer("https://other.test/").build()), "issuer");
        assertInvalid(auth, rs256(rsa, jwksClaims().audience("api://other").build()), "aud");
        assertInvalid(auth, rs256(rsa, jwksClaims().expirationTime(Date.from(now.minusSeconds(3600))).build()),
                "Expired");
        // dev tokens still pass alongside
        assertThat(auth.authenticate(minter.mint("dev", List.of("s"), Duration.ofMinutes(5)))
                .subject()).isEqualTo("dev");
    }

    @Test
    void rs256AndEs256VerifyAgainstAJwksUrl() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        byte[] body = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString()
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/keys", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/keys");
            JwtAuthenticator auth = new JwtAuthenticator(AuthConfig.builder().jwksUrl(url).issuer(ISSUER)
                    .audience(AUDIENCE).devTokens(false).build(), issuer(), clock);
            assertThat(auth.authenticate(rs256(rsa, jwksClaims().build())).subject()).isEqualTo("carol");
            assertThat(auth.authenticate(es256(ec, jwksClaims().jwtID("2").build())).subject()).isEqualTo("carol");
            assertInvalid(auth, rs256(stranger, jwksClaims().jwtID("3").build()), "");
            assertInvalid(auth, minter.mint("dev", List.of("s"), Duration.ofMinutes(5)),
                    "Dev tokens are not accepted");
            assertThat(fetches.get()).isBetween(1, 3); // the key set is cached, not fetched per token
        } finally {
            server.stop(0);
        }
    }

    @Test
    void cachedTokenStopsBeingAcceptedWhenItExpires() {
        SettableClock moving = new SettableClock(now);
        JwtAuthenticator auth = new JwtAuthenticator(AuthConfig.builder().clockSkew(Duration.ofSeconds(1)).build(),
                Issuer.open(db.dataSource(), moving), moving);
        String token = TokenMinter.of(db.dataSource(), moving).mint("alice", List.of("s"), Duration.ofSeconds(30));
        assertThat(auth.authenticate(token).subject()).isEqualTo("alice");
        moving.set(now.plusSeconds(29));
        assertThat(auth.authenticate(token).subject()).isEqualTo("alice");
        moving.set(now.plusSeconds(32));
        assertInvalid(auth, token, "Expired");
    }

    @Test
    void entriesAreKeptUnderTheAuthorizationValueAndCheckedForExpiryOnEveryHit() {
        SettableClock moving = new SettableClock(now);
        JwtAuthenticator auth = new JwtAuthenticator(AuthConfig.builder().clockSkew(Duration.ofSeconds(1)).build(),
                Issuer.open(db.dataSource(), moving), moving);
        String token = TokenMinter.of(db.dataSource(), moving).mint("alice", List.of("s"), Duration.ofSeconds(30));
        String header = "Bearer " + token;
        assertThat(auth.cached(header)).isNull();
        assertThat(auth.authenticate(header, token).subject()).isEqualTo("alice");
        assertThat(auth.cached(header).subject()).isEqualTo("alice");
        assertThat(auth.cached(token)).isNull(); // a bare token is never a key
        assertThat(auth.cached("bearer " + token)).isNull(); // another value: verified on its own
        assertThat(auth.cached(null)).isNull();
        moving.set(now.plusSeconds(29));
        assertThat(auth.authenticate(token).subject()).isEqualTo("alice"); // the token's own form is the header's
        moving.set(now.plusSeconds(32));
        assertThat(auth.cached(header)).isNull(); // kept, but expired: refused on the hit
        assertInvalid(auth, token, "Expired");
    }

    private JwtAuthenticator dev() {
        return new JwtAuthenticator(AuthConfig.defaults(), issuer(), clock);
    }

    private static Issuer issuer() {
        return issuer;
    }

    private static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** The private key {@code kid} as stored (what an old backup would give someone). */
    private static RSAKey storedKey(javax.sql.DataSource dataSource, String kid) {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("select private_key from asyncops_identity_key where kid = ?")) {
            s.setString(1, kid);
            try (var r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return RSAKey.parse(r.getString(1));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("alice").issuer(TokenMinter.DEV_ISSUER)
                .audience(TokenMinter.DEV_ISSUER).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("subscriptions", List.of("sub-1"));
    }

    private JWTClaimsSet.Builder jwksClaims() {
        return new JWTClaimsSet.Builder().subject("carol").issuer(ISSUER).audience(AUDIENCE)
                .expirationTime(Date.from(now.plusSeconds(600))).notBeforeTime(Date.from(now.minusSeconds(5)))
                .claim("subscriptions", List.of("sub-1"));
    }

    private static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String es256(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static void assertInvalid(JwtAuthenticator auth, String token, String messagePart) {
        assertThatThrownBy(() -> auth.authenticate(token))
                .isInstanceOf(JwtAuthenticator.InvalidTokenException.class)
                .hasMessageContaining(messagePart);
    }
}
