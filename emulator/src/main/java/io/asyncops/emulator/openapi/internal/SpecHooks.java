package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceHooks;
import io.asyncops.emulator.WriteRequest;
import java.time.Instant;

/**
 * The behaviour of a spec-loaded type: bodies checked against the PUT or PATCH schema (violations are {@code 400}
 * naming the property), create-only properties kept, provider-set members filled once when written, answers shaped
 * by the GET schema with the provisioning state in the schema's own words. Schemas are compiled at load time, so a
 * request only walks its body.
 */
public final class SpecHooks implements ResourceHooks {
    private final String namespace;
    private final SpecOperation put;
    private final SpecOperation patch;
    private final Schema putBody;
    private final Schema patchBody;
    private final Schema resource;

    /**
     * @param put      the type's PUT (null when it has none)
     * @param patch    the type's PATCH (null when it has none)
     * @param resource the GET answer's schema (falls back to the PUT answer's)
     */
    public SpecHooks(String namespace, SpecOperation put, SpecOperation patch, Schema resource) {
        this.namespace = namespace;
        this.put = put;
        this.patch = patch;
        this.putBody = put == null ? null : put.body();
        this.patchBody = patch == null ? null : patch.body();
        this.resource = resource;
    }

    @Override
    public ObjectNode normalize(WriteRequest request) {
        Schema schema = request.isPatch() ? patchBody : putBody;
        if (schema == null) {
            return ResourceHooks.super.normalize(request);
        }
        try {
            JsonNode checked = BodyValidator.check(request.body(), schema, null, request.isPatch());
            return checked instanceof ObjectNode o ? o : request.body().objectNode();
        } catch (SpecViolation v) {
            throw error(v, request.isPatch() ? patch : put);
        }
    }

    @Override
    public void check(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
        Schema schema = request.isPatch() ? patchBody : putBody;
        if (existing == null || schema == null) {
            return;
        }
        try {
            BodyValidator.check(input, schema, existing.body(), true);
        } catch (SpecViolation v) {
            throw error(v, request.isPatch() ? patch : put);
        }
    }

    @Override
    public ObjectNode desired(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
        ObjectNode body = ResourceHooks.super.desired(request, input, existing, parent);
        Instant created = existing == null ? request.now() : existing.createdAt();
        if (resource != null) {
            String location = body.path("location").asText(existing == null ? null : existing.location());
            Projection.fillDefaults(body, resource, new Seed(request.id(), request.name(), namespace, location,
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

    @Override
    public ObjectNode render(Resource r) {
        if (resource == null) {
            return r.body();
        }
        return Projection.render(r.body(), resource, seed(r), r.provisioningState());
    }

    Seed seed(Resource r) {
        return new Seed(r.id(), r.name(), namespace, r.location(), r.createdAt(), r.provisioningState(), 0);
    }

    /** The violation as ARM's 400, naming the property in {@code target} where the spec's error schema has one. */
    static AzureException error(SpecViolation v, SpecOperation op) {
        return new AzureException(400, v.code(), v.getMessage(), op == null || op.errorsHaveTarget() ? v.target()
                : null);
    }
}
