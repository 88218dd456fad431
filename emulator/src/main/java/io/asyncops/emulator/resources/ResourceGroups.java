package io.asyncops.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Plan;
import io.asyncops.emulator.PlanContext;
import io.asyncops.emulator.ProvisioningState;
import io.asyncops.emulator.ResourceHooks;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.Timings;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.WriteRequest;
import io.asyncops.emulator.internal.NameRules;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.Json;
import java.time.Duration;
import java.util.Set;

/**
 * Resource groups ({@code Microsoft.Resources/resourceGroups}), the container of every ARM resource: create-or-update
 * is synchronous ({@code 201}/{@code 200}), as in Azure; delete is long-running and removes everything inside, taking
 * longer the more the group holds. A group's location never changes ({@code 409 InvalidResourceGroupLocation}); a
 * write in a group being deleted is {@code 409 ResourceGroupBeingDeleted}.
 */
public final class ResourceGroups {
    /** The type's name. */
    public static final String TYPE = "Microsoft.Resources/resourceGroups";
    /** Where groups live. */
    public static final String PATH = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}";

    /**
     * The api-versions clients send today: the Java SDK (azure-resourcemanager 2.53 sends {@code 2025-04-01}), the
     * Azure CLI and Python SDK ({@code 2021-04-01}..{@code 2024-11-01}), and older ones of blog posts and Postman
     * collections.
     */
    public static final Set<String> API_VERSIONS = Set.of(
            "2014-04-01", "2015-11-01", "2016-02-01", "2016-07-01", "2016-09-01", "2017-05-10", "2018-02-01",
            "2018-05-01", "2019-03-01", "2019-05-01", "2019-05-10", "2019-07-01", "2019-08-01", "2019-10-01",
            "2020-06-01", "2020-08-01", "2020-10-01", "2021-01-01", "2021-04-01", "2022-09-01", "2023-07-01",
            "2024-03-01", "2024-07-01", "2024-11-01", "2025-03-01", "2025-04-01");

    private static final ResourceType DEFAULT = type(Timings.AZURE_LIKE);

    private ResourceGroups() {
    }

    /** The type with Azure-like durations. */
    public static ResourceType type() {
        return DEFAULT;
    }

    /** The type whose delete takes {@code timings}' resource group durations (at time scale 1). */
    public static ResourceType type(Timings timings) {
        return ResourceType.builder(TYPE, PATH)
                .apiVersions(API_VERSIONS)
                .put(VerbStyle.synchronous())
                .delete(VerbStyle.accepted(timings.resourceGroupDelete()))
                .nameRule(NameRules::resourceGroup)
                .conflictError("ResourceGroupBeingDeleted", "The resource group '%s' is in deprovisioning state and"
                        + " cannot perform this operation.")
                .hooks(new Hooks(timings))
                .build();
    }

    /** The 409 of a write in a group being deleted. */
    public static AzureException beingDeleted(String group) {
        return DEFAULT.conflict(group);
    }

    private record Hooks(Timings timings) implements ResourceHooks {

        /** A group keeps its location and tags, nothing else. */
        @Override
        public ObjectNode normalize(WriteRequest request) {
            ObjectNode input = Json.mapper().createObjectNode();
            input.set("location", request.body().get("location"));
            input.set("tags", request.body().get("tags"));
            return input;
        }

        /** Base time plus a time per resource inside, bounded. */
        @Override
        public Plan plan(PlanContext context) {
            int inside = context.lookup().countInGroup(context.resource().subscription(), context.resource().name());
            Duration unscaled = timings.resourceGroupDelete().plus(timings.perResourceInGroup().multipliedBy(inside));
            if (unscaled.compareTo(timings.resourceGroupDeleteMax()) > 0) {
                unscaled = timings.resourceGroupDeleteMax();
            }
            return Plan.of(context.scaled(unscaled));
        }

        /** A delete that does not finish leaves the group as it was. */
        @Override
        public String stateAfter(Verb verb, boolean created, OperationStatus ending) {
            return ProvisioningState.SUCCEEDED;
        }
    }
}
