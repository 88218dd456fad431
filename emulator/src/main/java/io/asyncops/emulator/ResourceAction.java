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
     * The children of its target a synchronous action replaces (e.g. SQL's {@code PUT .../firewallRules} with a list
     * of rules): every resource of {@code type} directly under the target is deleted, unless named in
     * {@code bodies}; each named one is written as a synchronous PUT with that body would write it (the type's name
     * rule, checks and hooks; a refusal refuses the whole action), all in one transaction.
     *
     * @param type   a registered type whose parent is the target's type, with a synchronous PUT
     * @param bodies each child's name and PUT body, in order
     */
    record Children(String type, java.util.Map<String, ObjectNode> bodies) {
        public Children {
            java.util.Objects.requireNonNull(type, "type == null");
            bodies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bodies));
        }
    }

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

    /**
     * The target's body once the action succeeds (without the envelope, which the core keeps), or null to leave it
     * (default), e.g. a key regenerated. A synchronous action stores it before its {@link #result} (which sees the
     * new body), fenced by the etag it read (a change meanwhile is {@code 409}); a long-running one stores it with
     * the operation's end. Only for actions on a resource.
     */
    default ObjectNode change(ActionContext context) {
        return null;
    }

    /**
     * Whether the action removes its target, with everything under it, when it succeeds, as a DELETE does (e.g. the
     * purge of a soft-deleted resource). Default: false.
     */
    default boolean removesTarget() {
        return false;
    }

    /**
     * The children the action replaces when it succeeds ({@link Children}), or null (default). Synchronous actions
     * on a resource only; stored before the {@link #result}, which sees them through its context's lookup.
     */
    default Children children(ActionContext context) {
        return null;
    }

    /** The result: the synchronous answer, or the operation's result when it succeeds; null for none ({@code 204}). */
    JsonNode result(ActionContext context);
}
