package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Soft delete of a spec-loaded type, read from its schemas as Key Vault and App Configuration write them: a
 * resource whose properties declare {@code enableSoftDelete} or {@code softDeleteRetentionInDays} is kept as a
 * record of the provider's {@code locations/{location}/deleted...} type when it is deleted, unless it turned soft
 * delete off ({@code enableSoftDelete: false}) or is of the free tier (which Azure never soft-deletes). The record
 * follows the deleted type's schema: the resource's id ({@code vaultId}, {@code configurationStoreId}), location,
 * tags, deletion date, scheduled purge date (after {@code softDeleteRetentionInDays}, or its schema default), purge
 * protection; the resource's body is stashed in it for a create with {@code createMode: recover}.
 */
public final class SoftDeleteRules {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> MARKS = List.of("enableSoftDelete", "softDeleteRetentionInDays");
    private static final int DEFAULT_RETENTION_DAYS = 90;
    private final Schema resource;
    private final Schema record;

    /**
     * @param resource the type's schema (its GET answer's)
     * @param record   the deleted type's GET answer's schema
     */
    private SoftDeleteRules(Schema resource, Schema record) {
        this.resource = resource;
        this.record = record;
    }

    /** The rules for a type of schema {@code resource} whose deleted records have schema {@code record}, or null. */
    public static SoftDeleteRules of(Schema resource, Schema record) {
        if (resource == null || record == null) {
            return null;
        }
        Schema.Property props = resource.property("properties");
        if (props == null || MARKS.stream().noneMatch(props.schema()::has)) {
            return null;
        }
        return new SoftDeleteRules(resource, record);
    }

    /** The record of a deleted resource, or null when this one is not soft-deleted. */
    ObjectNode record(Resource deleted, Instant now) {
        ObjectNode body = deleted.body();
        JsonNode props = body.path("properties");
        if (props.path("enableSoftDelete").isBoolean() && !props.path("enableSoftDelete").asBoolean()) {
            return null;
        }
        if (body.path("sku").path("name").asText("").equalsIgnoreCase("free")) {
            return null;
        }
        ObjectNode out = NODES.objectNode();
        Schema.Property recordProps = record.property("properties");
        if (recordProps != null) {
            fill(out.putObject("properties"), recordProps.schema(), deleted, props, now);
        }
        if (record.has("location")) {
            out.put("location", deleted.location());
        }
        if (record.has("tags") && body.has("tags")) {
            out.set("tags", body.get("tags"));
        }
        Stash.in(out).set("resource", body);
        return out;
    }

    private void fill(ObjectNode out, Schema schema, Resource deleted, JsonNode props, Instant now) {
        for (Schema.Property p : schema.properties().values()) {
            String name = p.name();
            String n = name.toLowerCase(Locale.ROOT);
            boolean time = p.schema().kind() == Schema.Kind.STRING && "date-time".equals(p.schema().format());
            if (n.equals("location")) {
                out.put(name, deleted.location());
            } else if (n.equals("tags")) {
                out.set(name, deleted.body().path("tags").deepCopy());
            } else if (time && n.contains("purge")) {
                out.put(name, now.plus(Duration.ofDays(retentionDays(props))).toString());
            } else if (time && n.contains("delet")) {
                out.put(name, now.toString());
            } else if (time && n.contains("creat")) {
                out.put(name, deleted.createdAt().toString());
            } else if (p.schema().kind() == Schema.Kind.STRING && n.endsWith("id") && !n.endsWith("tenantid")) {
                out.put(name, deleted.id());
            } else if (props.has(name)) {
                out.set(name, props.get(name).deepCopy());
            } else if (n.endsWith("enabled") && props.has(enableForm(name))) {
                out.set(name, props.get(enableForm(name)).deepCopy()); // purgeProtectionEnabled: enablePurgeProtection
            }
        }
    }

    /** {@code purgeProtectionEnabled} -> {@code enablePurgeProtection}. */
    private static String enableForm(String name) {
        String stem = name.substring(0, name.length() - "Enabled".length());
        return "enable" + Character.toUpperCase(stem.charAt(0)) + stem.substring(1);
    }

    private int retentionDays(JsonNode props) {
        if (props.path("softDeleteRetentionInDays").canConvertToInt()) {
            return props.path("softDeleteRetentionInDays").asInt();
        }
        Schema.Property p = resource.property("properties").schema().property("softDeleteRetentionInDays");
        JsonNode fallback = p == null ? null : p.schema().defaultValue();
        return fallback != null && fallback.canConvertToInt() ? fallback.asInt() : DEFAULT_RETENTION_DAYS;
    }

    /** Whether a create's input asks to recover ({@code createMode: recover}, as Key Vault and App Configuration). */
    static boolean recovers(ObjectNode input) {
        String mode = input.path("properties").path("createMode").asText(input.path("createMode").asText(""));
        return mode.equalsIgnoreCase("recover");
    }

    /** The input of a recover: the body the record stashed, without the create mode. */
    static ObjectNode recovered(ObjectNode input, Resource deleted) {
        ObjectNode stash = Stash.of(deleted.body());
        if (stash == null || !(stash.get("resource") instanceof ObjectNode original)) {
            return input;
        }
        ObjectNode body = original.deepCopy();
        body.remove(List.of("id", "name", "type", "systemData"));
        if (body.get("properties") instanceof ObjectNode p) {
            p.remove("createMode");
            p.remove("provisioningState");
        }
        return body;
    }
}
