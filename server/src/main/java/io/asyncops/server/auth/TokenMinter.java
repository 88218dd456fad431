package io.asyncops.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.asyncops.server.internal.auth.InstallSecret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints dev bearer tokens: HS256, signed with the install's secret (kept in the data dir), issuer and audience
 * {@value #DEV_ISSUER}, claim {@code subscriptions}. The server of the same data dir accepts them.
 *
 * <pre>{@code
 * String token = TokenMinter.forDataDir(Path.of("asyncops-data")).mint("dev", List.of(subscription), Duration.ofHours(1));
 * }</pre>
 */
public final class TokenMinter {
    /** The issuer and the audience of dev tokens. */
    public static final String DEV_ISSUER = "asyncops";
    /** Longest lifetime of a dev token. */
    public static final Duration MAX_TTL = Duration.ofDays(366);

    private final byte[] secret;
    private final Clock clock;

    private TokenMinter(byte[] secret, Clock clock) {
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** A minter with the secret of the install at {@code dataDir} (created if missing). */
    public static TokenMinter forDataDir(Path dataDir) {
        return new TokenMinter(InstallSecret.loadOrCreate(Objects.requireNonNull(dataDir, "dataDir == null")),
                Clock.systemUTC());
    }

    /** A minter with an explicit secret of at least 32 bytes and clock (tests). */
    public static TokenMinter of(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes: " + secret.length);
        }
        return new TokenMinter(secret, Objects.requireNonNull(clock, "clock == null"));
    }

    /**
     * A token for {@code subject} granting {@code subscriptions}, valid from now for {@code ttl}.
     *
     * @throws IllegalArgumentException when the ttl is not positive or above {@link #MAX_TTL}
     */
    public String mint(String subject, List<String> subscriptions, Duration ttl) {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(subscriptions, "subscriptions == null");
        Objects.requireNonNull(ttl, "ttl == null");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl must be positive and at most " + MAX_TTL + ": " + ttl);
        }
        Instant now = clock.instant();
        return sign(new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(DEV_ISSUER)
                .audience(DEV_ISSUER)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("subscriptions", List.copyOf(subscriptions))
                .build());
    }

    /** Signs arbitrary claims with the install's secret (tests use it to forge expired or misdirected tokens). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
