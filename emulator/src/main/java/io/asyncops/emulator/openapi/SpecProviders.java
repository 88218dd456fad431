package io.asyncops.emulator.openapi;

import io.asyncops.emulator.NameRule;
import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.openapi.internal.NameAvailability;
import io.asyncops.emulator.openapi.internal.Schema;
import io.asyncops.emulator.openapi.internal.SpecAction;
import io.asyncops.emulator.openapi.internal.SpecCatalog;
import io.asyncops.emulator.openapi.internal.SpecHooks;
import io.asyncops.emulator.openapi.internal.SpecOperation;
import io.asyncops.emulator.openapi.internal.SpecType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resource types from Azure's published OpenAPI (Swagger 2.0) specs, as the provider core serves them: each type a
 * spec addresses one by one ({@code .../providers/Namespace/type/{name}}) becomes a {@link ResourceType} with the
 * spec's verbs, api-versions, lists and POST actions, its schemas as validation and response shape, and its
 * {@code x-ms-long-running-operation} marks as the verbs' styles:
 * <ul>
 *   <li>a long-running PUT answers {@code 201}/{@code 200} with the resource when the spec declares {@code 201},
 *       else {@code 202}; a long-running PATCH {@code 202} when declared, else {@code 200}; DELETE and POST
 *       {@code 202}; {@code final-state-via} as the spec says; unmarked verbs are synchronous;</li>
 *   <li>{@code checkNameAvailability} answers from the store; other actions answer a deterministic body valid
 *       against their response schema.</li>
 * </ul>
 * A type the built-in providers describe is left to them (built-in behaviour wins); so is any path they serve.
 *
 * <pre>{@code
 * SpecProviders specs = SpecProviders.load(List.of(Path.of("specs/specification/storage")), Durations.defaults());
 * ResourceTypes types = ResourceTypes.of(concat(builtIn, specs.types(builtIn)));
 * }</pre>
 */
public final class SpecProviders {
    private final SpecCatalog catalog;
    private final Durations durations;
    private final List<String> notServed = new ArrayList<>();

    private SpecProviders(SpecCatalog catalog, Durations durations) {
        this.catalog = catalog;
        this.durations = durations;
    }

    /**
     * Loads spec files and folders (folders recursively, {@code examples} skipped).
     *
     * @throws SpecLoadException naming the file, the JSON pointer and the reason
     */
    public static SpecProviders load(List<Path> specs, Durations durations) {
        Objects.requireNonNull(specs, "specs == null");
        return new SpecProviders(SpecCatalog.load(specs), Objects.requireNonNull(durations, "durations == null"));
    }

    /** The spec files read. */
    public List<Path> files() {
        return catalog.files();
    }

    /** The number of operations the specs describe on served paths. */
    public int operationCount() {
        return catalog.operationCount();
    }

    /** The namespaces described, with their api-versions. */
    public Map<String, ? extends SortedSet<String>> apiVersionsByNamespace() {
        return catalog.apiVersionsByNamespace();
    }

    /** What the last {@link #types} call could not serve, with why (tenant paths, singletons, types built in...). */
    public List<String> notServed() {
        List<String> all = new ArrayList<>(catalog.skipped());
        all.addAll(notServed);
        return Collections.unmodifiableList(all);
    }

