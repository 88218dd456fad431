package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles spec schemas into {@link Schema}s, once per declaration ({@code file#pointer}), so shared definitions
 * and recursive ones are one object. Polymorphic bases ({@code discriminator}) learn their subtypes from the
 * definitions of every document that extends them with {@code allOf}.
 */
final class SchemaCompiler {
    private final Documents documents;
    private final Map<String, Schema> compiled = new HashMap<>();
    private final List<Schema> polymorphic = new ArrayList<>();

    SchemaCompiler(Documents documents) {
        this.documents = documents;
    }

    /** The compiled schema of a schema node (following its {@code $ref}s). */
    Schema compile(Node node) {
        Node target = documents.deref(node);
        if (!target.json().isObject()) {
            throw target.error(null, "a schema must be a JSON object, found " + target.json().getNodeType());
        }
        String key = target.location();
        Schema schema = compiled.get(key);
        if (schema != null) {
            return schema;
        }
        schema = new Schema(key);
        compiled.put(key, schema);
        fill(schema, target);
        return schema;
    }

    private void fill(Schema s, Node node) {
        s.name = definitionName(node.pointer());
        String type = node.text("type");
        s.format = node.text("format");
        s.readOnly = node.flag("readOnly");
        s.secret = node.flag("x-ms-secret");
        s.azureResource = node.flag("x-ms-azure-resource");
        s.discriminator = node.text("discriminator");
        s.discriminatorValue = node.text("x-ms-discriminator-value");
        if (s.discriminatorValue == null && s.name != null) {
            s.discriminatorValue = s.name;
        }
        Node allOf = node.member("allOf");
        if (allOf != null) {
            if (!allOf.json().isArray()) {
                throw node.error("allOf", "allOf must be an array");
            }
            for (int i = 0; i < allOf.json().size(); i++) {
                Schema parent = compile(allOf.element(i));
                s.properties.putAll(parent.properties);
                s.required.addAll(parent.required);
                if (parent.additionalAllowed) {
                    s.additionalAllowed = true;
                    s.additionalProperties = parent.additionalProperties;
                }
                if (s.discriminator == null && parent.discriminator != null) {
                    s.discriminator = parent.discriminator;
                }
                s.azureResource |= parent.azureResource;
            }
        }
        Node properties = node.member("properties");
        if (properties != null) {
            if (!properties.json().isObject()) {
                throw node.error("properties", "properties must be an object");
            }
            for (var names = properties.json().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                s.properties.put(name, property(name, properties.member(name)));
            }
        }
        JsonNode required = node.json().get("required");
        if (required != null && !(required.isBoolean() && node.json().has("in"))) {
            // a path parameter compiled as a schema has "required": true, a parameter's own mark
            if (!required.isArray()) {
                throw node.error("required", "required must be an array of property names");
            }
            required.forEach(r -> s.required.add(r.asText()));
        }
        Node additional = node.member("additionalProperties");
        if (additional != null) {
            if (additional.json().isBoolean()) {
                s.additionalAllowed = additional.json().asBoolean();
            } else {
                s.additionalAllowed = true;
                s.additionalProperties = compile(additional);
            }
        }
        Node items = node.member("items");
        if (items != null) {
            s.items = compile(items);
        }
        enumeration(s, node);
        constraints(s, node);
        s.kind = kind(type, s, node);
        if (s.discriminator != null && node.json().has("discriminator")) {
            polymorphic.add(s);
        }
    }

    private Schema.Property property(String name, Node declaration) {
        Schema schema = compile(declaration);
        boolean readOnly = declaration.flag("readOnly") || schema.readOnly;
        boolean secret = declaration.flag("x-ms-secret") || schema.secret;
        Set<String> mutability = null;
        JsonNode marks = declaration.json().get("x-ms-mutability");
        if (marks != null) {
            if (!marks.isArray()) {
                throw declaration.error("x-ms-mutability", "x-ms-mutability must be an array of create/read/update");
            }
            mutability = new LinkedHashSet<>();
            for (JsonNode m : marks) {
                mutability.add(m.asText().toLowerCase(Locale.ROOT));
            }
            mutability = Set.copyOf(mutability);
        }
        return new Schema.Property(name, schema, readOnly, secret, mutability);
    }

    private static void enumeration(Schema s, Node node) {
        JsonNode values = node.json().get("enum");
        if (values == null) {
            return;
        }
        if (!values.isArray()) {
            throw node.error("enum", "enum must be an array");
        }
        List<String> list = new ArrayList<>();
        values.forEach(v -> list.add(v.asText()));
        s.enumValues = List.copyOf(list);
        JsonNode xmsEnum = node.json().get("x-ms-enum");
        s.modelAsString = xmsEnum != null && xmsEnum.path("modelAsString").asBoolean(false);
    }

    private static void constraints(Schema s, Node node) {
        String pattern = node.text("pattern");
        if (pattern != null) {
            try {
                s.pattern = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw node.error("pattern", "invalid regular expression: " + e.getDescription());
            }
        }
        s.minLength = integer(node, "minLength");
        s.maxLength = integer(node, "maxLength");
        s.minItems = integer(node, "minItems");
        s.maxItems = integer(node, "maxItems");
        s.minimum = number(node, "minimum");
        s.maximum = number(node, "maximum");
        s.exclusiveMinimum = node.flag("exclusiveMinimum");
        s.exclusiveMaximum = node.flag("exclusiveMaximum");
    }

    private static Schema.Kind kind(String type, Schema s, Node node) {
        if (type == null) {
            if (!s.properties.isEmpty() || s.additionalAllowed || node.json().has("allOf")) {
                return Schema.Kind.OBJECT;
            }
            if (s.items != null) {
                return Schema.Kind.ARRAY;
            }
            return s.enumValues != null ? Schema.Kind.STRING : Schema.Kind.ANY;
        }
        return switch (type) {
            case "object" -> Schema.Kind.OBJECT;
            case "array" -> Schema.Kind.ARRAY;
            case "string", "file" -> Schema.Kind.STRING;
            case "integer" -> Schema.Kind.INTEGER;
            case "number" -> Schema.Kind.NUMBER;
            case "boolean" -> Schema.Kind.BOOLEAN;
            default -> throw node.error("type", "unknown type '" + type + "'");
        };
    }

    private static Integer integer(Node node, String name) {
        JsonNode v = node.json().get(name);
        if (v == null) {
            return null;
        }
        if (!v.canConvertToInt()) {
            throw node.error(name, name + " must be an integer");
        }
        return v.asInt();
    }

    private static Double number(Node node, String name) {
        JsonNode v = node.json().get(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw node.error(name, name + " must be a number");
        }
        return v.asDouble();
    }

    /** {@code Foo} for {@code /definitions/Foo}, else null. */
    private static String definitionName(String pointer) {
        if (pointer.startsWith("/definitions/") && pointer.indexOf('/', "/definitions/".length()) < 0) {
            return pointer.substring("/definitions/".length()).replace("~1", "/").replace("~0", "~");
        }
        return null;
    }

    /**
     * Gives each polymorphic base its subtypes: the definitions of {@code root} that extend it through
     * {@code allOf}, keyed by {@code x-ms-discriminator-value} (or their name).
     */
    void collectSubtypes(Node root) {
        Node definitions = root.member("definitions");
        if (definitions == null || polymorphic.isEmpty()) {
            return;
        }
        for (var names = definitions.json().fieldNames(); names.hasNext(); ) {
            Node def = definitions.member(names.next());
            JsonNode allOf = def.json().get("allOf");
            if (allOf == null || !allOf.isArray()) {
                continue;
            }
            for (int i = 0; i < allOf.size(); i++) {
                Node parent = documents.deref(def.member("allOf").element(i));
                Schema base = compiled.get(parent.location());
                if (base != null && base.discriminator != null && parent.json().has("discriminator")) {
                    Schema sub = compile(def);
                    base.subtypes.putIfAbsent(sub.discriminatorValue, sub);
                }
            }
        }
    }
}
