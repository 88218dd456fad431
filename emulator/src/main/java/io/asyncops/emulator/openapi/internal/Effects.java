package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.Resource;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Spec actions whose effect on their target is plain from their name and schemas. */
final class Effects {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Effects() {
    }

    /** {@code purge} of a soft-deleted record: the record goes, and its name is free again. */
    static final class Purge extends SpecAction {
        Purge(ByVersion<SpecOperation> operations, String namespace) {
            super(operations, namespace);
        }

        @Override
        public boolean removesTarget() {
            return true;
        }

        @Override
        public JsonNode result(ActionContext context) {
            return null;
        }
    }

    /**
     * A {@code PUT} on the collection path of a child type, as SQL's {@code FirewallRules_Replace}: the children
     * become the list the body carries (its array's items, each named by its {@code name}), the others go.
     */
    static final class ReplaceChildren extends SpecAction {
        private final String childType;

        ReplaceChildren(ByVersion<SpecOperation> operations, String namespace, String childType) {
            super(operations, namespace);
            this.childType = childType;
        }

        @Override
        public Children children(ActionContext context) {
            JsonNode items = null;
            for (JsonNode member : context.input()) {
                items = items == null && member.isArray() ? member : items;
            }
            Map<String, ObjectNode> bodies = new java.util.LinkedHashMap<>();
            for (JsonNode item : items == null ? NODES.arrayNode() : items) {
                String name = item.path("name").asText("");
                if (name.isEmpty() || !item.isObject()) {
                    throw new io.asyncops.emulator.AzureException(400, "InvalidParameter", "Each item of the list"
                            + " names its resource ('name').", "name");
                }
                ObjectNode body = ((ObjectNode) item).deepCopy();
                body.remove(List.of("name", "id", "type"));
                bodies.put(name, body);
            }
            return new Children(childType, bodies);
        }

        /** What the spec answers: its schema's shape of the first child written (SQL's answers one rule). */
        @Override
        public JsonNode result(ActionContext context) {
            Schema schema = operation(context.apiVersion()).resultSchema();
            Children written = children(context);
            if (schema == null || written.bodies().isEmpty()) {
                return super.result(context);
            }
            String word = childType.substring(childType.lastIndexOf('/') + 1);
            String id = context.target().id() + "/" + word + "/" + written.bodies().keySet().iterator().next();
            return context.lookup().find(id).map(r -> Projection.project(Stash.without(r.body()), schema,
                    seed(context), 0)).orElseGet(() -> super.result(context));
        }
    }

    /**
     * A {@code regenerate...} action without a key list ({@code regeneratePassword}): each call makes new secrets,
     * so the answer differs from the last one.
     */
    static final class Regenerate extends SpecAction {
        Regenerate(ByVersion<SpecOperation> operations, String namespace) {
            super(operations, namespace);
        }

        @Override
        public ObjectNode change(ActionContext context) {
            ObjectNode body = context.target().body();
            Stash.in(body).put("generation", Stash.generation(body) + 1);
            return body;
        }
    }

    /**
     * An edit of a list member of the target by kind, as Key Vault's
     * {@code PUT .../vaults/{vaultName}/accessPolicies/{operationKind}} is: {@code add} merges the entries into
     * {@code properties.accessPolicies} (the permissions of an entry of the same identity joined), {@code replace}
     * sets the list, {@code remove} takes the named permissions away (an entry left without any goes). The answer
     * is the resulting list in the response's shape.
     */
    static final class MemberEdit extends SpecAction {
        private final PathTemplate path;
        private final String member;

        MemberEdit(ByVersion<SpecOperation> operations, String namespace, PathTemplate path) {
            super(operations, namespace);
            this.path = path;
            this.member = path.segments().get(path.size() - 2).text();
        }

