package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.ActionRequest;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceAction;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An action of a spec ({@code listKeys}, {@code failover}, a provider's {@code skus}, ...), per api-version: its
 * body is checked against the schema of the request's api-version; its result is a complete, deterministic value of
 * that version's response schema derived from the resource it acts on (the same on every call), or nothing when the
 * spec declares no body. Subclasses give real answers where the meaning is plain.
 */
public class SpecAction implements ResourceAction {
    private final ByVersion<SpecOperation> operations;
    private final String namespace;

    public SpecAction(ByVersion<SpecOperation> operations, String namespace) {
        this.operations = operations;
        this.namespace = namespace;
    }

    /** The spec's operation for {@code apiVersion} (null: the newest). */
    public final SpecOperation operation(String apiVersion) {
        return operations.pick(apiVersion);
    }

    /** The provider namespace, as the spec spells it. */
    final String namespace() {
        return namespace;
    }

    @Override
    public ObjectNode input(ActionRequest request) {
        SpecOperation op = operation(request.caller().apiVersion());
        checkPath(request, op);
        ObjectNode input = ResourceAction.super.input(request);
        if (op.body() != null && (op.bodyRequired() || !input.isEmpty())) {
            try {
                JsonNode checked = BodyValidator.check(input, op.body(), null, false);
                return checked instanceof ObjectNode o ? o : input;
            } catch (SpecViolation v) {
                throw SpecHooks.error(v, op);
            }
        }
        return input;
    }

    /** The path's values against their parameters' enums ({@code operationKind}: add, replace or remove). */
    private static void checkPath(ActionRequest request, SpecOperation op) {
        for (SpecOperation.PathParameter p : op.pathParameters()) {
            List<String> values = p.schema().enumValues();
            String value = request.path().get(p.name());
            if (value == null || values.isEmpty() || p.schema().modelAsString()
                    || values.stream().anyMatch(value::equalsIgnoreCase)) {
                continue;
            }
            throw new AzureException(400, "InvalidParameter", "The value '" + value + "' of the parameter '"
                    + p.name() + "' is invalid: it is not one of " + String.join(", ", values) + ".",
                    op.errorsHaveTarget() ? p.name() : null);
        }
    }

    @Override
    public JsonNode result(ActionContext context) {
        Schema schema = operation(context.apiVersion()).resultSchema();
        return schema == null ? null : onePage(context, Plausible.value(schema, null, seed(context)));
    }

    /** {@code value} without a next link: every answer is one page. */
    final JsonNode onePage(ActionContext context, JsonNode value) {
        SpecOperation.Pageable paging = operation(context.apiVersion()).pageable();
        if (paging != null && paging.nextLinkName() != null && value instanceof ObjectNode o) {
            o.remove(paging.nextLinkName());
        }
        return value;
    }

    /** What generated values derive from: the target, or the provider in the caller's subscription. */
    final Seed seed(ActionContext context) {
        Resource target = context.target();
        if (target == null) {
            return new Seed("/subscriptions/" + context.path().getOrDefault("subscriptionId", "") + "/providers/"
                    + namespace, namespace.toLowerCase(Locale.ROOT), namespace, context.path().get("location"),
                    Instant.EPOCH, "Succeeded", 0);
        }
        return new Seed(target.id(), target.name(), namespace, target.location(), target.createdAt(),
                target.provisioningState(), Stash.generation(target.body()));
    }
}
