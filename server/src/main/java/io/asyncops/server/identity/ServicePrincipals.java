package io.asyncops.server.identity;

import io.asyncops.engine.Database;
import io.asyncops.server.identity.internal.IdentitySchema;
import io.asyncops.server.identity.internal.PrincipalTable;
import io.asyncops.server.internal.db.H2Share;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The service principals of a deployment's identity endpoint, kept in its database: what
 * {@code asyncops sp create/list/delete} manage and {@code az login --service-principal} signs in as. Each
 * principal sees only its subscriptions; the database keeps only a salted PBKDF2 hash of its secret.
 *
 * <pre>{@code
 * try (ServicePrincipals principals = ServicePrincipals.forDataDir(Path.of("asyncops-data"))) {
 *     NewServicePrincipal sp = principals.create("ci", List.of(subscription));
 *     // az login --service-principal -u sp.appId() -p sp.password() --tenant sp.tenant()
 * }
 * }</pre>
 */
public final class ServicePrincipals implements AutoCloseable {
    private final Database owned;
    private final PrincipalTable table;
    private final String tenantId;
    private final Clock clock;

    private ServicePrincipals(Database owned, DataSource dataSource, Clock clock) {
        this.owned = owned;
        this.clock = clock;
        try {
            IdentitySchema.migrate(dataSource);
            this.tenantId = IdentitySchema.tenantId(dataSource);
        } catch (RuntimeException e) {
            if (owned != null) {
                owned.close();
            }
            throw e;
        }
        this.table = new PrincipalTable(dataSource);
    }

    /** The principals of the database behind {@code dataSource}, which the caller keeps open and closes. */
    public static ServicePrincipals of(DataSource dataSource, Clock clock) {
        return new ServicePrincipals(null, Objects.requireNonNull(dataSource, "dataSource == null"),
                Objects.requireNonNull(clock, "clock == null"));
    }

    /**
     * The principals of the install at {@code dataDir}: its H2 database, reached through the server that holds it
     * when one runs. Close it when done.
     */
    public static ServicePrincipals forDataDir(Path dataDir) {
        Database db = H2Share.open(Objects.requireNonNull(dataDir, "dataDir == null"));
        return new ServicePrincipals(db, db.dataSource(), Clock.systemUTC());
    }

    /** The principals of the database at {@code jdbcUrl} (e.g. the PostgreSQL of several nodes). Close when done. */
    public static ServicePrincipals forDatabase(String jdbcUrl, String user, String password) {
        Database db = Database.open(jdbcUrl, user, password, 2);
        return new ServicePrincipals(db, db.dataSource(), Clock.systemUTC());
    }

    /** The tenant id of this deployment: what {@code az login --tenant} takes and every token names. */
    public String tenantId() {
        return tenantId;
    }

    /**
     * Makes a principal that sees {@code subscriptions}; its secret is in the answer and nowhere else.
     *
     * @param displayName a name for people; a generated one when null or blank
     * @throws IllegalArgumentException when a subscription id is malformed, or none or more than 100 are given
     */
    public NewServicePrincipal create(String displayName, List<String> subscriptions) {
        PrincipalTable.Created created = table.create(displayName, subscriptions, clock.instant());
        return new NewServicePrincipal(created.principal(), created.secret(), tenantId);
    }

    /** Every principal, oldest first. */
    public List<ServicePrincipal> list() {
        return table.list();
    }

    /** Deletes the principal {@code appId}; false when there is none. Tokens it already holds last until they expire. */
    public boolean delete(String appId) {
        return table.delete(appId);
    }

    /** Closes the database connection this opened ({@link #forDataDir}, {@link #forDatabase}); nothing for {@link #of}. */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
