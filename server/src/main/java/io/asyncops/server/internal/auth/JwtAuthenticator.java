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
import io.asyncops.protocol.Limits;
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
 * and anything else are refused. Verified tokens are cached by the {@code Authorization} value they came in until
 * they expire (at most 10 minutes, a bounded number), so a poll costs a hash lookup.
 * Limits ({@link Limits}): a token of at most {@value Limits#TOKEN} characters, a subject of at most
 * {@value Limits#TOKEN_SUBJECT}, at most {@value Limits#TOKEN_SUBSCRIPTIONS} subscriptions of at most
 * {@value Limits#SUBSCRIPTION_ID} characters, a lifetime within {@link AuthConfig#maxTokenLifetime()}.
 */
public final class JwtAuthenticator {
    private static final Duration MAX_CACHE_TIME = Duration.ofMinutes(10);
    /** The cache holds {@code tokenCacheSize} entries of about this many characters (a token and its grant). */
    private static final int AVERAGE_ENTRY_CHARS = 1024;
    private static final Set<JWSAlgorithm> JWKS_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final AuthConfig config;
    private final Issuer issuer;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> own;
    private final DefaultJWTProcessor<SecurityContext> jwks;
    private final Cache<String, Verified> cache;

    /** What a token proved, and until when. */
    private record Verified(Principal principal, Instant validUntil) {
        int weight() {
            int w = principal.subject().length();
            for (String s : principal.subscriptions()) {
                w += s.length() + 16;
            }
            return w;
        }
    }

    public JwtAuthenticator(AuthConfig config, Issuer issuer, Clock clock) {
        this.config = config;
        this.issuer = issuer;
        this.clock = clock;
        this.own = ownProcessor();
        this.jwks = jwksSource(config) instanceof JWKSource<SecurityContext> source ? jwksProcessor(source) : null;
        // weighed by size: a token's text and its subscriptions are the client's, so the cache is bounded in bytes
        this.cache = config.tokenCacheSize() == 0 ? null : Caffeine.newBuilder()
                .maximumWeight((long) config.tokenCacheSize() * AVERAGE_ENTRY_CHARS)
                .weigher((String token, Verified v) -> token.length() + v.weight())
                .expireAfter(Expiry.<String, Verified>creating((token, v) -> {
                    Duration left = Duration.between(clock.instant(), v.validUntil());
                    return left.compareTo(MAX_CACHE_TIME) > 0 ? MAX_CACHE_TIME : left.isNegative() ? Duration.ZERO : left;
                }))
                // upkeep on the reading thread: by default a full read buffer hands it to the common pool, waking a
                // thread every few reads (on a status poll, a futex wake-up and a context switch per ~5 requests)
                .executor(Runnable::run)
                .build();
    }

    /**
     * The principal of a bearer token.
     *
     * @throws InvalidTokenException when the token is malformed, unsigned, badly signed, expired, not yet valid,
     *                               or meant for another issuer or audience
     */
    public Principal authenticate(String token) {
        // kept under the header value that carries it, the only form of key the cache holds: a bare token sent as
        // the whole header is not a Bearer value and must not find an entry
        String key = "Bearer " + token;
        Principal hit = cached(key);
        return hit != null ? hit : authenticate(key, token);
    }

    /**
     * The principal kept for {@code key} (the whole {@code Authorization} value a token came in) if its token was
     * verified and has not expired since; else null. The expiry is checked on every hit, so an expired token is
     * refused even while its entry is still kept.
     */
    Principal cached(String key) {
        if (cache == null || key == null) {
            return null;
        }
        Verified hit = cache.getIfPresent(key);
        return hit != null && clock.instant().isBefore(hit.validUntil()) ? hit.principal() : null;
    }

    /**
     * Verifies {@code token} and keeps what it proved under {@code key}, the exact {@code Authorization} value it
     * was read from (so a poll's lookup needs no copy of the token out of the header; the entry is only ever hit by
     * the same value, which holds the same token).
     */
    Principal authenticate(String key, String token) {
        Verified verified = verify(token);
        if (cache != null) {
            cache.put(key, verified);
        }
        return verified.principal();
    }

    private Verified verify(String token) {
        if (token.length() > Limits.TOKEN) {
            throw new InvalidTokenException("The access token is longer than " + Limits.TOKEN + " characters.");
        }
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
        Instant issued = claims.getIssueTime() != null ? claims.getIssueTime().toInstant() : clock.instant();
        if (Duration.between(issued, claims.getExpirationTime().toInstant())
                .compareTo(config.maxTokenLifetime().plus(config.clockSkew())) > 0) {
            throw new InvalidTokenException("The access token's lifetime exceeds the " + config.maxTokenLifetime()
                    .toHours() + " hours this server accepts.");
        }
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
        if (subject.length() > Limits.TOKEN_SUBJECT || hasControl(subject)) {
            throw new InvalidTokenException("The access token's subject must have at most " + Limits.TOKEN_SUBJECT
                    + " printable characters.");
        }
        Set<String> subscriptions = new HashSet<>();
        Object claim = claims.getClaim(config.subscriptionsClaim());
        if (claim instanceof List<?> list) {
            if (list.size() > Limits.TOKEN_SUBSCRIPTIONS) {
                throw new InvalidTokenException("The access token lists more than " + Limits.TOKEN_SUBSCRIPTIONS
                        + " subscriptions.");
            }
            for (Object item : list) {
                if (item instanceof String s && !s.isBlank()) {
                    subscriptions.add(subscription(s));
                }
            }
        } else if (claim instanceof String s && !s.isBlank()) {
            subscriptions.add(subscription(s));
        }
        subscriptions.addAll(config.subscriptionsByPrincipal().getOrDefault(subject, Set.of()));
        return new Principal(subject, subscriptions);
    }

    /** A granted subscription id: at most {@link Limits#SUBSCRIPTION_ID} printable characters (or {@code *}). */
    private static String subscription(String id) {
        if (id.length() > Limits.SUBSCRIPTION_ID || hasControl(id)) {
            throw new InvalidTokenException("The access token grants a subscription id that is not one: at most "
                    + Limits.SUBSCRIPTION_ID + " printable characters.");
        }
        return id;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
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
