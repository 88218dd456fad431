package io.asyncops.emulator.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.emulator.Timings;
import io.asyncops.emulator.openapi.Durations;
import io.asyncops.emulator.resources.ResourceGroups;
import io.asyncops.emulator.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every operation of the widgets specs (both api-versions) finds its place among the types the core serves. */
class AssemblyTest {
    private final List<String> notServed = new ArrayList<>();
    private final List<ResourceType> builtIn = builtIn();
    private final Map<String, ResourceType> types = byName(Assembly.assemble(SpecCatalog.load(List.of(
            TestSpecs.root().resolve("widgets"))), Durations.defaults(), builtIn, notServed));

    private static List<ResourceType> builtIn() {
        List<ResourceType> all = new ArrayList<>(List.of(ResourceGroups.type()));
        all.addAll(Sql.types(Timings.AZURE_LIKE));
        return all;
    }

    private static Map<String, ResourceType> byName(List<ResourceType> types) {
        Map<String, ResourceType> out = new java.util.LinkedHashMap<>();
        types.forEach(t -> out.put(t.type(), t));
        return out;
    }

    @Test
    void storedTypesComeAfterTheBuiltInOnesParentsFirst() {
        assertThat(types.keySet()).containsExactly("Microsoft.Resources/resourceGroups", "Microsoft.Sql/servers",
                "Microsoft.Sql/servers/databases", "Microsoft.Sql/servers/firewallRules", "Contoso.Widgets/widgets",
                "Contoso.Widgets/locations/deletedWidgets", "Contoso.Widgets/widgets/settings");
        assertThat(types.get("Microsoft.Sql/servers")).as("nothing to add: the same description")
                .isSameAs(builtIn.get(1));
        assertThat(types.get("Contoso.Widgets/widgets").apiVersions()).containsExactlyInAnyOrder("2024-01-01",
                "2024-06-01");
        assertThat(notServed).as("every operation on a subscription path is served").isEmpty();
        ResourceTypes.of(types.values()); // they fit together
    }

    @Test
    void aRegionalTypeIsRecordedBySoftDeleteAndASingletonWithoutDeleteComesWithItsParent() {
        ResourceType deleted = types.get("Contoso.Widgets/locations/deletedWidgets");
        assertThat(deleted.locationScoped()).isTrue();
        assertThat(deleted.locationParameter()).isEqualTo("location");
        assertThat(deleted.lists()).extracting(l -> l.scope()).containsExactly(ResourceType.ListScope.PARENT,
                ResourceType.ListScope.SUBSCRIPTION);
        assertThat(deleted.actions().get("purge").behaviour().removesTarget()).isTrue();
        assertThat(types.get("Contoso.Widgets/widgets").softDeleteType()).isEqualTo(deleted.type());
        ResourceType settings = types.get("Contoso.Widgets/widgets/settings");
        assertThat(settings.createdWithParent()).isEqualTo("default");
        settings.nameRule().check("Default");
        assertThatThrownBy(() -> settings.nameRule().check("other")).isInstanceOfSatisfying(AzureException.class,
                e -> assertThat(e.code()).isEqualTo("InvalidResourceName"));
    }

    @Test
    void whatIsNotAStoredTypeBecomesActionsWithTheirOwnMethodsAndNames() {
        Map<String, ResourceType.Action> actions = types.get("Contoso.Widgets/widgets").actions();
        assertThat(actions.get("accessPolicies").method()).isEqualTo("PUT");
        assertThat(actions.get("accessPolicies").behaviour()).isInstanceOf(Effects.MemberEdit.class);
        assertThat(actions.get("privateLinkResources").method()).isEqualTo("GET");
        assertThat(actions.get("privateLinkResources").onResource()).isTrue();
        assertThat(actions.get("usages").onResource()).isFalse();
        assertThat(actions.get("usages").path().toString()).endsWith("/locations/{location}/usages");
        assertThat(actions.get("skus").style().longRunning()).isFalse();
        assertThat(actions.get("listKeys").behaviour()).isInstanceOf(Keys.List.class);
        assertThat(actions.get("regenerateKey").behaviour()).isInstanceOf(Keys.Regenerate.class);
        // two checkNameAvailability: the second is named by its operation
        assertThat(actions.get("checkNameAvailability").path().toString())
                .isEqualTo("/subscriptions/{subscriptionId}/providers/Contoso.Widgets/checkNameAvailability");
        assertThat(actions.get("CheckNameAvailabilityInLocation").path().toString())
                .endsWith("/locations/{location}/checkNameAvailability");
    }

    @Test
    void fixedNamesAreParametersOfTheCorePathAndVersionsArePickedByRequest() {
        PathTemplate singleton = PathTemplate.parse("/subscriptions/{subscriptionId}/resourceGroups/{g}/providers"
                + "/Microsoft.Storage/storageAccounts/{accountName}/blobServices/default", "GET");
        assertThat(singleton.coreTemplate()).endsWith("/storageAccounts/{accountName}/blobServices"
                + "/{blobServicesName}");
        assertThat(singleton.fixedName()).isEqualTo("default");
        PathTemplate child = PathTemplate.parse("/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Storage"
                + "/storageAccounts/{a}/blobServices/default/containers/{containerName}", "PUT");
        assertThat(child.coreTemplate()).endsWith("/blobServices/{blobServicesName}/containers/{containerName}");
        assertThat(child.fixedName()).isNull();
        PathTemplate regional = PathTemplate.parse("/subscriptions/{s}/providers/A.B/locations/{l}/checkNameAvailability",
                "POST");
        assertThat(regional.underResource()).as("an action of the provider, in a region").isFalse();

        ByVersion<String> byVersion = ByVersion.of(Map.of("2024-01-01", "one", "2024-06-01", "six"));
        assertThat(byVersion.pick("2024-06-01")).isEqualTo("six");
        assertThat(byVersion.pick("2024-03-01")).as("the newest older one").isEqualTo("one");
        assertThat(byVersion.pick("2023-01-01")).as("none older: the newest").isEqualTo("six");
        assertThat(byVersion.pick(null)).isEqualTo("six");
    }
}
