package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values a real provider would show, generated from a schema and a {@link Seed}: valid against the schema and the
 * same on every call. Strings follow their member's name and format (an endpoint is a URL on the provider's host,
 * a key is 88 Base64 characters, a time is the creation time, an id a UUID); enums take a healthy value
 * ({@code Succeeded}, {@code Available}, ...) or the first; numbers their minimum or 0.
 */
public final class Plausible {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> HEALTHY = List.of("Succeeded", "Available", "Enabled", "Online", "Ready",
            "Active", "Healthy", "Approved", "Running");
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "canceled", "cancelled");
    /** Generated objects stop nesting here (schemas may be recursive). */
    private static final int MAX_DEPTH = 6;

    private Plausible() {
    }

    /** A complete value: objects with every member (secrets too: action results such as keys), arrays of two. */
    public static JsonNode value(Schema schema, String member, Seed seed) {
        return generate(schema, member, seed, 0, 0, false, new HashSet<>());
    }

    /**
     * @param index    the position of the value's nearest array item (keys of a list are key1, key2)
     * @param endpoint whether the value is inside an endpoint object (its strings are URLs)
     */
    private static JsonNode generate(Schema schema, String member, Seed seed, int index, int depth,
                                     boolean endpoint, Set<Schema> open) {
        return switch (schema.kind) {
            case OBJECT -> object(schema, member, seed, index, depth, endpoint, open);
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                if (schema.items != null && depth < MAX_DEPTH && !open.contains(schema.items)) {
                    int n = Math.max(2, schema.minItems == null ? 0 : schema.minItems);
                    for (int i = 0; i < n; i++) {
                        array.add(generate(schema.items, member, seed, i, depth + 1, endpoint, open));
                    }
                }
                yield array;
            }
            case STRING -> NODES.textNode(endpoint && schema.enumValues == null && schema.format == null
                    ? seed.url(member) : string(schema, member, seed, index));
            case INTEGER -> NODES.numberNode(schema.minimum == null ? 0L : (long) Math.ceil(schema.minimum));
            case NUMBER -> NODES.numberNode(schema.minimum == null ? 0.0 : schema.minimum);
            case BOOLEAN -> NODES.booleanNode(false);
            case ANY -> NODES.objectNode();
        };
    }

    private static ObjectNode object(Schema schema, String member, Seed seed, int index, int depth,
                                     boolean endpoint, Set<Schema> open) {
        ObjectNode out = NODES.objectNode();
        if (depth >= MAX_DEPTH || !open.add(schema)) {
            return out;
        }
        boolean endpoints = endpoint || (member != null && member.toLowerCase(Locale.ROOT).contains("endpoint"));
        for (Schema.Property p : schema.properties.values()) {
            if (open.contains(p.schema()) && !schema.required.contains(p.name())) {
                continue;
            }
            out.set(p.name(), generate(p.schema(), p.name(), seed, index, depth + 1, endpoints, open));
        }
        open.remove(schema);
        return out;
    }

    /** A string for member {@code member}: see the class comment. */
    static String string(Schema schema, String member, Seed seed, int index) {
        String n = member == null ? "" : member.toLowerCase(Locale.ROOT);
        if (!schema.enumValues().isEmpty()) {
            return n.equals("provisioningstate") ? state(seed.state(), schema) : healthy(schema.enumValues());
        }
        if (n.equals("provisioningstate")) {
            return seed.state();
        }
        String format = schema.format == null ? "" : schema.format.toLowerCase(Locale.ROOT);
        if (format.equals("date-time") || format.equals("date-time-rfc1123") || n.endsWith("time")
                || n.endsWith("date") || n.endsWith("timestamp") || n.equals("lastmodified")) {
            return seed.createdAt().toString();
        }
        if (format.equals("date")) {
            return seed.createdAt().toString().substring(0, 10);
        }
        if (format.equals("uuid") || n.endsWith("tenantid") || n.endsWith("principalid") || n.endsWith("objectid")
                || n.endsWith("clientid")) {
            return seed.uuid(n + index).toString();
        }
        if (format.equals("uri") || format.equals("url") || n.contains("endpoint") || n.endsWith("uri")
                || n.endsWith("url")) {
            return seed.url(member);
        }
        if (n.equals("keyname")) {
            return "key" + (index + 1);
        }
        if (n.equals("connectionstring")) {
            return "Endpoint=" + seed.url("endpoint") + ";Id=" + seed.uuid("id" + index).toString().substring(0, 8)
                    + ";Secret=" + seed.key("secret" + index);
        }
        if (n.equals("value") || n.endsWith("key") || n.contains("password") || n.contains("secret")
                || n.contains("token") || n.endsWith("sas")) {
            return seed.key(n + index);
        }
        if (n.equals("id")) {
            return index == 0 ? seed.id() : seed.id() + "/" + index;
        }
        if (n.equals("name")) {
            return index == 0 ? seed.name() : seed.name() + "-" + (index + 1);
        }
        if (n.contains("location") || n.contains("region")) {
            return seed.location() == null ? "westus" : seed.location();
        }
        String text = seed.name();
        if (schema.minLength != null && text.length() < schema.minLength) {
            text = text + "0".repeat(schema.minLength - text.length());
        }
        if (schema.maxLength != null && text.length() > schema.maxLength) {
            text = text.substring(0, schema.maxLength);
        }
        return text;
    }

    /** A provisioning state the schema accepts: the state itself, or the closest value its enum allows. */
    public static String state(String state, Schema schema) {
        List<String> values = schema.enumValues();
        if (values.isEmpty() || schema.modelAsString) {
            return state;
        }
        for (String v : values) {
            if (v.equalsIgnoreCase(state)) {
                return v;
            }
        }
        boolean terminal = TERMINAL.contains(state.toLowerCase(Locale.ROOT));
        for (String v : values) {
            boolean vTerminal = TERMINAL.contains(v.toLowerCase(Locale.ROOT));
            if (!terminal && !vTerminal) {
                return v; // e.g. Storage has Creating and ResolvingDNS only: Updating shows as Creating
            }
        }
        return healthy(values);
    }

    private static String healthy(List<String> values) {
        for (String preferred : HEALTHY) {
            for (String v : values) {
                if (v.equalsIgnoreCase(preferred)) {
                    return v;
                }
            }
        }
        return values.get(0);
    }
}