    /**
     * The spec types to register next to {@code builtIn}: parents before children, none that a built-in type
     * describes, none on a path a built-in type serves, none whose parent is not served.
     */
    public List<ResourceType> types(Collection<ResourceType> builtIn) {
        notServed.clear();
        Set<String> names = new HashSet<>();
        Set<PathTemplate> paths = new HashSet<>();
        Set<PathTemplate> routes = new HashSet<>();
        for (ResourceType t : builtIn) {
            names.add(t.type().toLowerCase(Locale.ROOT));
            paths.add(t.path());
            routes.add(t.path());
            t.lists().forEach(l -> routes.add(l.path()));
            t.actions().values().forEach(a -> routes.add(a.path()));
        }
        List<SpecType> ordered = new ArrayList<>(catalog.types().values());
        ordered.removeIf(t -> t.instancePath() == null);
        ordered.sort(Comparator.comparingInt(t -> t.instancePath().segments().size()));
        List<ResourceType> out = new ArrayList<>();
        List<ResourceType> globalNames = new ArrayList<>(); // filled below, read by checkNameAvailability at runtime
        Map<String, List<SpecOperation>> providerOps = catalog.providerOperations();
        Set<String> namespacesWithProviderOps = new HashSet<>();
        for (SpecType t : ordered) {
            String why = servable(t, names, paths);
            if (why != null) {
                notServed.add(t.name() + ": " + why);
                continue;
            }
            String ns = t.namespace().toLowerCase(Locale.ROOT);
            ResourceType.Builder b = builder(t, routes, providerOps.containsKey(ns));
            if (!namespacesWithProviderOps.contains(ns) && topLevel(t)) {
                for (SpecOperation op : providerOps.getOrDefault(ns, List.of())) {
                    providerAction(b, t, op, routes, globalNames);
                }
                namespacesWithProviderOps.add(ns);
            }
            ResourceType type;
            try {
                type = b.build();
            } catch (IllegalArgumentException e) {
                notServed.add(t.name() + ": " + e.getMessage());
                continue;
            }
            out.add(type);
            names.add(t.name().toLowerCase(Locale.ROOT));
            paths.add(type.path());
            if (type.globallyUniqueNames()) {
                globalNames.add(type);
            }
        }
        providerOps.forEach((ns, ops) -> {
            if (!namespacesWithProviderOps.contains(ns)) {
                ops.forEach(op -> notServed.add(op.method() + " " + op.path() + ": no served type of its provider"));
            }
        });
        return List.copyOf(out);
    }

    /** Why {@code t} cannot be served, or null. */
    private static String servable(SpecType t, Set<String> names, Set<PathTemplate> paths) {
        var template = t.instancePath();
        var segments = template.segments();
        if (!segments.get(segments.size() - 1).parameter()) {
            return "a singleton path (" + template + ") is not served yet";
        }
        if (names.contains(t.name().toLowerCase(Locale.ROOT))) {
            return "described by a built-in provider or an earlier spec, which wins";
        }
        PathTemplate path = PathTemplate.parse(template.template());
        if (paths.contains(path)) {
            return "its path is served by another type";
        }
        PathTemplate parent = parentPath(path);
        if (parent.size() > 4 && !paths.contains(parent)) {
            return "its parent (" + parent + ") is not a served resource type";
        }
        return null;
    }

    /** ARM's parent of a resource path: two segments up, past {@code providers/Namespace}. */
    private static PathTemplate parentPath(PathTemplate path) {
        PathTemplate parent = path.prefix(path.size() - 2);
        var s = parent.segments();
        PathTemplate.Segment beforeLast = s.size() >= 3 ? s.get(s.size() - 2) : null;
        if (beforeLast != null && !beforeLast.parameter() && beforeLast.text().equalsIgnoreCase("providers")) {
            return parent.prefix(s.size() - 2);
        }
        return parent;
    }

    private static boolean topLevel(SpecType t) {
        return parentPath(PathTemplate.parse(t.instancePath().template())).size() <= 4;
    }

