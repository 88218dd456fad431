package io.asyncops.emulator;

import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.ResourceGroupTable;
import io.asyncops.emulator.internal.SqlServerTable;
import io.asyncops.emulator.internal.States;
import java.sql.Connection;
import java.sql.SQLException;

/** The parent checks ARM makes before touching a resource: its group, then its server. */
final class Lookups {
    private Lookups() {
    }

    /** The group, or {@code 404 ResourceGroupNotFound}; for a write, also {@code 409} while it is being deleted. */
    static ResourceGroup group(Connection c, String subscription, String name, boolean forWrite) throws SQLException {
        ResourceGroup group = ResourceGroupTable.find(c, subscription, name)
                .orElseThrow(() -> Errors.resourceGroupNotFound(name));
        if (forWrite && States.DELETING.equals(group.provisioningState())) {
            throw Errors.resourceGroupBeingDeleted(group.name());
        }
        return group;
    }

    /** The server in its group, or {@code 404 ResourceNotFound}. */
    static SqlServer server(Connection c, String subscription, String group, String name) throws SQLException {
        ResourceGroup g = group(c, subscription, group, false);
        return SqlServerTable.find(c, subscription, g.name(), name)
                .orElseThrow(() -> Errors.resourceNotFound("Microsoft.Sql/servers", name, g.name()));
    }

    /**
     * The server a child (database, firewall rule) is written under: it must exist and be provisioned
     * ({@code 404 ParentResourceNotFound} otherwise) and not be being deleted ({@code 409}).
     */
    static SqlServer parentServer(Connection c, String subscription, String group, String name) throws SQLException {
        ResourceGroup g = group(c, subscription, group, true);
        SqlServer server = SqlServerTable.find(c, subscription, g.name(), name)
                .orElseThrow(() -> Errors.parentNotFound("Microsoft.Sql/servers", name));
        if (States.CREATING.equals(server.provisioningState())) {
            throw Errors.parentNotFound("Microsoft.Sql/servers", name);
        }
        if (States.DELETING.equals(server.provisioningState())) {
            throw Errors.conflictingServerOperation(server.name());
        }
        return server;
    }

    /** The server a child is read under: {@code 404 ParentResourceNotFound} when it does not exist. */
    static SqlServer parentServerForRead(Connection c, String subscription, String group, String name)
            throws SQLException {
        ResourceGroup g = group(c, subscription, group, false);
        return SqlServerTable.find(c, subscription, g.name(), name)
                .orElseThrow(() -> Errors.parentNotFound("Microsoft.Sql/servers", name));
    }
}
