package io.asyncops.server.internal.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.asyncops.server.auth.AuthConfig;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.identity.internal.Issuer;
import io.asyncops.server.identity.internal.SigningKeys;
import io.asyncops.server.spi.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies bearer tokens and turns them into {@link Principal}s (PROTOCOL §1).
 *
 * <p>Two issuers, one verification path (Nimbus' JWKS processor: RS256/ES256 only, signature, {@code exp},
 * {@code nbf}, {@code iss}, {@code aud}):
 * <ul>
 *   <li>this deployment's own tokens (dev tokens, issuer {@value TokenMinter#DEV_ISSUER}; identity endpoint tokens,
 *       issuer {@link Issuer#name()}), verified against the keys in the database ({@link SigningKeys}), so every
 *       node of a database accepts every node's tokens and no other database's;</li>
 *   <li>an external issuer's, verified against the configured JWKS.</li>
 * </ul>
 * The token's unverified {@code iss} only picks the key set; {@code alg: none}, HMAC algorithms (HS/RS confusion)
 * and anything else are refused. Verified tokens are cached by their text until they expire (at most 10 minutes,
 * a bounded number), so a poll costs a hash lookup.
 */
public final class JwtAuthenticator {
    private static final Duration MAX_CACHE_TIME = Duration.ofMinutes(10);
    private static final Set<JWSAlgorithm> JWKS_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final AuthConfig config;
    private final Issuer issuer;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> own;
    private final DefaultJWTProcessor<SecurityContext> jwks;
    private final Cache<String, Verified> cache;

    /** What a token proved, and until when. */
    private record Verified(Principal principal, Instant validUntil) {
    }

    public JwtAuthenticator(AuthConfig config, Issuer issuer, Clock clock) {
        this.config = config;
        this.issuer = issuer;
        this.clock = clock;
        this.own = ownProcessor();
        this.jwks = jwksSource(config) instanceof JWKSource<SecurityContext> source ? jwksProcessor(source) : null;
        this.cache = config.tokenCacheSize() == 0 ? null : Caffeine.newBuilder()
                .maximumSize(config.tokenCacheSize())
                .expireAfter(Expiry.<String, Verified>creating((token, v) -> {
                    Duration left = Duration.between(clock.instant(), v.validUntil());
                    return left.compareTo(MAX_CACHE_TIME) > 0 ? MAX_CACHE_TIME : left.isNegative() ? Duration.ZERO : left;
                }))
                .build();
    }

    /**
     * The principal of a bearer token.
     *
     * @throws InvalidTokenException when the token is malformed, unsigned, badly signed, expired, not yet valid,
     *                               or meant for another issuer or audience
     */
    public Principal authenticate(String token) {
        if (cache != null) {
            Verified hit = cache.getIfPresent(token);
            if (hit != null && clock.instant().isBefore(hit.validUntil())) {
                return hit.principal();
            }
        }
        Verified verified = verify(token);
        if (cache != null) {
            cache.put(token, verified);
        }
        return verified.principal();
    }

    private Verified verify(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("The access token is malformed.");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new InvalidTokenException("The access token is not signed; unsigned tokens are refused.");
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!JWKS_ALGORITHMS.contains(alg)) {
            throw new InvalidTokenException("The access token's algorithm " + alg + " is not accepted.");
        }
        String claimedIssuer;
        try {
            claimedIssuer = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new InvalidTokenException("The access token's claims are malformed.");
        }
        boolean ours = TokenMinter.DEV_ISSUER.equals(claimedIssuer) || issuer.name().equals(claimedIssuer);
        DefaultJWTProcessor<SecurityContext> processor = ours ? own : jwks;
        if (processor == null) {
            throw new InvalidTokenException("The access token's issuer is not accepted.");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("The access token is invalid: " + e.getMessage() + ".");
        } catch (JOSEException e) {
            throw new InvalidTokenException("The access token could not be verified.");
        }
        if (ours) {
            checkOwn(claims);
        } else if (!config.issuers().contains(claims.getIssuer())) {
            throw new InvalidTokenException("The access token's issuer is not accepted.");
        }
        Instant exp = claims.getExpirationTime().toInstant().plus(config.clockSkew());
        return new Verified(principal(claims), exp);
    }

    /** Rules of this deployment's own tokens beyond the signature: dev tokens allowed, audience per issuer, lifetime. */
    private void checkOwn(JWTClaimsSet claims) {
        boolean dev = TokenMinter.DEV_ISSUER.equals(claims.getIssuer());
        if (dev && !config.devTokens()) {
            throw new InvalidTokenException("Dev tokens are not accepted by this server.");
        }
        List<String> audiences = claims.getAudience();
        boolean audienceFits = dev ? audiences.contains(TokenMinter.DEV_ISSUER)
                : audiences.stream().anyMatch(a -> Issuer.armAudience(a).isPresent());
        if (!audienceFits) {
            throw new InvalidTokenException("The access token's audience is not accepted for its issuer.");
        }
        Instant exp = claims.getExpirationTime().toInstant();
        if (exp.isAfter(clock.instant().plus(TokenMinter.MAX_TTL).plus(config.clockSkew()))) {
            throw new InvalidTokenException("The access token's lifetime exceeds " + TokenMinter.MAX_TTL.toDays()
                    + " days.");
        }
    }

    private Principal principal(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject == null) {
            Object oid = claims.getClaim("oid");
            subject = oid instanceof String s ? s : null;
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenException("The access token has no subject (sub or oid claim).");
        }
        Set<String> subscriptions = new HashSet<>();
        Object claim = claims.getClaim(config.subscriptionsClaim());
        if (claim instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s && !s.isBlank()) {
                    subscriptions.add(s);
                }
            }
        } else if (claim instanceof String s && !s.isBlank()) {
            subscriptions.add(s);
        }
        subscriptions.addAll(config.subscriptionsByPrincipal().getOrDefault(subject, Set.of()));
        return new Principal(subject, subscriptions);
    }

    private DefaultJWTProcessor<SecurityContext> ownProcessor() {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, issuer.keys()));
        Set<String> audiences = new HashSet<>();
        audiences.add(TokenMinter.DEV_ISSUER);
        for (String audience : Issuer.ARM_AUDIENCES) {
            audiences.add(audience);
            audiences.add(audience.substring(0, audience.length() - 1));
        }
        p.setJWTClaimsSetVerifier(claimsVerifier(audiences, new JWTClaimsSet.Builder().build()));
        return p;
    }

    private DefaultJWTProcessor<SecurityContext> jwksProcessor(JWKSource<SecurityContext> source) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWKS_ALGORITHMS, source));
        p.setJWTClaimsSetVerifier(claimsVerifier(config.audiences(), new JWTClaimsSet.Builder().build()));
        return p;
    }

    private DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(Set<String> audiences, JWTClaimsSet exact) {
        DefaultJWTClaimsVerifier<SecurityContext> v = new DefaultJWTClaimsVerifier<>(audiences, exact,
                Set.of("exp", "iss"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        v.setMaxClockSkew((int) config.clockSkew().toSeconds());
        return v;
    }

    private static JWKSource<SecurityContext> jwksSource(AuthConfig config) {
        if (config.jwksFile().isPresent()) {
            try {
                return new ImmutableJWKSet<>(JWKSet.load(config.jwksFile().get().toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the JWKS file " + config.jwksFile().get(), e);
            } catch (ParseException e) {
                throw new IllegalArgumentException("the JWKS file " + config.jwksFile().get() + " is not a JWK set", e);
            }
        }
        if (config.jwksUrl().isPresent()) {
            try {
                return JWKSourceBuilder.<SecurityContext>create(config.jwksUrl().get().toURL()).retrying(true).build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad JWKS URL " + config.jwksUrl().get(), e);
            }
        }
        return null;
    }

    /** A token that did not pass; the message is safe to show the caller. */
    public static final class InvalidTokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }
}
