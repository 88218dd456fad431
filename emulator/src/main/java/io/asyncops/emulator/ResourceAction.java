package io.asyncops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;

/**
 * A POST action of a resource type ({@code .../databases/{db}/export}, {@code .../listKeys}) or of its provider
 * ({@code /subscriptions/{sub}/providers/Microsoft.Sql/checkNameAvailability}). Synchronous actions answer
 * {@code 200} with {@link #result} at once; long-running ones hold their resource (a write on it is {@code 409}
 * meanwhile), take their plan's time, and their result is the operation's.
 */
public interface ResourceAction {

    /**
     * The body, validated, as the operation's input (deterministic, no secrets). Default: the body as it is, or an
     * empty object without one. Throw {@link AzureException} to refuse.
     */
    default ObjectNode input(ActionRequest request) {
        JsonNode body = request.body();
        if (body == null || body.isNull() || body.isMissingNode()) {
            return Json.mapper().createObjectNode();
        }
        if (!body.isObject()) {
            throw AzureException.badRequest("InvalidRequestContent", "The request content was invalid and could not"
                    + " be deserialized: the request body must be a JSON object.");
        }
        return ((ObjectNode) body).deepCopy();
    }

    /** Refuses what the target's state forbids (the core already refuses a target an operation holds). */
    default void check(ActionRequest request, ObjectNode input, Resource target) {
    }

    /**
     * The provisioning state the target shows while a long-running action runs (e.g. {@code Updating}, which
     * {@link ResourceHooks#render} may show as {@code Restarting}), or null to leave it; at the end it goes back to
     * {@code Succeeded}, whatever the ending.
     */
    default String stateWhileRunning() {
        return null;
    }

    /**
     * What the target shows while a long-running action runs, or null to leave its body; {@code request} says who
     * asked. Default: null.
     */
    default ObjectNode bodyWhileRunning(ActionRequest request, Resource target) {
        return null;
    }

    /** How a long-running action goes. Default: {@link PlanContext#defaultPlan()}. */
    default Plan plan(PlanContext context) {
        return context.defaultPlan();
    }

    /** The result: the synchronous answer, or the operation's result when it succeeds; null for none ({@code 204}). */
    JsonNode result(ActionContext context);
}
