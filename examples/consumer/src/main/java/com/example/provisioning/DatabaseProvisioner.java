package com.example.provisioning;

import com.azure.core.management.Region;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.models.SqlDatabase;
import com.azure.resourcemanager.sql.models.SqlServer;

/**
 * Application code that calls Azure: makes a logical SQL server and a database in it, each a long-running operation
 * that the SDK's poller follows to its end. The tests run it against asyncops instead of Azure.
 */
public final class DatabaseProvisioner {
    private final SqlServerManager sql;

    public DatabaseProvisioner(SqlServerManager sql) {
        this.sql = sql;
    }

    /** Creates the group (if missing), the server and the database; returns the database once it is online. */
    public SqlDatabase provision(String group, String server, String database, String adminPassword) {
        SqlServer created = sql.sqlServers().define(server)
                .withRegion(Region.US_WEST)
                .withNewResourceGroup(group)
                .withAdministratorLogin("appadmin")
                .withAdministratorPassword(adminPassword)
                .withTag("owner", "provisioning")
                .create();
        return created.databases().define(database).create();
    }
}
