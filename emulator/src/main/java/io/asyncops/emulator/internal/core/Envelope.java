package io.asyncops.emulator.internal.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceType;
import io.asyncops.protocol.Json;
import java.util.Map;
import java.util.Set;

/** The parts of a body the core owns: {@code id}, {@code name}, {@code type}, {@code location}, {@code tags}. */
public final class Envelope {
    private static final Set<String> OWNED = Set.of("id", "name", "type", "location", "tags");

    private Envelope() {
    }

    /**
     * {@code body} with the envelope first: {@code id}, {@code name}, {@code type}, then for a tracked type
     * {@code location} and {@code tags} ({@code {}} when the body has none), then the body's other members (a type
     * that is not tracked keeps {@code tags} only when its body has them).
     */
    public static ObjectNode wrap(ResourceType type, String id, String name, String location, ObjectNode body) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("id", id);
        out.put("name", name);
        out.put("type", type.type());
        if (type.tracked()) {
            out.put("location", location);
            JsonNode tags = body.get("tags");
            out.set("tags", tags != null && tags.isObject() ? tags : Json.mapper().createObjectNode());
        }
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!OWNED.contains(e.getKey()) || (!type.tracked() && e.getKey().equals("tags"))) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /**
     * The body of an answer about {@code resource}: the type's {@code render} hook, then
     * {@code properties.provisioningState} and {@code etag} where the description shows them.
     */
    public static ObjectNode render(ResourceType type, Resource resource) {
        ObjectNode body = type.hooks().render(resource);
        if (type.provisioningStateInBody()) {
            body.withObjectProperty("properties").put("provisioningState", resource.provisioningState());
        }
        if (type.etagInBody()) {
            body.put("etag", quoted(resource.etag()));
        }
        return body;
    }

    /** An etag as headers carry it: {@code "value"}. */
    public static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
