package io.asyncops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.engine.OperationStatus;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A resource type's behaviour beyond its description. Every method has ARM's default, so a type overrides only what
 * it does differently (validation, body shape, a realistic failure, real work). Hooks run inside the core: they
 * throw {@link AzureException} to refuse (nothing is stored) and never touch the database themselves.
 *
 * <p>The order for a PUT or PATCH: the core checks the name, the body's shape, {@code location} and {@code tags};
 * then {@link #normalize} (no state read yet) gives the operation's input; the core reads the parents and the
 * resource; {@link #check} refuses what the current state forbids; {@link #desired} computes the resource after the
 * write and {@link #whileRunning} what it shows meanwhile ({@link #whileDeleting} for a DELETE). A synchronous write stores {@code desired} at once. A
 * long-running one submits an operation (committed with the resource's new state); its worker asks {@link #plan},
 * then {@link #provision}, and commits the end with the operation's: success stores what {@code provision}
 * returned; a failure or a cancellation leaves the state {@link #stateAfter} says. Every answer's body comes from
 * {@link #render}.
 */
public interface ResourceHooks {

    /** ARM's defaults everywhere. */
    ResourceHooks DEFAULT = new ResourceHooks() { };

    /**
     * Validates the body and returns the operation's input: deterministic (a retried request with the same
     * idempotency key must give the same text), without secrets (it is stored with the operation). Default: the
     * body without what a caller cannot set ({@code id}, {@code name}, {@code type}, {@code etag},
     * {@code systemData}, {@code properties.provisioningState}).
     */
    default ObjectNode normalize(WriteRequest request) {
        ObjectNode input = request.body();
        input.remove(List.of("id", "name", "type", "etag", "systemData"));
        if (input.get("properties") instanceof ObjectNode properties) {
            properties.remove("provisioningState");
        }
        return input;
    }

    /**
     * Refuses what the current state forbids (e.g. changing what cannot change). {@code existing} is null for a
     * create; {@code parent} is null for a resource directly under a resource group or subscription. Default:
     * nothing.
     */
    default void check(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
    }

    /**
     * The resource's body after the write, without {@code id}, {@code name} and {@code type} (the core sets them,
     * with {@code location} and {@code tags} for tracked types). Default: a PUT replaces the body with the input; a
     * PATCH merges the input into the existing body (RFC 7386, {@code tags} replaced as a whole).
     */
    default ObjectNode desired(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
        if (existing == null || !request.isPatch()) {
            return input.deepCopy();
        }
        ObjectNode merged = existing.body();
        mergePatch(merged, input, true);
        return merged;
    }

    /**
     * What a long-running write shows until it ends. Default: the new resource while it is created, the existing
     * body while it is updated.
     */
    default ObjectNode whileRunning(ObjectNode desired, Resource existing) {
        return existing == null ? desired : existing.body();
    }

    /**
     * What a long-running DELETE shows until it ends (its state is {@code Deleting}); {@code caller} is who asked.
     * Default: the body as it is.
     */
    default ObjectNode whileDeleting(Resource existing, Caller caller) {
        return existing.body();
    }

    /** Decides how the operation goes (duration, failure). Default: {@link PlanContext#defaultPlan()}. */
    default Plan plan(PlanContext context) {
        return context.defaultPlan();
    }

    /**
     * Does the work of a long-running PUT or PATCH and returns the resource's final body. Default: emulated
     * provisioning time ({@link Work#simulate()}), then {@link Work#desired()}. A custom provider does real work
     * here, reporting progress through {@link Work#context()}; throwing {@link AzureException} fails the operation
     * with that code.
     */
    default ObjectNode provision(Work work) throws Exception {
        work.simulate();
        return work.desired();
    }

    /**
     * The body of every answer about the resource (GET, lists, PUT answers, operation results), before the core
     * adds {@code properties.provisioningState} and {@code etag} where the description shows them. Default: the
     * stored body.
     */
    default ObjectNode render(Resource resource) {
        return resource.body();
    }

    /**
     * The provisioning state a resource keeps when a long-running verb ends Failed or Canceled, or null to remove
     * it. Default (ARM): a failed or canceled create leaves nothing; an update or a delete leaves the resource
     * {@code Failed} or {@code Canceled}.
     */
    default String stateAfter(Verb verb, boolean created, OperationStatus ending) {
        if (created && verb != Verb.DELETE) {
            return null;
        }
        return ending == OperationStatus.CANCELED ? ProvisioningState.CANCELED : ProvisioningState.FAILED;
    }

    /**
     * The refusal of a create whose globally unique name another resource holds (only for types whose description
     * says names are global). Default: {@code 409 NameNotAvailable}.
     */
    default AzureException nameTaken(WriteRequest request, Resource holder) {
        return new AzureException(409, "NameNotAvailable", "The name '" + request.name() + "' is already taken by"
                + " another resource of type '" + holder.type() + "'; names of this type are unique across Azure.",
                "name");
    }

    /**
     * Merges {@code patch} into {@code target} as RFC 7386 does (a null removes a member, objects merge), except that
     * at the top level {@code tags} is replaced as a whole when {@code tagsWhole} (ARM's rule for tags).
     */
    static void mergePatch(ObjectNode target, JsonNode patch, boolean tagsWhole) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode inner
                    && !(tagsWhole && e.getKey().equals("tags"))) {
                mergePatch(inner, value, false);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }
}
