package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Resource;
import java.util.Iterator;
import java.util.Map;

/**
 * A resource's access keys as its {@code listKeys} shows them and its {@code regenerateKey} changes them. Until a
 * key is regenerated they are derived from the resource (the same on every call); a regeneration stores the whole
 * list with the resource (in its {@link Stash}: never in a GET) with the named key's secrets new and its times now,
 * the others as they were.
 */
final class Keys {
    private static final String STASHED = "keys";

    private Keys() {
    }

    /** {@code listKeys}: the stored keys, or the derived ones. */
    static final class List extends SpecAction {
        List(ByVersion<SpecOperation> operations, String namespace) {
            super(operations, namespace);
        }

        @Override
        public JsonNode result(ActionContext context) {
            JsonNode stored = stored(context.target());
            return stored != null ? stored.deepCopy() : super.result(context);
        }

        /** The keys as listed now. */
        JsonNode current(ActionContext context) {
            return result(context);
        }
    }

    /** {@code regenerateKey}: a new key in place of the one the body names, answered as its response declares. */
    static final class Regenerate extends SpecAction {
        private final List list;

        Regenerate(ByVersion<SpecOperation> operations, String namespace, List list) {
            super(operations, namespace);
            this.list = list;
        }

        @Override
        public ObjectNode change(ActionContext context) {
            JsonNode keys = list.current(context);
            ArrayNode items = items(keys);
            int at = named(items, context.input());
            if (at < 0) {
                throw new AzureException(400, "InvalidParameter", "The request names no key of this resource: "
                        + context.input() + ".");
            }
            Resource target = context.target();
            int generation = Stash.generation(target.body()) + 1;
            Seed fresh = new Seed(target.id(), target.name(), namespace(), target.location(), context.now(),
                    target.provisioningState(), generation);
            Schema itemSchema = itemSchema(list.operation(context.apiVersion()).resultSchema(), keys);
            ObjectNode old = (ObjectNode) items.get(at);
            JsonNode generated = Plausible.item(itemSchema, null, fresh, at);
            for (Iterator<Map.Entry<String, JsonNode>> it = old.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Schema.Property p = itemSchema.property(e.getKey());
                boolean renewed = Plausible.secretLike(e.getKey()) || (p != null
                        && Plausible.timeLike(e.getKey(), p.schema()));
                if (renewed && generated.has(e.getKey())) {
                    e.setValue(generated.get(e.getKey()));
                }
            }
            ObjectNode body = target.body();
            ObjectNode stash = Stash.in(body);
            stash.set(STASHED, keys);
            stash.put("generation", generation);
            return body;
        }

        @Override
        public JsonNode result(ActionContext context) {
            JsonNode keys = stored(context.target());
            Schema answer = operation(context.apiVersion()).resultSchema();
            if (keys == null || answer == null) {
                return super.result(context);
            }
            Schema listSchema = list.operation(context.apiVersion()).resultSchema();
            if (answer == listSchema || answer.properties().keySet().equals(listSchema.properties().keySet())) {
                return keys.deepCopy(); // Storage answers the whole list
            }
            ArrayNode items = items(keys);
            int at = named(items, context.input());
            return at < 0 ? super.result(context) : items.get(at).deepCopy(); // App Configuration answers the key
        }
    }

    private static JsonNode stored(Resource target) {
        ObjectNode stash = target == null ? null : Stash.of(target.body());
        return stash == null ? null : stash.get(STASHED);
    }

    /** The list's array of keys: its first array member ({@code keys}, {@code value}). */
    private static ArrayNode items(JsonNode keys) {
        for (JsonNode member : keys) {
            if (member instanceof ArrayNode a) {
                return a;
            }
        }
        throw new IllegalStateException("a key list without an array: " + keys);
    }

    private static Schema itemSchema(Schema listSchema, JsonNode keys) {
        for (Schema.Property p : listSchema.properties().values()) {
            if (p.schema().kind() == Schema.Kind.ARRAY && keys.get(p.name()) instanceof ArrayNode) {
                return p.schema().items();
            }
        }
        throw new IllegalStateException("a key list schema without an array: " + listSchema);
    }

    /** The index of the key whose name or id is a string value of {@code input} ({@code keyName}, {@code id}). */
    private static int named(ArrayNode items, JsonNode input) {
        for (JsonNode wanted : input) {
            if (!wanted.isTextual()) {
                continue;
            }
            for (int i = 0; i < items.size(); i++) {
                for (String member : new String[] {"keyName", "name", "id"}) {
                    if (items.get(i).path(member).asText("\u0000").equalsIgnoreCase(wanted.asText())) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }
}
