package io.asyncops.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading request bodies the way ARM does: wrong shapes are {@code 400 InvalidRequestContent}, never a 500. */
public final class Bodies {
    private Bodies() {
    }

    /** The body as an object; a missing or non-object body is refused. */
    public static JsonNode object(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw Errors.invalidContent("the request body is required.");
        }
        if (!body.isObject()) {
            throw Errors.invalidContent("the request body must be a JSON object.");
        }
        return body;
    }

    /** {@code node.field} as an object, or a missing node when absent or null. */
    public static JsonNode child(JsonNode node, String field, String path) {
        JsonNode child = node.path(field);
        if (child.isMissingNode() || child.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!child.isObject()) {
            throw Errors.invalidContent("'" + path + "' must be an object.");
        }
        return child;
    }

    /** {@code node.field} as text, null when absent or null; anything but a string is refused. */
    public static String text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Errors.invalidContent("'" + path + "' must be a string.");
        }
        return value.textValue();
    }

    /** {@code node.field} as an integer number (JSON number or numeric string, as older api-versions send), or null. */
    public static Long integer(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw Errors.invalidValue(path, "'" + value.textValue() + "' is not a whole number.");
            }
        }
        throw Errors.invalidContent("'" + path + "' must be a whole number.");
    }

    /** A new input holding the body's {@code location} and {@code tags} when it has them (as the core checked them). */
    public static com.fasterxml.jackson.databind.node.ObjectNode envelopeOf(JsonNode body) {
        com.fasterxml.jackson.databind.node.ObjectNode input = io.asyncops.protocol.Json.mapper().createObjectNode();
        for (String field : new String[] {"location", "tags"}) {
            if (body.has(field)) {
                input.set(field, body.get(field));
            }
        }
        return input;
    }
}
