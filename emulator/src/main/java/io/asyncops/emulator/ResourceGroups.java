package io.asyncops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.internal.ArmInput;
import io.asyncops.emulator.internal.Bodies;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.Locations;
import io.asyncops.emulator.internal.NameRules;
import io.asyncops.emulator.internal.ResourceGroupTable;
import io.asyncops.emulator.internal.States;
import io.asyncops.emulator.internal.Submitter;
import io.asyncops.emulator.internal.Tags;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The resource groups provider ({@code Microsoft.Resources/resourceGroups}): create-or-update, read and list are
 * synchronous, as in Azure; delete is long-running and removes everything inside.
 */
public final class ResourceGroups {
    private final DataSource dataSource;
    private final Submitter submitter;

    ResourceGroups(DataSource dataSource, Submitter submitter) {
        this.dataSource = dataSource;
        this.submitter = submitter;
    }

    /**
     * Creates the group (201) or updates its tags (200). Its location cannot change: {@code 409
     * InvalidResourceGroupLocation}; a group being deleted: {@code 409 ResourceGroupBeingDeleted}.
     */
    public PutResult<ResourceGroup> createOrUpdate(Caller caller, String name, JsonNode body) {
        NameRules.resourceGroup(name);
        JsonNode b = Bodies.object(body);
        String location = Locations.forResourceGroup(Bodies.text(b, "location", "location"));
        var tags = Tags.read(b.get("tags"));
        ResourceGroup wanted = new ResourceGroup(caller.subscription(), name, location, tags, States.SUCCEEDED);
        return Jdbc.inTransaction(dataSource, c -> {
            Optional<ResourceGroup> existing = ResourceGroupTable.find(c, caller.subscription(), name);
            if (existing.isEmpty()) {
                try {
                    ResourceGroupTable.insert(c, wanted);
                    return new PutResult<>(wanted, true);
                } catch (java.sql.SQLException e) {
                    if (Jdbc.isUniqueViolation(e)) {
                        throw new EmulatorException(409, "Conflict", "The resource group '" + name
                                + "' was created by a concurrent request; retry.");
                    }
                    throw e;
                }
            }
            ResourceGroup group = existing.get();
            if (States.DELETING.equals(group.provisioningState())) {
                throw Errors.resourceGroupBeingDeleted(group.name());
            }
            if (!group.location().equals(location)) {
                throw new EmulatorException(409, "InvalidResourceGroupLocation", "Invalid resource group location '"
                        + location + "'. The Resource group already exists in location '" + group.location() + "'.",
                        "location");
            }
            ResourceGroup updated = new ResourceGroup(group.subscriptionId(), group.name(), group.location(), tags,
                    group.provisioningState());
            ResourceGroupTable.updateTags(c, updated);
            return new PutResult<>(updated, false);
        });
    }

    /** The group, or {@code 404 ResourceGroupNotFound}. */
    public ResourceGroup get(String subscription, String name) {
        return find(subscription, name).orElseThrow(() -> Errors.resourceGroupNotFound(name));
    }

    /** The group if it exists (HEAD answers 204 or 404 with this). */
    public Optional<ResourceGroup> find(String subscription, String name) {
        return Jdbc.run(dataSource, c -> ResourceGroupTable.find(c, subscription, name));
    }

    /** The subscription's groups, by name. */
    public List<ResourceGroup> list(String subscription) {
        return Jdbc.run(dataSource, c -> ResourceGroupTable.list(c, subscription));
    }

    /**
     * Starts deleting the group and everything in it ({@code 202}). Deleting a group already being deleted returns
     * the running delete; a missing group is {@code 404 ResourceGroupNotFound}.
     */
    public StartedOperation delete(Caller caller, String name) {
        ResourceGroup group = get(caller.subscription(), name);
        ArmInput input = ArmInput.target(group.subscriptionId(), group.name(), null, null);
        try {
            Operation op = submitter.submit(caller, OperationKinds.RESOURCE_GROUP_DELETE, group.id(), input, c -> {
                int changed = Jdbc.update(c, "UPDATE emu_resource_group SET provisioning_state = ?"
                                + " WHERE subscription_key = ? AND name_key = ? AND provisioning_state <> ?",
                        States.DELETING, group.subscriptionId().toLowerCase(java.util.Locale.ROOT),
                        group.name().toLowerCase(java.util.Locale.ROOT), States.DELETING);
                if (changed != 1) {
                    throw Errors.resourceGroupBeingDeleted(group.name());
                }
            });
            return new StartedOperation(op, OperationKinds.RESOURCES_NAMESPACE, group.location());
        } catch (ResourceBusyException e) {
            Operation running = submitter.holder(e)
                    .filter(op -> OperationKinds.RESOURCE_GROUP_DELETE.equals(op.kind()))
                    .orElseThrow(() -> Errors.resourceGroupBeingDeleted(group.name()));
            return new StartedOperation(running, OperationKinds.RESOURCES_NAMESPACE, group.location());
        }
    }
}
