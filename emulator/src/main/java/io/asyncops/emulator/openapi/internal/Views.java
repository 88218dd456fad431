package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a provider computes rather than stores, served as {@code GET} actions: lists without a resource type of
 * their own (a provider's {@code skus}, {@code locations/{location}/usages}, an account's
 * {@code privateLinkResources}) and read-only child types (App Configuration's {@code privateLinkResources/{name}}).
 * Items follow the response schema, with real values where the meaning is plain: usages count what exists; a list
 * whose items are named from an enum (SKUs) has one item per value; private link resources are the provider's
 * sub-resources ({@code blob}, {@code vault}, ...); lists of what is gone or broken ({@code deleted...},
 * {@code inaccessible...}) and lists under a resource no spec serves are empty.
 */
final class Views {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Azure's default quota of resources of one type per subscription and region. */
    static final int LIMIT = 250;
    private static final List<String> NONE_BY_NATURE = List.of("deleted", "inaccessible", "dropped", "restorable");

    private Views() {
    }

    /** A list the provider computes, at {@code path} (the core's template). */
    static final class Listing extends SpecAction {
        private final PathTemplate path;
        private final boolean emptyByNature;
        private final List<ResourceType> counted;

        /**
         * @param unservedAbove whether the path runs through a resource no loaded spec serves (nothing exists there)
         * @param counted       the namespace's top-level types, for usages (filled once every type is built)
         */
        Listing(ByVersion<SpecOperation> operations, String namespace, PathTemplate path, boolean unservedAbove,
                List<ResourceType> counted) {
            super(operations, namespace);
            this.path = path;
            String word = path.segments().get(path.size() - 1).text().toLowerCase(Locale.ROOT);
            this.emptyByNature = unservedAbove || NONE_BY_NATURE.stream().anyMatch(word::startsWith);
            this.counted = counted;
        }

        @Override
        public JsonNode result(ActionContext context) {
            SpecOperation op = operation(context.apiVersion());
            Schema schema = op.resultSchema();
            if (schema == null) {
                return null;
            }
            Schema.Property array = arrayOf(schema, op);
            if (array == null || array.schema().items() == null) {
                return super.result(context);
            }
            Schema item = array.schema().items();
            ArrayNode items;
            if (emptyByNature) {
                items = NODES.arrayNode();
            } else if (item.has("currentValue") && item.has("limit")) {
                items = usages(item, context);
            } else {
                List<String> names = names(item, path, namespace());
                if (names == null) {
                    return super.result(context);
                }
                items = NODES.arrayNode();
                for (String name : names) {
                    items.add(named(item, name, op, context));
                }
            }
            ObjectNode out = NODES.objectNode();
            out.set(array.name(), items);
            return out;
        }

        private ArrayNode usages(Schema item, ActionContext context) {
            ArrayNode items = NODES.arrayNode();
            String location = context.path().get("location");
            String region = location == null ? null : location.toLowerCase(Locale.ROOT).replace(" ", "");
            String subscription = context.path().values().iterator().next();
            for (ResourceType type : counted) {
                String word = type.type().substring(type.type().lastIndexOf('/') + 1);
                String title = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                ObjectNode usage = (ObjectNode) Plausible.item(item, null, seed(context), 0);
                usage.put("currentValue", context.lookup().count(subscription, type.type(), region));
                usage.put("limit", LIMIT);
                Schema.Property unit = item.property("unit");
                if (unit != null && unit.schema().enumValues().contains("Count")) {
                    usage.put("unit", "Count");
                }
                if (usage.get("name") instanceof ObjectNode name) {
                    name.put("value", title);
                    name.put("localizedValue", title.replaceAll("([a-z])([A-Z])", "$1 $2"));
                }
                items.add(usage);
            }
            return items;
        }

        private ObjectNode named(Schema item, String name, SpecOperation op, ActionContext context) {
            Seed base = seed(context);
            String id = path.expand(context.path()) + "/" + name;
            Seed seed = new Seed(id, name, namespace(), base.location(), base.createdAt(), "Succeeded", 0);
            ObjectNode out = (ObjectNode) Plausible.item(item, null, seed, 0);
            fillNamed(out, item, name, id, op.path().resourceType(), seed);
            return out;
        }
    }

    /** One item of a read-only child type the provider computes ({@code .../privateLinkResources/{groupName}}). */
    static final class Item extends SpecAction {
        private final PathTemplate path;
        private final String typeName;

        Item(ByVersion<SpecOperation> operations, String namespace, PathTemplate path, String typeName) {
            super(operations, namespace);
            this.path = path;
            this.typeName = typeName;
        }

        @Override
        public JsonNode result(ActionContext context) {
            SpecOperation op = operation(context.apiVersion());
            List<String> params = path.parameterNames();
            String name = context.path().get(params.get(params.size() - 1));
            List<String> names = names(op.resultSchema(), path.prefix(path.size() - 1), namespace());
            String known = names == null ? null : names.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst()
                    .orElse(null);
            if (known == null) {
                throw new AzureException(404, "ResourceNotFound", "The Resource '" + typeName + "/" + name
                        + "' was not found.");
            }
            Seed base = seed(context);
            String id = path.prefix(path.size() - 1).expand(context.path()) + "/" + known;
            Seed seed = new Seed(id, known, namespace(), base.location(), base.createdAt(), "Succeeded", 0);
            ObjectNode out = (ObjectNode) Plausible.value(op.resultSchema(), null, seed);
            fillNamed(out, op.resultSchema(), known, id, typeName, seed);
            return out;
        }
    }

    /** The array of a list answer: its pageable item member, else its first array. */
    static Schema.Property arrayOf(Schema schema, SpecOperation op) {
        String itemName = op.pageable() == null ? "value" : op.pageable().itemName();
        Schema.Property p = schema.property(itemName);
        if (p != null && p.schema().kind() == Schema.Kind.ARRAY) {
            return p;
        }
        for (Schema.Property q : schema.properties().values()) {
            if (q.schema().kind() == Schema.Kind.ARRAY) {
                return q;
            }
        }
        return null;
    }

    /**
     * The names of what a provider-computed collection at {@code collection} holds: its items' {@code name} enum
     * (one SKU per name), a provider's private link sub-resources, or null when the spec gives no way to know.
     */
    static List<String> names(Schema item, PathTemplate collection, String namespace) {
        String word = collection.segments().get(collection.size() - 1).text().toLowerCase(Locale.ROOT);
        if (word.equals("privatelinkresources")) {
            return Seed.groupIds(namespace);
        }
        Schema.Property name = item == null ? null : item.property("name");
        if (name != null && !name.schema().enumValues().isEmpty()) {
            return name.schema().enumValues();
        }
        return null;
    }

    /**
     * Sets what an item named {@code name} shows: its id, name and type where it has them, enum members that the
     * name starts with ({@code Premium_LRS} is of tier {@code Premium}), a private link resource's group and zone.
     */
    static void fillNamed(ObjectNode out, Schema item, String name, String id, String type, Seed seed) {
        if (item.has("name")) {
            out.put("name", name);
        }
        if (item.has("id") && item.property("id").schema().kind() == Schema.Kind.STRING) {
            out.put("id", id);
        }
        if (item.has("type") && item.property("type").schema().enumValues().isEmpty()) {
            out.put("type", type);
        }
        for (Map.Entry<String, JsonNode> e : new ArrayList<>(out.properties())) {
            Schema.Property p = item.property(e.getKey());
            if (p == null || !e.getValue().isTextual()) {
                continue;
            }
            for (String v : p.schema().enumValues()) {
                if (name.toLowerCase(Locale.ROOT).startsWith(v.toLowerCase(Locale.ROOT) + "_")) {
                    out.put(e.getKey(), v);
                }
            }
        }
        if (out.get("properties") instanceof ObjectNode props && props.has("groupId")) {
            props.put("groupId", name);
            if (props.has("requiredMembers")) {
                props.set("requiredMembers", NODES.arrayNode().add(name));
            }
            if (props.has("requiredZoneNames")) {
                props.set("requiredZoneNames", NODES.arrayNode().add(seed.privateZone(name)));
            }
        }
    }
}
