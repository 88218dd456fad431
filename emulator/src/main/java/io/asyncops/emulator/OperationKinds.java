package io.asyncops.emulator;

import java.util.List;

/** The operation kinds the emulated ARM providers run ({@code {Namespace}/{type}/{action}}). */
public final class OperationKinds {
    public static final String SERVER_WRITE = "Microsoft.Sql/servers/write";
    public static final String SERVER_DELETE = "Microsoft.Sql/servers/delete";
    public static final String DATABASE_WRITE = "Microsoft.Sql/servers/databases/write";
    public static final String DATABASE_DELETE = "Microsoft.Sql/servers/databases/delete";
    public static final String DATABASE_EXPORT = "Microsoft.Sql/servers/databases/export";
    public static final String RESOURCE_GROUP_DELETE = "Microsoft.Resources/resourceGroups/delete";

    /** Every kind above. */
    public static final List<String> ALL = List.of(SERVER_WRITE, SERVER_DELETE, DATABASE_WRITE, DATABASE_DELETE,
            DATABASE_EXPORT, RESOURCE_GROUP_DELETE);

    /** The provider namespace of Microsoft.Sql operations. */
    public static final String SQL_NAMESPACE = "Microsoft.Sql";
    /** The provider namespace of resource group operations. */
    public static final String RESOURCES_NAMESPACE = "Microsoft.Resources";

    private OperationKinds() {
    }
}
