package io.asyncops.emulator.openapi.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Swagger 2.0 schema compiled once at load time: {@code $ref}s followed, {@code allOf} parents merged, patterns
 * compiled, {@code x-ms-*} marks read. Requests are validated and responses shaped against these, never against
 * raw JSON. Filled by {@link SchemaCompiler} (schemas may be recursive, so a schema exists before it is complete);
 * read-only once loading ends.
 */
public final class Schema {
    /** The JSON type a schema accepts; {@code ANY} when the spec leaves it open. */
    public enum Kind { OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, ANY }

    /** A property of an object schema, with the marks its declaration carries (next to a {@code $ref} too). */
    public record Property(String name, Schema schema, boolean readOnly, boolean secret, Set<String> mutability) {
        /** Never accepted from a client: {@code readOnly}, or {@code x-ms-mutability} without create and update. */
        public boolean ignoredOnInput() {
            return readOnly || (mutability != null && !mutability.contains("create") && !mutability.contains("update"));
        }

        /** Settable on create, not on update ({@code x-ms-mutability: [create, read]}). */
        public boolean createOnly() {
            return mutability != null && mutability.contains("create") && !mutability.contains("update");
        }
    }

    final String location;
    String name;
    Kind kind = Kind.ANY;
    String format;
    final Map<String, Property> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    /** null: additional properties not declared (ARM: not allowed). */
    Schema additionalProperties;
    boolean additionalAllowed;
    Schema items;
    List<String> enumValues;
    boolean modelAsString;
    Pattern pattern;
    Integer minLength;
    Integer maxLength;
    Double minimum;
    Double maximum;
    boolean exclusiveMinimum;
    boolean exclusiveMaximum;
    Integer minItems;
    Integer maxItems;
    boolean readOnly;
    boolean secret;
    String discriminator;
    String discriminatorValue;
    final Map<String, Schema> subtypes = new LinkedHashMap<>();
    boolean azureResource;

    Schema(String location) {
        this.location = location;
    }

    /** Where the schema is declared: {@code file#pointer}. */
    public String location() {
        return location;
    }

    /** The definition name, or null for an inline schema. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public String format() {
        return format;
    }

    public Map<String, Property> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Property property(String name) {
        return properties.get(name);
    }

    public Set<String> required() {
        return Collections.unmodifiableSet(required);
    }

    public Schema items() {
        return items;
    }

    public Schema additionalProperties() {
        return additionalProperties;
    }

    /** Whether an object may carry properties it does not declare. */
    public boolean additionalAllowed() {
        return additionalAllowed;
    }

    public List<String> enumValues() {
        return enumValues == null ? List.of() : enumValues;
    }

    /** {@code x-ms-enum.modelAsString: true}: the enum lists known values, any string is accepted. */
    public boolean modelAsString() {
        return modelAsString;
    }

    public Pattern pattern() {
        return pattern;
    }

    public Integer minLength() {
        return minLength;
    }

    public Integer maxLength() {
        return maxLength;
    }

    public Double minimum() {
        return minimum;
    }

    public Double maximum() {
        return maximum;
    }

    public Integer minItems() {
        return minItems;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public boolean secret() {
        return secret;
    }

    /** The discriminator property of a polymorphic base, or null. */
    public String discriminator() {
        return discriminator;
    }

    /** The schema for a discriminator value: a declared subtype, or this schema. */
    public Schema forDiscriminatorValue(String value) {
        if (value == null) {
            return this;
        }
        Schema sub = subtypes.get(value);
        return sub != null ? sub : this;
    }

    /** Whether the object schema declares property {@code name}. */
    public boolean has(String name) {
        return properties.containsKey(name);
    }

    @Override
    public String toString() {
        return name != null ? name : location;
    }
}
