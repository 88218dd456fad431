package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.ActionRequest;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceAction;
import java.time.Instant;

/**
 * A POST action of a spec ({@code listKeys}, {@code regenerateKey}, {@code failover}, ...): its body is checked
 * against the spec's schema; its result is a complete, deterministic value of the response schema derived from the
 * resource it acts on (keys stay the same between calls), or nothing when the spec declares no body.
 */
public class SpecAction implements ResourceAction {
    private final SpecOperation operation;
    private final String namespace;

    public SpecAction(SpecOperation operation, String namespace) {
        this.operation = operation;
        this.namespace = namespace;
    }

    /** The spec's operation. */
    public final SpecOperation operation() {
        return operation;
    }

    @Override
    public ObjectNode input(ActionRequest request) {
        ObjectNode input = ResourceAction.super.input(request);
        if (operation.body() != null && (operation.bodyRequired() || !input.isEmpty())) {
            try {
                JsonNode checked = BodyValidator.check(input, operation.body(), null, false);
                return checked instanceof ObjectNode o ? o : input;
            } catch (SpecViolation v) {
                throw SpecHooks.error(v, operation);
            }
        }
        return input;
    }

    @Override
    public JsonNode result(ActionContext context) {
        Schema schema = operation.resultSchema();
        if (schema == null) {
            return null;
        }
        Resource target = context.target();
        Seed seed = target == null
                ? new Seed("/subscriptions/" + context.path().getOrDefault("subscriptionId", "") + "/providers/"
                        + namespace, namespace.toLowerCase(java.util.Locale.ROOT), namespace, null, Instant.EPOCH,
                        "Succeeded", 0)
                : new Seed(target.id(), target.name(), namespace, target.location(), target.createdAt(),
                        target.provisioningState(), 0);
        JsonNode value = Plausible.value(schema, null, seed);
        SpecOperation.Pageable paging = operation.pageable();
        if (paging != null && paging.nextLinkName() != null && value instanceof ObjectNode o) {
            o.remove(paging.nextLinkName()); // one page: no next link
        }
        return value;
    }
}
