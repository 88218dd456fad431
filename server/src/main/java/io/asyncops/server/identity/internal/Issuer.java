package io.asyncops.server.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The deployment's token issuer: its tenant id, its issuer name, the ARM audiences its tokens may name, and the
 * database-held {@link SigningKeys} every node signs and verifies with.
 *
 * <p>The issuer name is the same on every node and for every host name a client uses
 * ({@code https://sts.asyncops.invalid/<tenant>/}, a name under the reserved {@code .invalid} domain, never fetched):
 * tokens from one node must pass on another, and a token of another database (another tenant) must not.
 */
public final class Issuer {
    /** The ARM resources tokens may be issued for, as Azure's public cloud names them; the first is the default. */
    public static final List<String> ARM_AUDIENCES = List.of("https://management.core.windows.net/",
            "https://management.azure.com/");
    /** The longest lifetime of any token this deployment signs (dev tokens may last a year). */
    public static final Duration LONGEST_TOKEN_LIFETIME = Duration.ofDays(366);

    private final DataSource dataSource;
    private final String tenantId;
    private final SigningKeys keys;
    private final Clock clock;

    private Issuer(DataSource dataSource, String tenantId, SigningKeys keys, Clock clock) {
        this.dataSource = dataSource;
        this.tenantId = tenantId;
        this.keys = keys;
        this.clock = clock;
    }

    /** The issuer of the database behind {@code dataSource}: migrates the identity tables, reads or makes the tenant. */
    public static Issuer open(DataSource dataSource, Clock clock) {
        return open(dataSource, clock, SigningKeys.SIGNING_PERIOD);
    }

    /** As {@link #open(DataSource, Clock)}, with keys that sign for {@code signingPeriod} (rotation tests). */
    public static Issuer open(DataSource dataSource, Clock clock, Duration signingPeriod) {
        Objects.requireNonNull(dataSource, "dataSource == null");
        Objects.requireNonNull(clock, "clock == null");
        IdentitySchema.migrate(dataSource);
        String tenant = IdentitySchema.tenantId(dataSource);
        return new Issuer(dataSource, tenant, SigningKeys.create(dataSource, clock, signingPeriod,
                LONGEST_TOKEN_LIFETIME), clock);
    }

    /** The database's tenant id (a UUID made on first start). */
    public String tenantId() {
        return tenantId;
    }

    /** The {@code iss} of the identity endpoint's tokens. */
    public String name() {
        return "https://sts.asyncops.invalid/" + tenantId + "/";
    }

    public SigningKeys keys() {
        return keys;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Clock clock() {
        return clock;
    }

    /** The accepted ARM audience {@code resource} names, with or without its trailing slash; empty otherwise. */
    public static Optional<String> armAudience(String resource) {
        String wanted = resource.toLowerCase(Locale.ROOT);
        for (String audience : ARM_AUDIENCES) {
            if (audience.equals(wanted) || audience.equals(wanted + "/")) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }

    /** Signs {@code claims} (RS256, with the current key's {@code kid}). */
    public String sign(JWTClaimsSet claims) {
        return sign(keys.signingKey(), claims);
    }

    /** Signs {@code claims} with {@code key} (RS256, {@code kid} and {@code typ: JWT} in the header). */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
