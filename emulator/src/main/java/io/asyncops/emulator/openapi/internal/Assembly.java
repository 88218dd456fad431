package io.asyncops.emulator.openapi.internal;

import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.ResourceAction;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.emulator.openapi.Durations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link SpecCatalog} into the resource types to serve next to the built-in ones, so that every operation
 * of a loaded spec on a subscription's paths is served:
 * <ul>
 *   <li>a type with a resource path and a {@code GET} on it is stored ({@link TypeBuilder}); a fixed name
 *       ({@code .../blobServices/default}) is its only name, and a fixed-name resource without a {@code DELETE}
 *       exists with its parent;</li>
 *   <li>a read-only child type ({@code GET} only) is computed, as {@code GET} actions of its parent
 *       ({@link Views});</li>
 *   <li>a child type without a {@code GET} ({@code PUT .../accessPolicies/{operationKind}}) is actions of its
 *       parent, with their own methods;</li>
 *   <li>a list of no type ({@code skus}, {@code usages}, {@code privateLinkResources}) is a {@code GET} action of
 *       the resource it is under, or of the provider;</li>
 *   <li>an operation on a type a built-in provider describes, which the built-in one does not serve, is added to
 *       the built-in type (the built-in behaviour wins where both describe something).</li>
 * </ul>
 */
public final class Assembly {
    private final SpecCatalog catalog;
    private final Durations durations;
    private final List<String> notServed = new ArrayList<>();
    /** Every type that takes actions, by lower-cased type name: the spec ones and the built-in ones. */
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Set<Route> routes = new HashSet<>();
    private final Map<String, List<ResourceType>> globalNames = new HashMap<>();
    private final Map<String, List<ResourceType>> counted = new HashMap<>();

    private Assembly(SpecCatalog catalog, Durations durations) {
        this.catalog = catalog;
        this.durations = durations;
    }

    /** A path and method served. */
    record Route(PathTemplate path, String method) {
    }

    /** A type being built (from a spec, or a built-in one extended), with the names of its actions so far. */
    static final class Host {
        final String name;
        final String namespace;
        final PathTemplate path;
        final ResourceType builtIn;
        ResourceType.Builder builder;
        final Set<String> actionNames = new HashSet<>();
        final SpecType spec;
        SoftDeleteRules softDelete;

        Host(SpecType spec, ResourceType.Builder builder, PathTemplate path) {
            this.name = spec.name();
            this.namespace = spec.namespace();
            this.path = path;
            this.builtIn = null;
            this.builder = builder;
            this.spec = spec;
        }

        Host(ResourceType builtIn) {
            this.name = builtIn.type();
            this.namespace = builtIn.namespace();
            this.path = builtIn.path();
            this.builtIn = builtIn;
            this.spec = null;
            builtIn.actions().keySet().forEach(n -> actionNames.add(n.toLowerCase(Locale.ROOT)));
        }

        /** The builder, a copy of the built-in description on first use. */
        ResourceType.Builder builder() {
            if (builder == null) {
                builder = builtIn.toBuilder();
            }
            return builder;
        }

        boolean topLevel() {
            List<PathTemplate.Segment> s = path.segments();
            return s.size() <= 8 && !s.get(s.size() - 4).text().equalsIgnoreCase("locations");
        }
    }

    /**
     * The types to serve: {@code builtIn} first (each with the operations of its specs it lacked), then the spec
     * types, parents before children. {@code notServed} receives what cannot be served, with why.
     */
    public static List<ResourceType> assemble(SpecCatalog catalog, Durations durations,
                                              Collection<ResourceType> builtIn, List<String> notServed) {
        Assembly a = new Assembly(catalog, durations);
        List<ResourceType> out = a.run(builtIn);
        notServed.addAll(a.notServed);
        return out;
    }

