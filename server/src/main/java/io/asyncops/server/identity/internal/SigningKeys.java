package io.asyncops.server.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;

/**
 * The RS256 keys that sign every token this deployment issues (dev tokens and the identity endpoint's), kept in the
 * database so that every node signs and verifies with the same keys.
 *
 * <p>Rotation: a key signs for {@code signingPeriod}; a day before it ends, the next key is made. A new key is
 * published (verifiable) for {@link #PUBLISH_DELAY} before any node prefers it for signing, longer than the
 * {@link #RELOAD_EVERY} at which nodes reload the key set, so no node meets a token signed with a key it has not
 * loaded yet. A key verifies until its signing period's end plus the longest token lifetime, then it is deleted.
 * A token with an unknown {@code kid} also triggers a reload, at most four times a second.
 *
 * <p>This is the {@link JWKSource} the server's token verification uses for its own tokens, the same verification
 * path as an external issuer's JWKS.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {
    /** How long a key signs, by default. */
    public static final Duration SIGNING_PERIOD = Duration.ofDays(30);
    /** How often a node reloads the key set from the database. */
    static final Duration RELOAD_EVERY = Duration.ofSeconds(60);
    /** How long a new key is only published before nodes sign with it. */
    static final Duration PUBLISH_DELAY = RELOAD_EVERY.multipliedBy(2);
    private static final Duration UNKNOWN_KID_RELOAD = Duration.ofMillis(250);
    private static final Duration ROTATION_LEAD = Duration.ofDays(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration signingPeriod;
    private final Duration longestTokenLifetime;
    private volatile Ring ring;
    /** A key made ahead (on a first start, while the database opens), taken by the next key this node makes. */
    private volatile Future<RSAKey> ahead;

    /**
     * The keys that still verified when loaded, newest first; {@code loadedAtNanos} is {@link System#nanoTime} then:
     * how often the database is read is a matter of real time, while which key signs or verifies follows the clock.
     */
    private record Ring(List<StoredKey> keys, JWKSet publicKeys, long loadedAtNanos) {
        boolean youngerThan(Duration age) {
            return System.nanoTime() - loadedAtNanos < age.toNanos();
        }
    }

    /** One row of the key table. */
    private record StoredKey(RSAKey key, Instant createdAt, Instant signUntil, Instant verifyUntil) {
    }

    private SigningKeys(DataSource dataSource, Clock clock, Duration signingPeriod, Duration longestTokenLifetime) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.signingPeriod = signingPeriod;
        this.longestTokenLifetime = longestTokenLifetime;
    }

    /**
     * The signing keys in {@code dataSource} (identity tables migrated), each signing for {@code signingPeriod} and
     * verifying {@code longestTokenLifetime} longer.
     */
    public static SigningKeys create(DataSource dataSource, Clock clock, Duration signingPeriod,
                                     Duration longestTokenLifetime) {
        Objects.requireNonNull(dataSource, "dataSource == null");
        Objects.requireNonNull(clock, "clock == null");
        if (signingPeriod.compareTo(ROTATION_LEAD.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("signingPeriod must be at least 2 days: " + signingPeriod);
        }
        if (longestTokenLifetime.isNegative() || longestTokenLifetime.isZero()) {
            throw new IllegalArgumentException("longestTokenLifetime must be positive: " + longestTokenLifetime);
        }
        return new SigningKeys(dataSource, clock, signingPeriod, longestTokenLifetime);
    }

    /**
     * The private key that signs now: the newest key published for at least {@link #PUBLISH_DELAY} whose signing
     * period has not ended (or, right after the first start, the newest key). Makes the next key when the current
     * one is within a day of its end, and the first key when there is none.
     */
    public RSAKey signingKey() {
        Instant now = clock.instant();
        Ring current = fresh(now);
        if (chooseSigner(current, now) == null) {
            current = reload(now, Duration.ZERO);
        }
        if (current.keys().stream().noneMatch(k -> k.signUntil().isAfter(now.plus(ROTATION_LEAD)))) {
            current = makeKey(now);
        }
        StoredKey signer = chooseSigner(current, now);
        if (signer == null) {
            throw new IllegalStateException("no signing key could be made or loaded");
        }
        return signer.key();
    }

    /**
     * Starts making a new RSA key on another thread, for a deployment that will need one (a database just created):
     * the pair is the slow part of a first start, so it is made while the database opens and migrates. Hand it to
     * {@link #useAhead}; unused, it is dropped.
     */
    public static FutureTask<RSAKey> makeAhead() {
        FutureTask<RSAKey> task = new FutureTask<>(SigningKeys::newKey);
        Thread.ofVirtual().name("asyncops-signing-key-pair").start(task);
        return task;
    }

    /** The next key this node makes uses {@code key} (from {@link #makeAhead}) instead of making its own. */
    public void useAhead(Future<RSAKey> key) {
        ahead = Objects.requireNonNull(key, "key == null");
    }

    /** The public keys that verify now (what the identity endpoint's {@code jwks_uri} serves). */
    public JWKSet publicKeys() {
        return fresh(clock.instant()).publicKeys();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Instant now = clock.instant();
        List<JWK> found = selector.select(verifiable(fresh(now), now));
        if (found.isEmpty()) {
            // maybe a key another node made since the last load; at most four reloads a second, whatever kids arrive
            found = selector.select(verifiable(reload(now, UNKNOWN_KID_RELOAD), now));
        }
        return found;
    }

    /** The loaded key set, reloaded when older than {@link #RELOAD_EVERY}. */
    private Ring fresh(Instant now) {
        Ring current = ring;
        return current != null && current.youngerThan(RELOAD_EVERY) ? current : reload(now, RELOAD_EVERY);
    }

    /** Makes a key unless another thread of this node just did; returns the reloaded set. */
    private synchronized Ring makeKey(Instant now) {
        Ring current = reload(now, Duration.ZERO);
        if (current.keys().stream().noneMatch(k -> k.signUntil().isAfter(now.plus(ROTATION_LEAD)))) {
            insert(generate(now));
            current = reload(now, Duration.ZERO);
        }
        return current;
    }

    private static JWKSet verifiable(Ring ring, Instant now) {
        List<JWK> keys = new ArrayList<>();
        for (StoredKey k : ring.keys()) {
            if (k.verifyUntil().isAfter(now)) {
                keys.add(k.key().toPublicJWK());
            }
        }
        return new JWKSet(keys);
    }

    /** The newest key that may sign now and was published long enough; else the newest that may sign. */
    private static StoredKey chooseSigner(Ring ring, Instant now) {
        StoredKey newest = null;
        for (StoredKey k : ring.keys()) {
            if (k.createdAt().isAfter(now) || !k.signUntil().isAfter(now)) {
                continue;
            }
            if (!k.createdAt().plus(PUBLISH_DELAY).isAfter(now)) {
                return k;
            }
            if (newest == null) {
                // right after the first start (or after every node was down for a rotation): no other key can
                // have signed anything still valid, so a key fresh from the database may sign at once
                newest = k;
            }
        }
        return newest;
    }

    /** The key set, reloaded from the database unless another thread did so within {@code maxAge}. */
    private synchronized Ring reload(Instant now, Duration maxAge) {
        Ring current = ring;
        if (current != null && !maxAge.isZero() && current.youngerThan(maxAge)) {
            return current;
        }
        List<StoredKey> keys = new ArrayList<>(Sql.run(dataSource, c -> Sql.query(c,
                "select private_key, created_at, sign_until, verify_until from asyncops_identity_key"
                        + " where verify_until > ?",
                r -> new StoredKey(parse(r.getString(1)), Sql.instant(r, "created_at"), Sql.instant(r, "sign_until"),
                        Sql.instant(r, "verify_until")),
                now)));
        keys.sort(Comparator.comparing(StoredKey::createdAt).thenComparing(k -> k.key().getKeyID()).reversed());
        List<JWK> publics = new ArrayList<>();
        keys.forEach(k -> publics.add(k.key().toPublicJWK()));
        Ring loaded = new Ring(List.copyOf(keys), new JWKSet(publics), System.nanoTime());
        ring = loaded;
        return loaded;
    }

    private StoredKey generate(Instant at) {
        // whole milliseconds: what every database stores exactly, so the key is not "created after now" once read
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        RSAKey key = new RSAKey.Builder(takeAhead()).issueTime(java.util.Date.from(now)).build();
        Instant signUntil = now.plus(signingPeriod);
        return new StoredKey(key, now, signUntil, signUntil.plus(longestTokenLifetime));
    }

    /** The key made ahead, if one was handed over and not taken yet; else a new one. */
    private RSAKey takeAhead() {
        Future<RSAKey> made = ahead;
        ahead = null;
        if (made == null) {
            return newKey();
        }
        try {
            return made.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making an RSA key", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot generate an RSA key", e.getCause());
        }
    }

    /** A new 2048-bit RS256 signing key with a random {@code kid}. */
    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private void insert(StoredKey key) {
        Sql.transaction(dataSource, c -> {
            Sql.update(c, "delete from asyncops_identity_key where verify_until <= ?", key.createdAt());
            return Sql.update(c, "insert into asyncops_identity_key"
                            + " (kid, private_key, public_jwk, created_at, sign_until, verify_until)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    key.key().getKeyID(), key.key().toJSONString(), key.key().toPublicJWK().toJSONString(),
                    key.createdAt(), key.signUntil(), key.verifyUntil());
        });
    }

    private static RSAKey parse(String json) throws SQLException {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new SQLException("a stored signing key is not an RSA JWK", e);
        }
    }
}
