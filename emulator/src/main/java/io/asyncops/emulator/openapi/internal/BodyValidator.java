package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks a request body against its compiled schema, as ARM's front door does, and returns what may be stored:
 * required members present, JSON types right, enums (any string when {@code x-ms-enum.modelAsString}), patterns,
 * lengths, ranges and item counts kept; {@code readOnly} members dropped (clients send back what they read); members
 * the schema does not know dropped unless it allows additional ones. On an update, a create-only member
 * ({@code x-ms-mutability: [create, read]}) may only repeat its stored value. The first violation is a
 * {@link SpecViolation} naming the member's path ({@code properties.sku.name}, {@code rules[2].name}).
 */
public final class BodyValidator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BodyValidator() {
    }

    /**
     * The checked body.
     *
     * @param existing the stored body on an update (PUT over an existing resource, or PATCH), null on a create
     * @param patch    whether {@code body} is a PATCH (only what it names changes)
     */
    public static JsonNode check(JsonNode body, Schema schema, JsonNode existing, boolean patch) {
        if (body == null || body.isMissingNode()) {
            throw new SpecViolation("InvalidRequestContent", "The request content was invalid: a body is required.",
                    null);
        }
        return value(body, schema, existing, "", patch);
    }

    private static JsonNode value(JsonNode value, Schema schema, JsonNode existing, String path, boolean patch) {
        if (value.isNull()) {
            return value; // ARM bodies use null to clear (PATCH) or as "not set"
        }
        if (schema.discriminator != null && value.isObject() && value.get(schema.discriminator) != null) {
            schema = schema.forDiscriminatorValue(value.get(schema.discriminator).asText());
        }
        return switch (schema.kind) {
            case OBJECT -> object(value, schema, existing, path, patch);
            case ARRAY -> array(value, schema, path, patch);
            case STRING -> string(value, schema, path);
            case INTEGER, NUMBER -> number(value, schema, path);
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw typeError(path, "a boolean", value);
                }
                yield value;
            }
            case ANY -> value;
        };
    }

    private static JsonNode object(JsonNode value, Schema schema, JsonNode existing, String path, boolean patch) {
        if (!value.isObject()) {
            throw typeError(path, "an object", value);
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            Schema.Property property = schema.properties.get(name);
            String at = path.isEmpty() ? name : path + "." + name;
            if (property == null) {
                if (schema.additionalAllowed) {
                    out.set(name, schema.additionalProperties == null ? member.getValue()
                            : value(member.getValue(), schema.additionalProperties, null, at, patch));
                }
                continue;
            }
            if (property.ignoredOnInput()) {
                continue;
            }
            JsonNode before = existing == null ? null : existing.get(name);
            if (existing != null && property.createOnly() && !member.getValue().equals(before)) {
                throw new SpecViolation("PropertyChangeNotAllowed", "Changing property '" + at + "' is not allowed:"
                        + " it is set when the resource is created" + (before == null ? "." : " (it is " + before
                        + ")."), at);
            }
            out.set(name, value(member.getValue(), property.schema(), before, at, patch));
        }
        if (!patch) {
            for (String name : schema.required) {
                Schema.Property property = schema.properties.get(name);
                if (property != null && property.ignoredOnInput()) {
                    continue;
                }
                JsonNode v = value.get(name);
                if (v == null || v.isNull()) {
                    String at = path.isEmpty() ? name : path + "." + name;
                    throw new SpecViolation("MissingRequiredProperty", "The property '" + at + "' is required.", at);
                }
            }
        }
        return out;
    }

    private static JsonNode array(JsonNode value, Schema schema, String path, boolean patch) {
        if (!value.isArray()) {
            throw typeError(path, "an array", value);
        }
        if (schema.minItems != null && value.size() < schema.minItems) {
            throw invalid(path, "must have at least " + schema.minItems + " items, it has " + value.size());
        }
        if (schema.maxItems != null && value.size() > schema.maxItems) {
            throw invalid(path, "must have at most " + schema.maxItems + " items, it has " + value.size());
        }
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            // a PATCH's array replaces the stored one whole, so its items are checked in full
            out.add(schema.items == null ? item : value(item, schema.items, null, path + "[" + i + "]", false));
        }
        return out;
    }

    private static JsonNode string(JsonNode value, Schema schema, String path) {
        if (!value.isTextual()) {
            throw typeError(path, "a string", value);
        }
        String text = value.asText();
        if (schema.enumValues != null && !schema.modelAsString && !schema.enumValues.contains(text)) {
            // ARM's deserializers take enum values without regard to case
            String known = schema.enumValues.stream().filter(e -> e.equalsIgnoreCase(text)).findFirst().orElse(null);
            if (known == null) {
                throw invalid(path, "'" + text + "' is not one of " + String.join(", ", schema.enumValues));
            }
            return NODES.textNode(known); // stored as the spec spells it
        }
        if (schema.minLength != null && text.length() < schema.minLength) {
            throw invalid(path, "must have at least " + schema.minLength + " characters");
        }
        if (schema.maxLength != null && text.length() > schema.maxLength) {
            throw invalid(path, "must have at most " + schema.maxLength + " characters");
        }
        if (schema.pattern != null && !schema.pattern.matcher(text).find()) {
            throw invalid(path, "'" + text + "' does not match the pattern " + schema.pattern.pattern());
        }
        return value;
    }

    private static JsonNode number(JsonNode value, Schema schema, String path) {
        boolean integer = schema.kind == Schema.Kind.INTEGER;
        if (!value.isNumber() || (integer && !value.canConvertToExactIntegral())) {
            throw typeError(path, integer ? "an integer" : "a number", value);
        }
        double v = value.asDouble();
        if (schema.minimum != null && (schema.exclusiveMinimum ? v <= schema.minimum : v < schema.minimum)) {
            throw invalid(path, "must be " + (schema.exclusiveMinimum ? "above " : "at least ")
                    + format(schema.minimum));
        }
        if (schema.maximum != null && (schema.exclusiveMaximum ? v >= schema.maximum : v > schema.maximum)) {
            throw invalid(path, "must be " + (schema.exclusiveMaximum ? "below " : "at most ")
                    + format(schema.maximum));
        }
        return value;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static SpecViolation typeError(String path, String expected, JsonNode found) {
        String what = path.isEmpty() ? "The request body" : "The property '" + path + "'";
        return new SpecViolation("InvalidRequestContent", what + " must be " + expected + ", not "
                + found.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".", path.isEmpty() ? null : path);
    }

    private static SpecViolation invalid(String path, String why) {
        return new SpecViolation("InvalidParameter", "The value of the property '" + path + "' is invalid: " + why
                + ".", path);
    }
}
