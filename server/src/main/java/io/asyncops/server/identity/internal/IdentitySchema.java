package io.asyncops.server.identity.internal;

import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The identity provider's tables, migrated with a Flyway history of their own ({@value #HISTORY_TABLE}) so they
 * live in the engine's schema without touching its history; and the deployment's tenant id, made once.
 */
public final class IdentitySchema {
    /** The identity tables' Flyway history table. */
    public static final String HISTORY_TABLE = "asyncops_identity_history";
    private static final String LOCATION = "classpath:db/asyncops/identity";
    private static final Map<DataSource, Boolean> MIGRATED = Collections.synchronizedMap(new WeakHashMap<>());

    private IdentitySchema() {
    }

    /** Creates or upgrades the identity tables; safe on every start and from several nodes at once. */
    public static void migrate(DataSource dataSource) {
        // the server, its token minter and its principals share one pool: migrate it once per process
        if (MIGRATED.containsKey(dataSource)) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // the schema may already hold the engine's and the providers' tables: start at 0, apply V1 on
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        MIGRATED.put(dataSource, Boolean.TRUE);
    }

    /**
     * The tenant id of this database, made on first use. Two nodes racing agree on the first one committed: the
     * setting's name is unique, and the loser reads the winner's.
     */
    public static String tenantId(DataSource dataSource) {
        return Sql.insertOnce(dataSource, READ_TENANT, INSERT_TENANT, UUID.randomUUID().toString());
    }

    private static final String READ_TENANT = "select setting_value from asyncops_identity_setting"
            + " where setting_name = 'tenant'";
    private static final String INSERT_TENANT = "insert into asyncops_identity_setting"
            + " (setting_name, setting_value) values ('tenant', ?)";
}
