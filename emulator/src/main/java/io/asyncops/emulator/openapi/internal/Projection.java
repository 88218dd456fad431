package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shapes resources by their response schema. {@link #fillDefaults} adds, once when a resource is written, what the
 * provider would have set (read-only members such as {@code primaryEndpoints}, {@code creationTime},
 * {@code endpoint}, and endpoint URLs such as {@code vaultUri} the client left out), so they stay the same on every
 * read. {@link #render} answers: the stored body cut to what the schema declares (a response never carries a member
 * its spec does not know), required members the body lacks generated, {@code x-ms-secret} members never shown, the
 * provisioning state in the schema's own vocabulary.
 */
public final class Projection {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The envelope's members: the core or {@link #render} sets them, never the defaults. */
    private static final Set<String> ENVELOPE = Set.of("id", "name", "type", "etag", "systemData", "location", "tags",
            "provisioningState");

    private Projection() {
    }

    /** Adds the provider-set members {@code body} lacks (top level and {@code properties}). */
    public static void fillDefaults(ObjectNode body, Schema schema, Seed seed) {
        fill(body, schema, seed, 0);
    }

    private static void fill(ObjectNode body, Schema schema, Seed seed, int depth) {
        for (Schema.Property p : schema.properties.values()) {
            String name = p.name();
            JsonNode present = body.get(name);
            if (name.equals("properties") && p.schema().kind == Schema.Kind.OBJECT && depth == 0) {
                ObjectNode inner = present instanceof ObjectNode o ? o : body.putObject("properties");
                fill(inner, p.schema(), seed, depth + 1);
                continue;
            }
            if ((present != null && !present.isNull()) || ENVELOPE.contains(name) || p.secret()) {
                continue;
            }
            Schema s = p.schema();
            boolean endpoint = endpointLike(name);
            if (!p.readOnly() && !(endpoint && s.kind == Schema.Kind.STRING)) {
                continue;
            }
            if (onlyWhenConfigured(name)) {
                continue;
            }
            switch (s.kind) {
                case ARRAY -> body.putArray(name);
                case OBJECT -> {
                    // objects a provider shows on every resource: its endpoints, and per-key times
                    if (endpoint || timesOnly(s)) {
                        JsonNode value = Plausible.value(s, name, seed);
                        if (endpoint && value instanceof ObjectNode o) {
                            // nested endpoint sets (per routing choice) exist only when configured
                            o.properties().removeIf(e -> e.getValue().isContainerNode());
                        }
                        body.set(name, value);
                    }
                }
                case ANY -> { }
                default -> body.set(name, Plausible.value(s, name, seed));
            }
        }
    }

    private static boolean endpointLike(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("endpoint") || n.endsWith("uri") || n.endsWith("url");
    }

    /** An object of date-times only, such as a storage account's {@code keyCreationTime}. */
    private static boolean timesOnly(Schema s) {
        if (s.properties.isEmpty()) {
            return false;
        }
        for (Schema.Property p : s.properties.values()) {
            if (p.schema().kind != Schema.Kind.STRING || !"date-time".equals(p.schema().format)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Read-only members a provider shows only for some configurations (a geo-redundant secondary, a failover):
     * a new resource of the default configuration has none.
     */
    private static boolean onlyWhenConfigured(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("secondary") || n.contains("failover");
    }

    /**
     * The answer for a stored resource.
     *
     * @param state the provisioning state to show where the schema has one ({@code provisioningState} at the top or
     *              in {@code properties}), null to show none
     */
    public static ObjectNode render(ObjectNode stored, Schema schema, Seed seed, String state) {
        JsonNode out = project(stored, schema, seed, 0);
        ObjectNode body = out instanceof ObjectNode o ? o : NODES.objectNode();
        if (state != null) {
            Schema.Property top = schema.properties.get("provisioningState");
            if (top != null) {
                body.put("provisioningState", Plausible.state(state, top.schema()));
            }
            Schema.Property props = schema.properties.get("properties");
            if (props != null && props.schema().properties.containsKey("provisioningState")) {
                ObjectNode inner = body.get("properties") instanceof ObjectNode o ? o : body.putObject("properties");
                inner.put("provisioningState",
                        Plausible.state(state, props.schema().properties.get("provisioningState").schema()));
            }
        }
        return body;
    }

    /** {@code value} cut to what {@code schema} declares, generating required members it lacks. */
    public static JsonNode project(JsonNode value, Schema schema, Seed seed, int depth) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (schema.discriminator != null && value.isObject() && value.get(schema.discriminator) != null) {
            schema = schema.forDiscriminatorValue(value.get(schema.discriminator).asText());
        }
        switch (schema.kind) {
            case OBJECT -> {
                if (!value.isObject()) {
                    return value;
                }
                ObjectNode out = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Schema.Property p = schema.properties.get(e.getKey());
                    if (p != null) {
                        if (!p.secret() && !e.getValue().isNull()) {
                            out.set(e.getKey(), project(e.getValue(), p.schema(), seed, depth + 1));
                        }
                    } else if (schema.additionalAllowed) {
                        out.set(e.getKey(), schema.additionalProperties == null ? e.getValue()
                                : project(e.getValue(), schema.additionalProperties, seed, depth + 1));
                    }
                }
                for (String name : schema.required) {
                    Schema.Property p = schema.properties.get(name);
                    if (p != null && !out.has(name) && !p.secret()) {
                        out.set(name, Plausible.value(p.schema(), name, seed));
                    }
                }
                return out;
            }
            case ARRAY -> {
                if (!value.isArray() || schema.items == null) {
                    return value;
                }
                ArrayNode out = NODES.arrayNode();
                for (JsonNode item : value) {
                    out.add(project(item, schema.items, seed, depth + 1));
                }
                return out;
            }
            default -> {
                return value;
            }
        }
    }
}