    private ResourceType.Builder builder(SpecType t, Set<PathTemplate> routes, boolean checksNames) {
        List<String> versions = new ArrayList<>(new TreeSet<>(t.versions().keySet()));
        SpecType.Version v = t.versions().get(versions.get(versions.size() - 1)); // the newest describes behaviour
        ResourceType.Builder b = ResourceType.builder(t.name(), t.instancePath().template())
                .apiVersions(versions)
                .provisioningStateInBody(false); // the hooks show it, in the schema's own enum
        SpecOperation put = v.verb("PUT");
        SpecOperation patch = v.verb("PATCH");
        SpecOperation delete = v.verb("DELETE");
        SpecOperation get = v.verb("GET");
        if (put != null) {
            b.put(style(t, put));
        }
        if (patch != null) {
            b.patch(style(t, patch));
        }
        if (delete != null) {
            b.delete(style(t, delete));
        }
        SpecOperation any = get != null ? get : put != null ? put : v.verbs().values().iterator().next();
        b.nameRule(nameRule(any));
        Schema.Property location = put == null || put.body() == null ? null : put.body().property("location");
        b.tracked(location != null && !location.ignoredOnInput()); // a settable location: a tracked resource
        b.globallyUniqueNames(checksNames && topLevel(t));
        Schema shape = get != null && get.resultSchema() != null ? get.resultSchema()
                : put != null ? put.resultSchema() : null;
        b.hooks(new SpecHooks(t.namespace(), put, patch, shape));
        PathTemplate implicit = PathTemplate.parse(t.instancePath().template());
        implicit = implicit.prefix(implicit.size() - 1);
        for (SpecOperation list : v.collections()) {
            PathTemplate path = PathTemplate.parse(list.path().template());
            if (!path.equals(implicit) && !routes.contains(path)) {
                b.listAt(list.path().template());
            }
        }
        for (SpecOperation action : v.actions().values()) {
            PathTemplate path = PathTemplate.parse(action.path().template());
            if (!"POST".equals(action.method())) {
                notServed.add(action.method() + " " + action.path() + ": only POST actions are served");
            } else if (!routes.contains(path)) {
                b.action(action.path().actionName(), actionStyle(t, action),
                        new SpecAction(action, t.namespace()));
            }
        }
        return b;
    }

    private void providerAction(ResourceType.Builder b, SpecType t, SpecOperation op, Set<PathTemplate> routes,
                                List<ResourceType> globalNames) {
        PathTemplate path = PathTemplate.parse(op.path().template());
        if (!"POST".equals(op.method()) || routes.contains(path)) {
            notServed.add(op.method() + " " + op.path() + ": " + (routes.contains(path) ? "built in" : "not a POST"));
            return;
        }
        String name = op.path().actionName();
        try {
            b.providerAction(op.path().template(), actionStyle(t, op),
                    name.equalsIgnoreCase("checkNameAvailability")
                            ? new NameAvailability(op, t.namespace(), globalNames)
                            : new SpecAction(op, t.namespace()));
        } catch (IllegalArgumentException e) {
            notServed.add(op.method() + " " + op.path() + ": " + e.getMessage());
        }
    }

    /** How a PUT, PATCH or DELETE answers, from the spec's marks and declared codes. */
    private VerbStyle style(SpecType t, SpecOperation op) {
        if (!op.longRunning()) {
            return VerbStyle.synchronous().statuses(op.codes());
        }
        Duration d = durations.of(t.name(), op.method(), null);
        VerbStyle style = switch (op.method()) {
            case "PUT" -> op.declares(201) || !op.declares(202) ? VerbStyle.createdOrOk(d) : VerbStyle.accepted(d);
            case "PATCH" -> op.declares(202) ? VerbStyle.accepted(d) : VerbStyle.createdOrOk(d);
            default -> VerbStyle.accepted(d);
        };
        return withFinalState(style, op).statuses(op.codes());
    }

    private VerbStyle actionStyle(SpecType t, SpecOperation op) {
        if (!op.longRunning()) {
            return VerbStyle.synchronous().statuses(op.codes());
        }
        return withFinalState(VerbStyle.accepted(durations.of(t.name(), "POST", op.path().actionName())), op)
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

    /** The rule of the path's last parameter: its pattern and lengths (ARM's 1..260 where the spec says none). */
    private static NameRule nameRule(SpecOperation op) {
        var segments = op.path().segments();
        String param = segments.get(segments.size() - 1).text();
        for (SpecOperation.PathParameter p : op.pathParameters()) {
            if (p.name().equals(param)) {
                Schema s = p.schema();
                if (s.pattern() == null && s.minLength() == null && s.maxLength() == null) {
                    return NameRule.ANY;
                }
                int min = s.minLength() == null ? 1 : s.minLength();
                int max = s.maxLength() == null ? 260 : s.maxLength();
                java.util.regex.Pattern pattern = s.pattern() == null ? null
                        : java.util.regex.Pattern.compile("(?s).*(?:" + s.pattern().pattern() + ").*");
                return NameRule.of(pattern, min, Math.max(min, max), "InvalidResourceName", param);
            }
        }
        return NameRule.ANY;
    }
}
