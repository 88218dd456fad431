package io.asyncops.emulator.openapi.internal;

import io.asyncops.emulator.NameRule;
import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.ResourceAction;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.openapi.Durations;
import io.asyncops.emulator.openapi.SpecLoadException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Describes spec types to the core: verbs and their styles from the spec's marks and declared codes (the newest
 * api-version that has the verb), name rules from the path parameters, lists, actions with the behaviour their
 * names and schemas make plain, hooks with every api-version's schemas.
 */
final class TypeBuilder {
    private final Durations durations;
    private final Assembly assembly;

    TypeBuilder(Durations durations, Assembly assembly) {
        this.durations = durations;
        this.assembly = assembly;
    }

    /** ARM's parent of a resource path: two segments up, past {@code providers/Namespace}. */
    static PathTemplate parentOf(PathTemplate path) {
        PathTemplate parent = path.prefix(path.size() - 2);
        List<PathTemplate.Segment> s = parent.segments();
        if (s.size() >= 3 && !s.get(s.size() - 2).parameter() && s.get(s.size() - 2).text().equalsIgnoreCase(
                "providers")) {
            return parent.prefix(s.size() - 2);
        }
        return parent;
    }

    /** Whether resources at {@code path} have a parent resource (not a group, subscription or region). */
    static boolean hasParentResource(PathTemplate path) {
        PathTemplate parent = parentOf(path);
        return parent.size() > 4 && !parent.endsWithLocationScope();
    }

    /** Why {@code t} cannot be served, or null. */
    String servable(SpecType t) {
        PathTemplate path = PathTemplate.parse(t.instancePath().coreTemplate());
        if (assembly.isServed(path, "GET")) {
            return "its path is served by another type";
        }
        if (hasParentResource(path) && assembly.hostAt(parentOf(path)) == null) {
            return "its parent (" + parentOf(path) + ") is not a served resource type";
        }
        return null;
    }

    /** The description of a stored spec type, without hooks and actions yet ({@link #finish} adds them). */
    Assembly.Host start(SpecType t) {
        PathTemplate path = PathTemplate.parse(t.instancePath().coreTemplate());
        ResourceType.Builder b = ResourceType.builder(t.name(), path.toString())
                .apiVersions(new TreeSet<>(t.versions().keySet()))
                .provisioningStateInBody(false); // the hooks show it, in the schema's own enum
        SpecOperation put = t.verb("PUT").newest();
        SpecOperation patch = t.verb("PATCH").newest();
        SpecOperation delete = t.verb("DELETE").newest();
        if (put != null) {
            b.put(style(t.name(), put));
        }
        if (patch != null) {
            b.patch(style(t.name(), patch));
        }
        if (delete != null) {
            b.delete(style(t.name(), delete));
        }
        SpecOperation any = t.verb("GET").newest() != null ? t.verb("GET").newest() : put;
        String fixed = fixedName(t.instancePath(), any);
        b.nameRule(nameRule(any, fixed));
        Schema.Property location = put == null || put.body() == null ? null : put.body().property("location");
        b.tracked(location != null && !location.ignoredOnInput()); // a settable location: a tracked resource
        boolean checksNames = assembly.providerChecksNames(t.namespace());
        b.globallyUniqueNames(checksNames && !hasParentResource(path) && !parentOf(path).endsWithLocationScope());
        if (fixed != null && delete == null && hasParentResource(path)) {
            b.createdWithParent(fixed); // blobServices/default: there as long as its account
        }
        Assembly.Host host = new Assembly.Host(t, b, path);
        for (String m : List.of("GET", "HEAD", "PUT", "PATCH", "DELETE")) {
            assembly.claim(path, m);
        }
        PathTemplate implicit = path.prefix(path.size() - 1);
        assembly.claim(implicit, "GET");
        for (ByVersion<SpecOperation> list : t.collections().values()) {
            PathTemplate listPath = PathTemplate.parse(list.newest().path().coreTemplate());
            if (!listPath.equals(implicit) && assembly.claim(listPath, "GET")) {
                try {
                    b.listAt(listPath.toString());
                } catch (IllegalArgumentException e) {
                    assembly.notServed("GET " + listPath + ": " + e.getMessage());
                }
            }
        }
        return host;
    }

