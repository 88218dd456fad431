package io.asyncops.server.arm;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.Timings;
import io.asyncops.emulator.sql.Sql;
import org.junit.jupiter.api.Test;

/** Matching paths against every type's templates: words without case, names as given and decoded, nothing else. */
class RouteTrieTest {
    private final RouteTrie trie = new RouteTrie(ResourceTypes.of(Sql.types(Timings.AZURE_LIKE)).routes());

    @Test
    void findsResourcesCollectionsAndActionsWithTheirNames() {
        RouteTrie.Match server = trie.match("/subscriptions/s1/resourceGroups/Rg/providers/Microsoft.Sql/servers/srv");
        assertThat(server.route().kind()).isEqualTo(ResourceTypes.RouteKind.RESOURCE);
        assertThat(server.route().type().type()).isEqualTo("Microsoft.Sql/servers");
        assertThat(server.values()).containsEntry("subscriptionId", "s1").containsEntry("resourceGroupName", "Rg")
                .containsEntry("serverName", "srv");

        RouteTrie.Match list = trie.match("/SUBSCRIPTIONS/s1/PROVIDERS/microsoft.sql/Servers");
        assertThat(list.route().kind()).isEqualTo(ResourceTypes.RouteKind.LIST);
        assertThat(list.route().list().scope()).isEqualTo(ResourceType.ListScope.SUBSCRIPTION);

        RouteTrie.Match export = trie.match("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/s"
                + "/databases/My%20Db/export");
        assertThat(export.route().action().name()).isEqualTo("export");
        assertThat(export.values()).containsEntry("databaseName", "My Db");

        assertThat(trie.match("/subscriptions/s1/providers/Microsoft.Sql/checkNameAvailability").route().action()
                .name()).isEqualTo("checkNameAvailability");
        assertThat(trie.match("/subscriptions/s1/resourcegroups/rg").route().type().type())
                .isEqualTo("Microsoft.Resources/resourceGroups");
    }

    @Test
    void aWordBeatsANameButTheWalkBacksUpWhenItLeadsNowhere() {
        String things = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/X.Y/things";
        ResourceType thing = ResourceType.builder("X.Y/things", things + "/{thingName}").apiVersions("1")
                .providerAction(things + "/special", VerbStyle.synchronous(), c -> null).build();
        ResourceType child = ResourceType.builder("X.Y/things/children", things + "/{thingName}/children/{childName}")
                .apiVersions("1").build();
        RouteTrie custom = new RouteTrie(ResourceTypes.of(thing, child).routes());
        String base = "/subscriptions/s/resourceGroups/rg/providers/X.Y/things/";
        assertThat(custom.match(base + "special").route().kind()).isEqualTo(ResourceTypes.RouteKind.ACTION);
        assertThat(custom.match(base + "other").route().kind()).isEqualTo(ResourceTypes.RouteKind.RESOURCE);
        RouteTrie.Match backedUp = custom.match(base + "special/children/c1");
        assertThat(backedUp.route().type()).isEqualTo(child);
        assertThat(backedUp.values()).containsEntry("thingName", "special").containsEntry("childName", "c1");
    }

    @Test
    void matchesNothingElse() {
        assertThat(trie.match("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/")).isNull();
        assertThat(trie.match("/subscriptions/s1//resourceGroups")).isNull();
        assertThat(trie.match("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/x")).isNull();
        assertThat(trie.match("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/%zz")).isNull();
        assertThat(trie.match("/subscriptions/s1/operationStatuses")).isNull();
    }
}
