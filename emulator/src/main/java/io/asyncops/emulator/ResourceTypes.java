package io.asyncops.emulator;

import io.asyncops.emulator.internal.core.Handlers;
import io.asyncops.emulator.resources.ResourceGroups;
import io.asyncops.engine.OperationHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The resource types a server serves, checked together: names and operation kinds unique, every ARM type's parent
 * registered (a resource group, or the type whose path is the parent path), no two routes on one path. Resource
 * groups ({@link ResourceGroups#type()}) are always in, since every ARM resource lives in one.
 */
public final class ResourceTypes {

    /** What an ARM route serves. */
    public enum RouteKind {
        /** A resource: GET, HEAD, PUT, PATCH, DELETE. */
        RESOURCE,
        /** A collection: GET (paged). */
        LIST,
        /** A POST action. */
        ACTION
    }

    /**
     * One ARM path the server's generic route serves.
     *
     * @param path   the path template
     * @param kind   what it serves
     * @param type   the type it belongs to
     * @param list   the collection, for {@link RouteKind#LIST}
     * @param action the action, for {@link RouteKind#ACTION}
     */
    public record Route(PathTemplate path, RouteKind kind, ResourceType type, ResourceType.ListPath list,
                        ResourceType.Action action) {
        public Route {
            Objects.requireNonNull(path, "path == null");
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(type, "type == null");
        }
    }

    private final Map<String, ResourceType> byType;
    private final Map<String, ResourceType> parents;
    private final List<Route> routes;

    private ResourceTypes(Map<String, ResourceType> byType, Map<String, ResourceType> parents, List<Route> routes) {
        this.byType = byType;
        this.parents = parents;
        this.routes = routes;
    }

    /**
     * The types, with resource groups added when missing.
     *
     * @throws IllegalArgumentException naming the type at fault: a type twice, an ARM type whose parent is not
     *                                  registered, two routes on one path
     */
    public static ResourceTypes of(Collection<ResourceType> types) {
        Map<String, ResourceType> byType = new LinkedHashMap<>();
        byType.put(key(ResourceGroups.TYPE), ResourceGroups.type());
        for (ResourceType t : Objects.requireNonNull(types, "types == null")) {
            if (t.type().equalsIgnoreCase(ResourceGroups.TYPE)) {
                byType.put(key(t.type()), t);
                continue;
            }
            if (byType.putIfAbsent(key(t.type()), t) != null) {
                throw new IllegalArgumentException("the resource type " + t.type() + " is registered twice");
            }
        }
        Map<String, ResourceType> parents = new HashMap<>();
        Map<PathTemplate, Route> routes = new LinkedHashMap<>();
        for (ResourceType t : byType.values()) {
            parentOf(t, byType.values()).ifPresent(p -> parents.put(key(t.type()), p));
            if (!t.isArm()) {
                continue;
            }
            add(routes, new Route(t.path(), RouteKind.RESOURCE, t, null, null));
            for (ResourceType.ListPath list : t.lists()) {
                add(routes, new Route(list.path(), RouteKind.LIST, t, list, null));
            }
            for (ResourceType.Action action : t.actions().values()) {
                add(routes, new Route(action.path(), RouteKind.ACTION, t, null, action));
            }
        }
        return new ResourceTypes(Map.copyOf(byType), Map.copyOf(parents), List.copyOf(routes.values()));
    }

    /** {@link #of(Collection)} of {@code types}. */
    public static ResourceTypes of(ResourceType... types) {
        return of(List.of(types));
    }

    /** Every type, resource groups first. */
    public Collection<ResourceType> all() {
        return byType.values();
    }

    /** The type named {@code type} (compared without case). */
    public Optional<ResourceType> find(String type) {
        return Optional.ofNullable(byType.get(key(type)));
    }

    /**
     * The type {@code type}'s resources live under, empty for a type directly under a subscription or outside ARM.
     * A resource group for top-level resources.
     */
    public Optional<ResourceType> parentOf(ResourceType type) {
        return Optional.ofNullable(parents.get(key(type.type())));
    }

    /** Every ARM path to serve: each type's resource, collections and actions. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * The engine handler of every long-running verb and action of every type, to register on the engine before it
     * starts. They read and write the generic store in {@code dataSource}; they need no engine.
     */
    public Map<String, OperationHandler> handlers(DataSource dataSource, EmulatorSettings settings) {
        return Handlers.of(this, Objects.requireNonNull(dataSource, "dataSource == null"),
                Objects.requireNonNull(settings, "settings == null"));
    }

    private static Optional<ResourceType> parentOf(ResourceType t, Collection<ResourceType> all) {
        if (!t.isArm()) {
            return Optional.empty();
        }
        PathTemplate parent = t.parentPath();
        if (parent.size() <= 2) {
            return Optional.empty();
        }
        for (ResourceType candidate : all) {
            if (candidate.path().equals(parent)) {
                return Optional.of(candidate);
            }
        }
        throw new IllegalArgumentException("the parent of " + t.type() + " (at " + parent + ") is not a registered"
                + " resource type");
    }

    private static void add(Map<PathTemplate, Route> routes, Route route) {
        Route previous = routes.putIfAbsent(route.path(), route);
        if (previous != null) {
            throw new IllegalArgumentException("two routes on " + route.path() + ": " + previous.type().type() + " "
                    + previous.kind() + " and " + route.type().type() + " " + route.kind());
        }
    }

    private static String key(String type) {
        return type.toLowerCase(Locale.ROOT);
    }

    /** A list of every type's name, for messages. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        byType.values().forEach(t -> names.add(t.type()));
        return names.toString();
    }
}