    /**
     * Pairs each top-level type with the regional type of its deleted resources, as Key Vault
     * ({@code vaults}, {@code locations/deletedVaults}) and App Configuration write them, where its schema says it
     * soft-deletes ({@link SoftDeleteRules}).
     */
    void pairSoftDeletes(List<Assembly.Host> built) {
        for (Assembly.Host deleted : built) {
            String word = deleted.name.substring(deleted.name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (!deleted.name.toLowerCase(Locale.ROOT).startsWith(deleted.namespace.toLowerCase(Locale.ROOT)
                    + "/locations/deleted") || word.length() <= "deleted".length()) {
                continue;
            }
            String what = word.substring("deleted".length());
            for (Assembly.Host t : built) {
                String own = t.name.substring(t.name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (t != deleted && t.namespace.equalsIgnoreCase(deleted.namespace) && t.topLevel()
                        && t.name.indexOf('/') == t.name.lastIndexOf('/') && own.endsWith(what)) {
                    SoftDeleteRules rules = SoftDeleteRules.of(shape(t.spec).newest(), shape(deleted.spec).newest());
                    if (rules != null) {
                        t.softDelete = rules;
                        t.builder.softDelete(deleted.name);
                    }
                }
            }
        }
    }

    /** Hooks and actions of a stored spec type. */
    void finish(Assembly.Host host) {
        SpecType t = host.spec;
        host.builder.hooks(new SpecHooks(t.namespace(), t.verb("PUT"), t.verb("PATCH"), shape(t),
                host.softDelete));
        actions(host, t);
    }

    /** What a spec says of a built-in type that the built-in one does not serve: its lists and actions. */
    void extend(Assembly.Host host, SpecType t) {
        for (ByVersion<SpecOperation> list : t.collections().values()) {
            PathTemplate listPath = PathTemplate.parse(list.newest().path().coreTemplate());
            if (!assembly.isServed(listPath, "GET")) {
                try {
                    host.builder().listAt(listPath.toString());
                    assembly.claim(listPath, "GET");
                } catch (IllegalArgumentException e) {
                    assembly.notServed("GET " + listPath + ": " + e.getMessage());
                }
            }
        }
        actions(host, t);
    }

    /** The actions of resources of {@code t}, with the behaviour their names make plain. */
    private void actions(Assembly.Host host, SpecType t) {
        Map<String, ByVersion<SpecOperation>> actions = t.actions();
        ByVersion<SpecOperation> listKeys = null;
        ByVersion<SpecOperation> regenerateKey = null;
        for (Map.Entry<String, ByVersion<SpecOperation>> e : actions.entrySet()) {
            String n = e.getKey();
            if (n.startsWith("list") && n.endsWith("keys")) {
                listKeys = e.getValue();
            } else if (n.startsWith("regenerate") && (n.endsWith("key") || n.endsWith("keys"))) {
                regenerateKey = e.getValue();
            }
        }
        boolean keys = listKeys != null && regenerateKey != null && host.builtIn == null;
        Keys.List keyList = keys ? new Keys.List(listKeys, t.namespace()) : null;
        for (ByVersion<SpecOperation> ops : actions.values()) {
            SpecOperation op = ops.newest();
            PathTemplate path = PathTemplate.parse(op.path().coreTemplate());
            String name = op.path().actionName();
            String n = name.toLowerCase(Locale.ROOT);
            ResourceAction behaviour;
            if (keys && ops == listKeys) {
                behaviour = keyList;
            } else if (keys && ops == regenerateKey) {
                behaviour = new Keys.Regenerate(ops, t.namespace(), keyList);
            } else if (n.startsWith("regenerate") && op.method().equals("POST")) {
                behaviour = new Effects.Regenerate(ops, t.namespace());
            } else if (n.equals("purge") && host.name.toLowerCase(Locale.ROOT).contains("/locations/deleted")) {
                behaviour = new Effects.Purge(ops, t.namespace());
            } else if (op.method().equals("PUT") && assembly.childAt(path) != null && !op.longRunning()) {
                behaviour = new Effects.ReplaceChildren(ops, t.namespace(), assembly.childAt(path).name);
            } else {
                behaviour = new SpecAction(ops, t.namespace());
            }
            String key = Assembly.uniqueName(host, name, op);
            assembly.addAction(host, key, op.method(), path, actionStyle(host.name, op), behaviour);
        }
    }

    /** A read-only child type ({@code GET} only): {@code GET} actions of its parent that compute it. */
    void view(Assembly.Host host, SpecType t, PathTemplate path) {
        ByVersion<SpecOperation> get = t.verb("GET");
        String word = path.segments().get(path.size() - 2).text();
        assembly.addAction(host, Assembly.uniqueName(host, word + ".get", get.newest()), "GET", path,
                VerbStyle.synchronous().statuses(get.newest().codes()), new Views.Item(get, t.namespace(), path,
                        t.name()));
        for (ByVersion<SpecOperation> list : t.collections().values()) {
            listing(host, list, PathTemplate.parse(list.newest().path().coreTemplate()), false, false);
        }
    }

    /** A child type that cannot be read: each of its verbs an action of its parent, with its method. */
    void verbsAsActions(Assembly.Host host, SpecType t, PathTemplate path) {
        Schema parentShape = host.spec == null ? null : shape(host.spec).newest();
        String word = path.segments().get(path.size() - 2).text();
        for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            ByVersion<SpecOperation> ops = t.verb(method);
            SpecOperation op = ops.newest();
            if (op == null) {
                continue;
            }
            ResourceAction behaviour = parentShape != null && Effects.MemberEdit.fits(op, path, parentShape)
                    ? new Effects.MemberEdit(ops, t.namespace(), path) : new SpecAction(ops, t.namespace());
            assembly.addAction(host, Assembly.uniqueName(host, word, op), method, path, actionStyle(host.name, op),
                    behaviour);
        }
    }

    /** A list the provider computes, as a {@code GET} action of {@code host}. */
    void listing(Assembly.Host host, ByVersion<SpecOperation> list, PathTemplate path, boolean unservedAbove,
                 boolean provider) {
        SpecOperation op = list.newest();
        String word = path.segments().get(path.size() - 1).text();
        String ns = op.path().namespace();
        assembly.addAction(host, Assembly.uniqueName(host, word, op), "GET", path,
                VerbStyle.synchronous().statuses(op.codes()),
                new Views.Listing(list, ns, path, unservedAbove, assembly.counted(ns)));
    }

    /** A provider's own operation ({@code checkNameAvailability}, regional or not). */
    void providerAction(Assembly.Host host, ByVersion<SpecOperation> ops, PathTemplate path) {
        SpecOperation op = ops.newest();
        String name = op.path().actionName();
        String ns = op.path().namespace();
        ResourceAction behaviour = name.equalsIgnoreCase("checkNameAvailability")
                ? new NameAvailability(ops, ns, assembly.globalNames(ns)) : new SpecAction(ops, ns);
        assembly.addAction(host, Assembly.uniqueName(host, name, op), op.method(), path, actionStyle(host.name, op),
                behaviour);
    }

    /** The schema of a type's resources per api-version: its GET answer's, else its PUT answer's. */
    static ByVersion<Schema> shape(SpecType t) {
        ByVersion<Schema> get = t.verb("GET").map(SpecOperation::resultSchema);
        return get.isEmpty() ? t.verb("PUT").map(SpecOperation::resultSchema) : get;
    }

    /** How a PUT, PATCH or DELETE answers, from the spec's marks and declared codes. */
    private VerbStyle style(String type, SpecOperation op) {
        if (!op.longRunning()) {
            return VerbStyle.synchronous().statuses(op.codes());
        }
        Duration d = durations.of(type, op.method(), null);
        VerbStyle style = switch (op.method()) {
            case "PUT" -> op.declares(201) || !op.declares(202) ? VerbStyle.createdOrOk(d) : VerbStyle.accepted(d);
            case "PATCH" -> op.declares(202) ? VerbStyle.accepted(d) : VerbStyle.createdOrOk(d);
            default -> VerbStyle.accepted(d);
        };
        return withFinalState(style, op).statuses(op.codes());
    }

    /** How an action answers: synchronously, or {@code 202} with the spec's final-state-via. */
    private VerbStyle actionStyle(String type, SpecOperation op) {
        if (!op.longRunning() || op.method().equals("GET")) {
            return VerbStyle.synchronous().statuses(op.codes());
        }
        return withFinalState(VerbStyle.accepted(durations.of(type, op.method(), op.path().actionName())), op)
                .statuses(op.codes());
    }

    private static VerbStyle withFinalState(VerbStyle style, SpecOperation op) {
        if (op.finalStateVia() == null) {
            return style;
        }
        try {
            return style.finalStateVia(VerbStyle.FinalStateVia.parse(op.finalStateVia()));
        } catch (IllegalArgumentException e) {
            throw new SpecLoadException(op.file(), op.pointer() + "/x-ms-long-running-operation-options",
                    "unknown final-state-via '" + op.finalStateVia() + "'");
        }
    }

    /** The one name of a singleton: a fixed last segment, or a name parameter whose enum has one value. */
    private static String fixedName(io.asyncops.emulator.openapi.internal.PathTemplate spec, SpecOperation op) {
        if (spec.fixedName() != null) {
            return spec.fixedName();
        }
        var last = spec.segments().get(spec.segments().size() - 1);
        for (SpecOperation.PathParameter p : op.pathParameters()) {
            if (p.name().equals(last.text()) && p.schema().enumValues().size() == 1) {
                return p.schema().enumValues().get(0);
            }
        }
        return null;
    }

    /**
     * The rule of the path's last parameter: its one fixed name, its enum, its pattern and lengths (ARM's 1..260
     * where the spec says none).
     */
    private static NameRule nameRule(SpecOperation op, String fixed) {
        var segments = op.path().segments();
        var last = segments.get(segments.size() - 1);
        if (fixed != null) {
            return NameRule.of(Pattern.compile("(?i)" + Pattern.quote(fixed)), 1, Math.max(1, fixed.length()),
                    "InvalidResourceName", last.parameter() ? last.text() : "name");
        }
        for (SpecOperation.PathParameter p : op.pathParameters()) {
            if (!p.name().equals(last.text())) {
                continue;
            }
            Schema s = p.schema();
            if (!s.enumValues().isEmpty()) {
                List<String> quoted = new ArrayList<>();
                s.enumValues().forEach(v -> quoted.add(Pattern.quote(v)));
                return NameRule.of(Pattern.compile("(?i)" + String.join("|", quoted)), 1, 260,
                        "InvalidResourceName", p.name());
            }
            if (s.pattern() == null && s.minLength() == null && s.maxLength() == null) {
                return NameRule.ANY;
            }
            int min = s.minLength() == null ? 1 : s.minLength();
            int max = s.maxLength() == null ? 260 : s.maxLength();
            Pattern pattern = s.pattern() == null ? null : Pattern.compile("(?s).*(?:" + s.pattern().pattern() + ").*");
            return NameRule.of(pattern, min, Math.max(min, max), "InvalidResourceName", p.name());
        }
        return NameRule.ANY;
    }
}