    private List<ResourceType> run(Collection<ResourceType> builtIn) {
        for (ResourceType t : builtIn) {
            hosts.put(key(t.type()), new Host(t));
            served(t);
        }
        List<SpecType> stored = new ArrayList<>();
        List<SpecType> derived = new ArrayList<>();
        for (SpecType t : catalog.types().values()) {
            (isStored(t) ? stored : derived).add(t);
        }
        stored.sort(Comparator.comparingInt(t -> t.instancePath().segments().size()));
        TypeBuilder types = new TypeBuilder(durations, this);
        List<Host> built = new ArrayList<>();
        for (SpecType t : stored) {
            Host existing = hosts.get(key(t.name()));
            if (existing != null) {
                if (existing.builtIn != null) {
                    types.extend(existing, t); // the built-in type serves what the spec adds
                } else {
                    notServed.add(t.name() + ": described by an earlier spec, which wins");
                }
                continue;
            }
            String why = types.servable(t);
            if (why != null) {
                notServed.add(t.name() + ": " + why);
                continue;
            }
            Host host = types.start(t);
            hosts.put(key(t.name()), host);
            built.add(host);
        }
        types.pairSoftDeletes(built);
        built.forEach(types::finish);
        for (SpecType t : derived) {
            attachDerived(t, types);
        }
        catalog.providerOperations().forEach((ns, ops) -> ops.forEach(op -> providerOperation(ns, op, types)));
        return build(builtIn, built);
    }

    /** Whether {@code t} is stored: it has a resource path with a GET, and is written, or has no parent resource. */
    private static boolean isStored(SpecType t) {
        if (t.instancePath() == null || !t.has("GET")) {
            return false;
        }
        boolean written = t.has("PUT") || t.has("PATCH") || t.has("DELETE");
        PathTemplate path = PathTemplate.parse(t.instancePath().coreTemplate());
        return written || !TypeBuilder.hasParentResource(path);
    }

    /** Views, verbs of types that cannot be read, and lists of no type: actions of the resource they are under. */
    private void attachDerived(SpecType t, TypeBuilder types) {
        if (t.instancePath() != null) {
            PathTemplate path = PathTemplate.parse(t.instancePath().coreTemplate());
            Host host = hostAt(TypeBuilder.parentOf(path));
            if (host == null) {
                notServed.add(t.name() + ": its parent (" + TypeBuilder.parentOf(path) + ") is not served");
                return;
            }
            if (t.has("GET")) {
                types.view(host, t, path);
            } else {
                types.verbsAsActions(host, t, path);
            }
            return;
        }
        for (ByVersion<SpecOperation> list : t.collections().values()) {
            SpecOperation op = list.newest();
            PathTemplate path = PathTemplate.parse(op.path().coreTemplate());
            Host host = deepestHostAbove(path);
            boolean provider = host == null || !host.path.isPrefixOf(path);
            if (provider) {
                host = providerHost(op.path().namespace());
            }
            if (host == null) {
                notServed.add("GET " + op.path() + ": no served type of its provider");
                continue;
            }
            boolean unservedAbove = !provider && path.size() > host.path.size() + 1;
            types.listing(host, list, path, unservedAbove, provider);
        }
    }

    private void providerOperation(String namespace, SpecOperation op, TypeBuilder types) {
        PathTemplate path = PathTemplate.parse(op.path().coreTemplate());
        if (isServed(path, op.method())) {
            return; // built in
        }
        Host host = providerHost(op.path().namespace());
        if (host == null) {
            notServed.add(op.method() + " " + op.path() + ": no served type of its provider");
            return;
        }
        types.providerAction(host, ByVersion.only(op.apiVersion(), op), path);
    }

