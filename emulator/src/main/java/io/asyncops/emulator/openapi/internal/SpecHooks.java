package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceHooks;
import io.asyncops.emulator.WriteRequest;
import java.time.Instant;

/**
 * The behaviour of a spec-loaded type: bodies checked against the PUT or PATCH schema of the request's api-version
 * (violations are {@code 400} naming the property), create-only properties kept, provider-set members filled once
 * when written, answers shaped by the GET schema of the request's api-version with the provisioning state in the
 * schema's own words, the {@link Stash} carried over and never shown; soft delete as {@link SoftDeleteRules} says.
 * Schemas are compiled at load time, so a request only walks its body.
 */
public final class SpecHooks implements ResourceHooks {
    private final String namespace;
    private final ByVersion<SpecOperation> puts;
    private final ByVersion<SpecOperation> patches;
    private final ByVersion<Schema> shapes;
    private final SoftDeleteRules softDelete;

    /**
     * @param puts       the type's PUT per api-version (empty when it has none)
     * @param patches    the type's PATCH per api-version
     * @param shapes     the GET answer's schema per api-version (the PUT answer's where there is no GET)
     * @param softDelete the rules of its soft delete, null when it has none
     */
    public SpecHooks(String namespace, ByVersion<SpecOperation> puts, ByVersion<SpecOperation> patches,
                     ByVersion<Schema> shapes, SoftDeleteRules softDelete) {
        this.namespace = namespace;
        this.puts = puts;
        this.patches = patches;
        this.shapes = shapes;
        this.softDelete = softDelete;
    }

    private SpecOperation operation(WriteRequest request) {
        return (request.isPatch() ? patches : puts).pick(request.caller().apiVersion());
    }

    @Override
    public ObjectNode normalize(WriteRequest request) {
        SpecOperation op = operation(request);
        if (op == null || op.body() == null) {
            return Stash.without(ResourceHooks.super.normalize(request));
        }
        try {
            JsonNode checked = BodyValidator.check(Stash.without(request.body()), op.body(), null,
                    request.isPatch());
            return checked instanceof ObjectNode o ? o : request.body().objectNode();
        } catch (SpecViolation v) {
            throw error(v, op);
        }
    }

    @Override
    public void check(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
        SpecOperation op = operation(request);
        if (existing == null || op == null || op.body() == null) {
            return;
        }
        try {
            BodyValidator.check(input, op.body(), existing.body(), true);
        } catch (SpecViolation v) {
            throw error(v, op);
        }
    }

    @Override
    public ObjectNode desired(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
        ObjectNode body = ResourceHooks.super.desired(request, input, existing, parent);
        if (existing != null && !request.isPatch()) {
            Stash.carry(existing.body(), body); // a PUT replaces what the client sees, not what it never sees
        }
        Instant created = existing == null ? request.now() : existing.createdAt();
        Schema shape = shapes.pick(request.caller().apiVersion());
        if (shape != null) {
            String location = body.path("location").asText(existing == null ? null : existing.location());
            Projection.fillDefaults(body, shape, new Seed(request.id(), request.name(), namespace, location,
                    created, "Succeeded", 0));
        }
        ObjectNode systemData = body.putObject("systemData");
        String who = request.caller().owner() == null ? "asyncops" : request.caller().owner();
        JsonNode before = existing == null ? null : existing.body().get("systemData");
        systemData.put("createdBy", before != null ? before.path("createdBy").asText(who) : who);
        systemData.put("createdByType", "Application");
        systemData.put("createdAt", created.toString());
        systemData.put("lastModifiedBy", who);
        systemData.put("lastModifiedByType", "Application");
        systemData.put("lastModifiedAt", request.now().toString());
        return body;
    }

    /** A resource that exists with its parent: the defaults of a new one, with the parent's SKU where it shows one. */
    @Override
    public ObjectNode initial(WriteRequest request, Resource parent) {
        ObjectNode body = desired(request, request.body(), null, parent);
        Schema shape = shapes.newest();
        Schema.Property sku = shape == null ? null : shape.property("sku");
        if (sku != null && sku.readOnly() && parent.body().has("sku")) {
            body.set("sku", parent.body().get("sku"));
        }
        return body;
    }

    @Override
    public ObjectNode render(Resource r) {
        return render(r, null);
    }

    @Override
    public ObjectNode render(Resource r, String apiVersion) {
        Schema shape = shapes.pick(apiVersion);
        ObjectNode body = Stash.without(r.body());
        if (shape == null) {
            return body;
        }
        return Projection.render(body, shape, seed(r), r.provisioningState());
    }

    @Override
    public ObjectNode softDeleted(Resource resource, Instant now) {
        return softDelete == null ? null : softDelete.record(resource, now);
    }

    @Override
    public boolean recovers(WriteRequest request, ObjectNode input) {
        return softDelete != null && SoftDeleteRules.recovers(input);
    }

    @Override
    public ObjectNode recovered(WriteRequest request, ObjectNode input, Resource deleted) {
        return SoftDeleteRules.recovered(input, deleted);
    }

    @Override
    public AzureException deletedNameTaken(WriteRequest request, Resource deleted) {
        return new AzureException(409, "ConflictError", "A " + request.type().type() + " named '" + request.name()
                + "' already exists in the deleted state. Recover it (properties.createMode: recover) or purge it"
                + " before creating one of that name.");
    }

    Seed seed(Resource r) {
        return new Seed(r.id(), r.name(), namespace, r.location(), r.createdAt(), r.provisioningState(),
                Stash.generation(r.body()));
    }

    /** The violation as ARM's 400, naming the property in {@code target} where the spec's error schema has one. */
    static AzureException error(SpecViolation v, SpecOperation op) {
        return new AzureException(400, v.code(), v.getMessage(), op == null || op.errorsHaveTarget() ? v.target()
                : null);
    }
}
