package io.asyncops.server.arm;

import java.util.Set;

/**
 * The api-versions the ARM plane accepts. Azure accepts every published version of a resource provider's API, so we
 * accept the published ones that clients send today: the Java SDK (azure-resourcemanager 2.53.x sends
 * {@code 2021-11-01} for Microsoft.Sql and {@code 2025-04-01} for resource groups), the Azure CLI and Python SDK
 * (preview versions of Microsoft.Sql, {@code 2021-04-01}..{@code 2024-11-01} for resources), and the older versions
 * of blog posts and Postman collections such as the seed's.
 */
final class ArmApiVersions {
    /** Microsoft.Sql servers, databases, firewall rules. */
    static final Set<String> SQL = Set.of(
            "2014-04-01", "2015-05-01-preview", "2017-03-01-preview", "2017-10-01-preview", "2018-06-01-preview",
            "2019-06-01-preview", "2020-02-02-preview", "2020-08-01-preview", "2020-11-01-preview",
            "2021-02-01-preview", "2021-05-01-preview", "2021-08-01-preview", "2021-11-01", "2021-11-01-preview",
            "2022-02-01-preview", "2022-05-01-preview", "2022-08-01-preview", "2022-11-01-preview",
            "2023-02-01-preview", "2023-05-01-preview", "2023-08-01", "2023-08-01-preview", "2024-05-01-preview",
            "2024-11-01-preview");

    /** Microsoft.Resources resource groups. */
    static final Set<String> RESOURCES = Set.of(
            "2014-04-01", "2015-11-01", "2016-02-01", "2016-07-01", "2016-09-01", "2017-05-10", "2018-02-01",
            "2018-05-01", "2019-03-01", "2019-05-01", "2019-05-10", "2019-07-01", "2019-08-01", "2019-10-01",
            "2020-06-01", "2020-08-01", "2020-10-01", "2021-01-01", "2021-04-01", "2022-09-01", "2023-07-01",
            "2024-03-01", "2024-07-01", "2024-11-01", "2025-03-01", "2025-04-01");

    private ArmApiVersions() {
    }
}