    private List<ResourceType> build(Collection<ResourceType> builtIn, List<Host> built) {
        List<ResourceType> out = new ArrayList<>();
        for (ResourceType t : builtIn) {
            Host host = hosts.get(key(t.type()));
            out.add(host.builder == null ? t : buildOrReport(host, t));
        }
        for (Host host : built) {
            ResourceType type = buildOrReport(host, null);
            if (type == null) {
                continue;
            }
            out.add(type);
            String ns = type.namespace().toLowerCase(Locale.ROOT);
            if (host.topLevel() && !type.locationScoped()) {
                counted.computeIfAbsent(ns, k -> new ArrayList<>()).add(type);
                if (type.globallyUniqueNames()) {
                    globalNames.computeIfAbsent(ns, k -> new ArrayList<>()).add(type);
                }
            }
        }
        try {
            ResourceTypes.of(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the specs' types do not fit together: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    private ResourceType buildOrReport(Host host, ResourceType fallback) {
        try {
            return host.builder.build();
        } catch (IllegalArgumentException e) {
            notServed.add(host.name + ": " + e.getMessage());
            return fallback;
        }
    }

    /** Whether {@code namespace} answers {@code checkNameAvailability}: its top-level names are then global. */
    boolean providerChecksNames(String namespace) {
        return catalog.providerOperations().getOrDefault(namespace.toLowerCase(Locale.ROOT), List.of()).stream()
                .anyMatch(op -> "checkNameAvailability".equalsIgnoreCase(op.path().actionName()));
    }

    /** The types of {@code namespace} with global names (filled once every type is built: read per request). */
    List<ResourceType> globalNames(String namespace) {
        return globalNames.computeIfAbsent(namespace.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
    }

    /** The top-level types of {@code namespace}, which its usages count (filled once every type is built). */
    List<ResourceType> counted(String namespace) {
        return counted.computeIfAbsent(namespace.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
    }

    /** Records that {@code t}'s routes are served. */
    void served(ResourceType t) {
        for (String m : List.of("GET", "HEAD", "PUT", "PATCH", "DELETE")) {
            routes.add(new Route(t.path(), m));
        }
        t.lists().forEach(l -> routes.add(new Route(l.path(), "GET")));
        t.actions().values().forEach(a -> routes.add(new Route(a.path(), a.method())));
    }

    /** Records a route; false when it is served already. */
    boolean claim(PathTemplate path, String method) {
        return routes.add(new Route(path, method));
    }

    boolean isServed(PathTemplate path, String method) {
        return routes.contains(new Route(path, method));
    }

    void notServed(String why) {
        notServed.add(why);
    }

    /** The host whose resource path is {@code path}, or null. */
    Host hostAt(PathTemplate path) {
        for (Host h : hosts.values()) {
            if (h.path.equals(path)) {
                return h;
            }
        }
        return null;
    }

    /** The host whose resources are listed at the collection path {@code path} (its path plus a name), or null. */
    Host childAt(PathTemplate path) {
        for (Host h : hosts.values()) {
            if (h.path.size() == path.size() + 1 && path.isPrefixOf(h.path)) {
                return h;
            }
        }
        return null;
    }

    /** The host with the longest resource path that begins {@code path}, or null. */
    private Host deepestHostAbove(PathTemplate path) {
        Host best = null;
        for (Host h : hosts.values()) {
            if (h.path.size() < path.size() && h.path.isPrefixOf(path)
                    && (best == null || h.path.size() > best.path.size())) {
                best = h;
            }
        }
        return best;
    }

    /** The type a provider's own operations hang on: its first top-level type. */
    private Host providerHost(String namespace) {
        for (Host h : hosts.values()) {
            if (h.namespace.equalsIgnoreCase(namespace) && h.topLevel() && h.path.segments().get(0).text()
                    .equalsIgnoreCase("subscriptions")) {
                return h;
            }
        }
        return null;
    }

    /** A name for a new action of {@code host}: {@code preferred}, else the operation id's verb, else numbered. */
    static String uniqueName(Host host, String preferred, SpecOperation op) {
        List<String> candidates = new ArrayList<>(List.of(preferred));
        String id = op.operationId();
        if (id != null && id.contains("_")) {
            candidates.add(id.substring(id.indexOf('_') + 1));
        }
        candidates.add(preferred + "." + op.method().toLowerCase(Locale.ROOT));
        for (int i = 2; ; i++) {
            for (String c : candidates) {
                String clean = c.replaceAll("[^A-Za-z0-9._-]", "");
                if (!clean.isEmpty() && Character.isLetter(clean.charAt(0))
                        && host.actionNames.add(clean.toLowerCase(Locale.ROOT))) {
                    return clean;
                }
            }
            candidates = List.of(preferred + i);
        }
    }

    /** An action of {@code host}, unless its route is served already. */
    boolean addAction(Host host, String name, String method, PathTemplate path,
                      io.asyncops.emulator.VerbStyle style, ResourceAction behaviour) {
        if (!claim(path, method)) {
            return false;
        }
        try {
            host.builder().action(name, method, path.toString(), style, behaviour);
            return true;
        } catch (IllegalArgumentException e) {
            notServed.add(method + " " + path + ": " + e.getMessage());
            return false;
        }
    }

    private static String key(String type) {
        return type.toLowerCase(Locale.ROOT);
    }
}
