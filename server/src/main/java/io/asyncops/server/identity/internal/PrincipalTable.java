package io.asyncops.server.identity.internal;

import io.asyncops.server.identity.ServicePrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Service principals in the database: {@code asyncops_identity_principal} (id, name, secret hash) and
 * {@code asyncops_identity_grant} (its subscriptions). Secrets are made here, returned once, and stored hashed.
 */
public final class PrincipalTable {
    /** Subscription ids: what Azure's look like, and any other short id of letters, digits, '.', '_' and '-'. */
    private static final Pattern SUBSCRIPTION = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern APP_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final int MAX_SUBSCRIPTIONS = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Generated display names, as {@code az ad sp create-for-rbac} makes them: the creation time. */
    private static final DateTimeFormatter DEFAULT_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");

    private final DataSource dataSource;

    public PrincipalTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A principal with its secret: the principal and the plain secret (shown once). */
    public record Created(ServicePrincipal principal, String secret) {
    }

    /** A principal with the stored hash of its secret. */
    record Stored(ServicePrincipal principal, String secretHash) {
    }

    /**
     * Makes a principal granting {@code subscriptions}.
     *
     * @throws IllegalArgumentException when a subscription id is malformed or there are none or too many
     */
    public Created create(String displayName, List<String> subscriptions, Instant now) {
        List<String> subs = validSubscriptions(subscriptions);
        String name = displayName == null || displayName.isBlank()
                ? "asyncops-" + DEFAULT_NAME.format(now.atOffset(ZoneOffset.UTC)) : displayName;
        if (name.length() > 256) {
            throw new IllegalArgumentException("the display name is longer than 256 characters");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ServicePrincipal principal = new ServicePrincipal(UUID.randomUUID().toString(), name, subs, now);
        String hash = SecretHasher.hash(secret);
        Sql.transaction(dataSource, c -> {
            Sql.update(c, "insert into asyncops_identity_principal (app_id, display_name, secret_hash, created_at)"
                    + " values (?, ?, ?, ?)", principal.appId(), name, hash, now);
            for (String sub : subs) {
                Sql.update(c, "insert into asyncops_identity_grant (app_id, subscription) values (?, ?)",
                        principal.appId(), sub);
            }
            return null;
        });
        return new Created(principal, secret);
    }

    /** Every principal, oldest first. */
    public List<ServicePrincipal> list() {
        return Sql.run(dataSource, c -> withGrants(c, Sql.query(c,
                "select app_id, display_name, secret_hash, created_at from asyncops_identity_principal"
                        + " order by created_at, app_id", PrincipalTable::row), null)).stream().map(Stored::principal).toList();
    }

    /** The principal {@code appId} with its secret hash; empty when there is none (or the id is malformed). */
    Optional<Stored> find(String appId) {
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            return Optional.empty();
        }
        String key = appId.toLowerCase(Locale.ROOT);
        return Sql.run(dataSource, c -> withGrants(c, Sql.query(c,
                "select app_id, display_name, secret_hash, created_at from asyncops_identity_principal"
                        + " where app_id = ?", PrincipalTable::row, key), key)).stream().findFirst();
    }

    /** Deletes {@code appId} and its grants; false when there was none. */
    public boolean delete(String appId) {
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            return false;
        }
        String key = appId.toLowerCase(Locale.ROOT);
        return Sql.transaction(dataSource, c -> {
            Sql.update(c, "delete from asyncops_identity_grant where app_id = ?", key);
            return Sql.update(c, "delete from asyncops_identity_principal where app_id = ?", key) == 1;
        });
    }

    /** Whether {@code secret} is {@code stored}'s. */
    static boolean secretMatches(Stored stored, String secret) {
        return SecretHasher.matches(secret, stored.secretHash());
    }

    static List<String> validSubscriptions(List<String> subscriptions) {
        if (subscriptions == null || subscriptions.isEmpty()) {
            throw new IllegalArgumentException("a service principal needs at least one subscription");
        }
        if (subscriptions.size() > MAX_SUBSCRIPTIONS) {
            throw new IllegalArgumentException("a service principal may have at most " + MAX_SUBSCRIPTIONS
                    + " subscriptions: " + subscriptions.size());
        }
        List<String> result = new ArrayList<>();
        for (String s : subscriptions) {
            if (s == null || !SUBSCRIPTION.matcher(s).matches()) {
                throw new IllegalArgumentException("not a subscription id (1-64 letters, digits, '.', '_', '-'): " + s);
            }
            String lower = s.toLowerCase(Locale.ROOT);
            if (!result.contains(lower)) {
                result.add(lower);
            }
        }
        return result;
    }

    private static Stored row(java.sql.ResultSet r) throws SQLException {
        return new Stored(new ServicePrincipal(r.getString("app_id"), r.getString("display_name"), List.of(),
                Sql.instant(r, "created_at")), r.getString("secret_hash"));
    }

    /** {@code principals} with their grants: every principal's, or only {@code appId}'s when given. */
    private static List<Stored> withGrants(Connection c, List<Stored> principals, String appId) throws SQLException {
        if (principals.isEmpty()) {
            return principals;
        }
        Map<String, List<String>> grants = new LinkedHashMap<>();
        String sql = "select app_id, subscription from asyncops_identity_grant"
                + (appId == null ? "" : " where app_id = ?") + " order by app_id, subscription";
        Object[] args = appId == null ? new Object[0] : new Object[] {appId};
        for (String[] g : Sql.query(c, sql, r -> new String[] {r.getString(1), r.getString(2)}, args)) {
            grants.computeIfAbsent(g[0], k -> new ArrayList<>()).add(g[1]);
        }
        List<Stored> result = new ArrayList<>();
        for (Stored s : principals) {
            ServicePrincipal p = s.principal();
            result.add(new Stored(new ServicePrincipal(p.appId(), p.displayName(),
                    grants.getOrDefault(p.appId(), List.of()), p.createdAt()), s.secretHash()));
        }
        return result;
    }
}