        /** Whether {@code op} at {@code path} is such an edit of a member of resources of schema {@code target}. */
        static boolean fits(SpecOperation op, PathTemplate path, Schema target) {
            List<PathTemplate.Segment> s = path.segments();
            if (s.size() < 2 || !s.get(s.size() - 1).parameter() || s.get(s.size() - 2).parameter()) {
                return false;
            }
            String last = s.get(s.size() - 1).text();
            Set<String> kinds = new LinkedHashSet<>();
            op.pathParameters().stream().filter(p -> p.name().equals(last))
                    .forEach(p -> p.schema().enumValues().forEach(v -> kinds.add(v.toLowerCase(Locale.ROOT))));
            String member = s.get(s.size() - 2).text();
            return kinds.containsAll(List.of("add", "replace", "remove")) && listIn(op.body(), member)
                    && listIn(target, member);
        }

        private static boolean listIn(Schema schema, String member) {
            Schema.Property props = schema == null ? null : schema.property("properties");
            Schema.Property list = props == null ? null : props.schema().property(member);
            return list != null && list.schema().kind() == Schema.Kind.ARRAY;
        }

        private String kind(ActionContext context) {
            List<String> params = path.parameterNames();
            return context.path().getOrDefault(params.get(params.size() - 1), "").toLowerCase(Locale.ROOT);
        }

        @Override
        public ObjectNode change(ActionContext context) {
            ObjectNode body = context.target().body();
            ObjectNode props = body.withObjectProperty("properties");
            ArrayNode current = props.get(member) instanceof ArrayNode a ? a : props.putArray(member);
            JsonNode given = context.input().path("properties").path(member);
            switch (kind(context)) {
                case "replace" -> props.set(member, given.deepCopy());
                case "add" -> given.forEach(entry -> merge(current, entry, true));
                case "remove" -> given.forEach(entry -> merge(current, entry, false));
                default -> {
                    return null;
                }
            }
            return body;
        }

        @Override
        public JsonNode result(ActionContext context) {
            Resource target = context.target();
            Schema schema = operation(context.apiVersion()).resultSchema();
            if (schema == null) {
                return null;
            }
            ObjectNode out = NODES.objectNode();
            out.put("id", target.id() + "/" + member + "/" + kind(context));
            out.put("name", kind(context));
            out.put("type", target.type() + "/" + member);
            if (target.location() != null) {
                out.put("location", target.location());
            }
            out.putObject("properties").set(member, target.body().path("properties").path(member).deepCopy());
            return Projection.project(out, schema, seed(context), 0);
        }

        /** Adds {@code entry}'s permissions to (or takes them from) the entry of the same identity. */
        private static void merge(ArrayNode list, JsonNode entry, boolean add) {
            for (int i = 0; i < list.size(); i++) {
                if (!sameIdentity(list.get(i), entry)) {
                    continue;
                }
                ObjectNode existing = (ObjectNode) list.get(i);
                combine(existing, entry, add);
                if (!add && empty(existing)) {
                    list.remove(i);
                }
                return;
            }
            if (add) {
                list.add(entry.deepCopy());
            }
        }

        /** The same tenant, object and application (the plain members of an entry). */
        private static boolean sameIdentity(JsonNode a, JsonNode b) {
            for (Iterator<Map.Entry<String, JsonNode>> it = b.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode() && !e.getValue().equals(a.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        /** Joins (or subtracts) the arrays of {@code from} into {@code into}, member by member, recursively. */
        private static void combine(ObjectNode into, JsonNode from, boolean add) {
            for (Iterator<Map.Entry<String, JsonNode>> it = from.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode there = into.get(e.getKey());
                if (e.getValue().isObject() && there instanceof ObjectNode inner) {
                    combine(inner, e.getValue(), add);
                } else if (e.getValue().isArray()) {
                    Set<JsonNode> values = new LinkedHashSet<>();
                    if (there != null && there.isArray()) {
                        there.forEach(values::add);
                    }
                    e.getValue().forEach(v -> {
                        if (add) {
                            values.add(v);
                        } else {
                            values.removeIf(x -> x.asText().equalsIgnoreCase(v.asText()));
                        }
                    });
                    ArrayNode joined = into.putArray(e.getKey());
                    values.forEach(joined::add);
                } else if (add && there == null) {
                    into.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }

        /** Whether an entry grants nothing any more. */
        private static boolean empty(JsonNode entry) {
            for (JsonNode v : entry) {
                if ((v.isArray() && !v.isEmpty()) || (v.isObject() && !empty(v))) {
                    return false;
                }
            }
            return true;
        }
    }
}
