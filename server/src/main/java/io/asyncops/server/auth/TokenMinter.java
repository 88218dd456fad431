package io.asyncops.server.auth;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.asyncops.engine.Database;
import io.asyncops.server.identity.internal.Issuer;
import io.asyncops.server.internal.db.H2Share;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Mints dev bearer tokens: RS256, signed with the deployment's current key (kept in its database, so every node of
 * that database accepts them), issuer and audience {@value #DEV_ISSUER}, claim {@code subscriptions}.
 *
 * <pre>{@code
 * String token = server.tokens().mint("dev", List.of(subscription), Duration.ofHours(1));        // in process
 * String token = TokenMinter.forDataDir(Path.of("asyncops-data")).mint("dev", List.of(subscription), Duration.ofHours(1));
 * }</pre>
 */
public final class TokenMinter {
    /** The issuer and the audience of dev tokens. */
    public static final String DEV_ISSUER = "asyncops";
    /** Longest lifetime of a dev token. */
    public static final Duration MAX_TTL = Issuer.LONGEST_TOKEN_LIFETIME;

    private final Function<JWTClaimsSet, String> signer;
    private final Clock clock;

    private TokenMinter(Function<JWTClaimsSet, String> signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * A minter with the current key of the install at {@code dataDir}: its H2 database, reached through the server
     * that holds it when one runs (a key is made when there is none yet). The key is read once: the minter works
     * without the database afterwards.
     */
    public static TokenMinter forDataDir(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir == null");
        try (Database db = H2Share.open(dataDir)) {
            return detached(db.dataSource());
        }
    }

    /** A minter with the current key of the database at {@code jdbcUrl} (e.g. the PostgreSQL of several nodes). */
    public static TokenMinter forDatabase(String jdbcUrl, String user, String password) {
        try (Database db = Database.open(jdbcUrl, user, password, 2)) {
            return detached(db.dataSource());
        }
    }

    /**
     * A minter signing with the keys of the database behind {@code dataSource}, following their rotation (a running
     * server's own: {@code AsyncOpsServer.tokens()}). The identity tables are migrated if needed.
     */
    public static TokenMinter of(DataSource dataSource, Clock clock) {
        Issuer issuer = Issuer.open(Objects.requireNonNull(dataSource, "dataSource == null"),
                Objects.requireNonNull(clock, "clock == null"));
        return new TokenMinter(issuer::sign, clock);
    }

    private static TokenMinter detached(DataSource dataSource) {
        Clock clock = Clock.systemUTC();
        RSAKey key = Issuer.open(dataSource, clock).keys().signingKey();
        return new TokenMinter(claims -> Issuer.sign(key, claims), clock);
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

    /** Signs arbitrary claims with the deployment's key (tests use it to forge expired or misdirected tokens). */
    public String sign(JWTClaimsSet claims) {
        return signer.apply(Objects.requireNonNull(claims, "claims == null"));
    }
}
