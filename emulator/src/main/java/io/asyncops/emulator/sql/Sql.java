package io.asyncops.emulator.sql;

import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.Timings;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.internal.NameRules;
import java.util.List;
import java.util.Set;

/**
 * The emulated {@code Microsoft.Sql} provider as resource-type descriptions: logical servers, databases (with the
 * {@code export} action) and firewall rules, and {@code checkNameAvailability}. Servers and databases answer every
 * write with {@code 202} (as the seed saw) and take Azure-like time; firewall rules are synchronous, as in Azure.
 * Bodies follow the 2021-11-01 schemas: no {@code provisioningState} (a server shows {@code state}, a database
 * {@code status}).
 */
public final class Sql {
    /** The provider namespace. */
    public static final String NAMESPACE = "Microsoft.Sql";
    static final String SERVERS = "Microsoft.Sql/servers";
    static final String DATABASES = "Microsoft.Sql/servers/databases";
    static final String FIREWALL_RULES = "Microsoft.Sql/servers/firewallRules";
    static final String SERVER_PATH = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.Sql/servers/{serverName}";

    /**
     * The api-versions clients send today: the Java SDK (azure-resourcemanager 2.53 sends {@code 2021-11-01}), the
     * Azure CLI and Python SDK (preview versions), and the older versions of blog posts and Postman collections
     * such as the seed's.
     */
    public static final Set<String> API_VERSIONS = Set.of(
            "2014-04-01", "2015-05-01-preview", "2017-03-01-preview", "2017-10-01-preview", "2018-06-01-preview",
            "2019-06-01-preview", "2020-02-02-preview", "2020-08-01-preview", "2020-11-01-preview",
            "2021-02-01-preview", "2021-05-01-preview", "2021-08-01-preview", "2021-11-01", "2021-11-01-preview",
            "2022-02-01-preview", "2022-05-01-preview", "2022-08-01-preview", "2022-11-01-preview",
            "2023-02-01-preview", "2023-05-01-preview", "2023-08-01", "2023-08-01-preview", "2024-05-01-preview",
            "2024-11-01-preview");

    private Sql() {
    }

    /** Servers, databases and firewall rules, taking {@code timings} (at time scale 1). */
    public static List<ResourceType> types(Timings timings) {
        return List.of(servers(timings), databases(timings), firewallRules());
    }

    static ResourceType servers(Timings timings) {
        return ResourceType.builder(SERVERS, SERVER_PATH)
                .apiVersions(API_VERSIONS)
                .put(VerbStyle.accepted(timings.serverCreate()))
                .patch(VerbStyle.accepted(timings.serverUpdate()))
                .delete(VerbStyle.accepted(timings.serverDelete()))
                .listAt("/subscriptions/{subscriptionId}/providers/Microsoft.Sql/servers")
                .providerAction("/subscriptions/{subscriptionId}/providers/Microsoft.Sql/checkNameAvailability",
                        VerbStyle.synchronous(), new CheckNameAvailability())
                .nameRule(NameRules::server)
                .globallyUniqueNames(true)
                .provisioningStateInBody(false)
                .conflictError("ConflictingServerOperation", "An operation is currently in progress for the server"
                        + " '%s'. Wait for it to end and retry.")
                .hooks(new Servers(timings))
                .build();
    }

    static ResourceType databases(Timings timings) {
        return ResourceType.builder(DATABASES, SERVER_PATH + "/databases/{databaseName}")
                .apiVersions(API_VERSIONS)
                .put(VerbStyle.accepted(timings.databaseCreate()))
                .patch(VerbStyle.accepted(timings.databaseUpdate()))
                .delete(VerbStyle.accepted(timings.databaseDelete()))
                .action("export", VerbStyle.accepted(timings.databaseExport()), new Export())
                .nameRule(NameRules::database)
                .provisioningStateInBody(false)
                .conflictError("ConflictingDatabaseOperation", "There is already an operation on the database '%s';"
                        + " the current operation must wait until it is done.")
                .hooks(new Databases(timings))
                .build();
    }

    static ResourceType firewallRules() {
        return ResourceType.builder(FIREWALL_RULES, SERVER_PATH + "/firewallRules/{firewallRuleName}")
                .apiVersions(API_VERSIONS)
                .put(VerbStyle.synchronous())
                .delete(VerbStyle.synchronous())
                .nameRule(NameRules::firewallRule)
                .tracked(false)
                .provisioningStateInBody(false)
                .hooks(new FirewallRules())
                .build();
    }
}
