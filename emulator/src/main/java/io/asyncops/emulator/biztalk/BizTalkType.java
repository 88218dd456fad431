package io.asyncops.emulator.biztalk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.ActionRequest;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Caller;
import io.asyncops.emulator.Plan;
import io.asyncops.emulator.PlanContext;
import io.asyncops.emulator.ProvisioningState;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceAction;
import io.asyncops.emulator.ResourceHooks;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.WriteRequest;
import io.asyncops.emulator.internal.NameRules;
import io.asyncops.emulator.internal.Tags;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.Json;

/**
 * BizTalk Services deployments as a resource type of the core (the classic plane's routes serve it): create is PUT,
 * restart a long-running action, delete a long-running DELETE. The body keeps plan, edition, region, schema version,
 * tags and the last action with its handle; the state is the core's provisioning state, shown as the service's words
 * ({@link #state}). A create never updates (a taken name is {@code 409 ConflictError}); a failed create leaves the
 * deployment {@code Failed} (to be deleted); a restart or a delete that does not finish leaves it {@code Active}.
 */
final class BizTalkType {
    static final String TYPE = "BizTalk/services";
    static final String PATH = "/{subscriptionId}/cloudservices/{cloudServiceName}/resources/biztalkservices"
            + "/biztalk/{resourceName}";

    private BizTalkType() {
    }

    static ResourceType of(BizTalkTimings timings) {
        return ResourceType.builder(TYPE, PATH)
                .apiVersions("2012-08-01")
                .put(VerbStyle.accepted(timings.create()))
                .delete(VerbStyle.accepted(timings.delete()))
                .action("restart", VerbStyle.accepted(timings.restart()), new Restart())
                .nameRule(NameRules::bizTalkService)
                .globallyUniqueNames(true)
                .tracked(false)
                .provisioningStateInBody(false)
                .conflictError("ConflictError", "An operation is in progress on the BizTalk service '%s'; retry when"
                        + " it has completed.")
                .hooks(new Hooks())
                .build();
    }

    /** The service's words for the core's provisioning state. */
    static ServiceState state(String provisioningState) {
        return switch (provisioningState) {
            case ProvisioningState.CREATING -> ServiceState.CREATING;
            case ProvisioningState.UPDATING -> ServiceState.RESTARTING;
            case ProvisioningState.DELETING -> ServiceState.DELETING;
            case ProvisioningState.FAILED -> ServiceState.FAILED;
            default -> ServiceState.ACTIVE;
        };
    }

    /** The body with {@code action} as the last action, started by the request {@code requestId}. */
    static ObjectNode withLastAction(ObjectNode body, BizTalkAction action, String requestId) {
        return body.put("lastAction", action.wireName()).put("lastRequestId", requestId);
    }

    private static final class Hooks implements ResourceHooks {

        /** What the facade put in the body: plan, edition, region, schema version, tags (the core checked them). */
        @Override
        public ObjectNode normalize(WriteRequest request) {
            ObjectNode b = request.body();
            ObjectNode input = Json.mapper().createObjectNode();
            for (String field : new String[] {"plan", "edition", "region", "schemaVersion", "tags"}) {
                input.set(field, b.get(field));
            }
            return input;
        }

        /** A create never replaces a deployment. */
        @Override
        public void check(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
            if (existing != null) {
                throw AzureException.conflict("ConflictError", "A BizTalk service named '" + existing.name()
                        + "' already exists in the cloud service '" + request.path().get("cloudServiceName") + "'.");
            }
        }

        @Override
        public ObjectNode desired(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
            ObjectNode body = input.deepCopy();
            body.put("createdAt", request.now().toString());
            return withLastAction(body, BizTalkAction.CREATE, request.caller().requestId());
        }

        /** An injected fault says so in the service's words (the classic plane's documents show this message). */
        @Override
        public Plan plan(PlanContext context) {
            OperationError fault = context.fault();
            if (fault == null) {
                return context.defaultPlan();
            }
            return Plan.of(context.duration()).failing(OperationError.of(fault.code(), "The create of the BizTalk"
                    + " service '" + context.resource().name() + "' failed with error code '" + fault.code()
                    + "' because its request carried the tag '" + Tags.FAULT + "' (a failure injected on purpose by"
                    + " asyncops).", fault.httpStatus()), Plan.FAULT_AT);
        }

        @Override
        public ObjectNode whileDeleting(Resource existing, Caller caller) {
            return withLastAction(existing.body(), BizTalkAction.DELETE, caller.requestId());
        }

        /** A failed create stays, Failed; a restart or delete that does not finish leaves the deployment Active. */
        @Override
        public String stateAfter(Verb verb, boolean created, OperationStatus ending) {
            if (verb == Verb.DELETE) {
                return ProvisioningState.SUCCEEDED;
            }
            return created && ending == OperationStatus.FAILED ? ProvisioningState.FAILED : null;
        }

        /** Names are unique across Azure; another cloud service or subscription is not told whose it is. */
        @Override
        public AzureException nameTaken(WriteRequest request, Resource holder) {
            return AzureException.conflict("ConflictError", "The name '" + request.name() + "' is not available:"
                    + " BizTalk service names are unique across Azure.");
        }
    }

    /** Restarts an active deployment; it shows {@code Restarting} meanwhile. */
    private static final class Restart implements ResourceAction {

        @Override
        public void check(ActionRequest request, ObjectNode input, Resource target) {
            ServiceState state = state(target.provisioningState());
            if (state != ServiceState.ACTIVE) {
                throw AzureException.conflict("ConflictError", "The BizTalk service '" + target.name() + "' cannot be"
                        + " restarted while it is " + state.wireName() + ".");
            }
        }

        @Override
        public String stateWhileRunning() {
            return ProvisioningState.UPDATING;
        }

        @Override
        public ObjectNode bodyWhileRunning(ActionRequest request, Resource target) {
            return withLastAction(target.body(), BizTalkAction.RESTART, request.caller().requestId());
        }

        @Override
        public JsonNode result(ActionContext context) {
            return null;
        }
    }
}
