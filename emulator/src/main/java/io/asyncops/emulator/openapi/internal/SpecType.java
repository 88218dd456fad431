package io.asyncops.emulator.openapi.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A resource type as the loaded specs describe it ({@code Microsoft.Storage/storageAccounts}), per api-version:
 * the verbs on its resource path, the paths that list it, and the actions on one of its resources.
 */
public final class SpecType {
    /** What one api-version of the specs says of the type. */
    public static final class Version {
        private final String apiVersion;
        private final Map<String, SpecOperation> verbs = new LinkedHashMap<>();
        private final List<SpecOperation> collections = new ArrayList<>();
        private final Map<String, SpecOperation> actions = new LinkedHashMap<>();

        Version(String apiVersion) {
            this.apiVersion = apiVersion;
        }

        public String apiVersion() {
            return apiVersion;
        }

        /** GET, PUT, PATCH, DELETE, HEAD on the resource path. */
        public Map<String, SpecOperation> verbs() {
            return Collections.unmodifiableMap(verbs);
        }

        public SpecOperation verb(String method) {
            return verbs.get(method);
        }

        /** The GETs that list resources of this type (by subscription, by group, by parent). */
        public List<SpecOperation> collections() {
            return Collections.unmodifiableList(collections);
        }

        /** Actions on one resource, by lower-cased name ({@code listkeys}). */
        public Map<String, SpecOperation> actions() {
            return Collections.unmodifiableMap(actions);
        }
    }

    private final String name;
    private final String namespace;
    private final boolean inResourceGroup;
    private final Map<String, Version> versions = new LinkedHashMap<>();

    SpecType(String name, String namespace, boolean inResourceGroup) {
        this.name = name;
        this.namespace = namespace;
        this.inResourceGroup = inResourceGroup;
    }

    /** Whether its resources live in resource groups (else directly under a subscription). */
    public boolean inResourceGroup() {
        return inResourceGroup;
    }

    /** {@code Namespace/type[/child...]}, as the spec spells it. */
    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public Map<String, Version> versions() {
        return Collections.unmodifiableMap(versions);
    }

    /** The resource path template (of any api-version), or null for a type no spec addresses one by one. */
    public PathTemplate instancePath() {
        for (Version v : versions.values()) {
            for (SpecOperation op : v.verbs.values()) {
                return op.path();
            }
        }
        return null;
    }

    /** Whether a client can create resources of this type (a PUT on its resource path, in some api-version). */
    public boolean creatable() {
        return versions.values().stream().anyMatch(v -> v.verbs.containsKey("PUT"));
    }

    void add(SpecOperation op) {
        Version v = versions.computeIfAbsent(op.apiVersion(), Version::new);
        switch (op.path().shape()) {
            case INSTANCE -> {
                SpecOperation before = v.verbs.putIfAbsent(op.method(), op);
                if (before != null && !before.path().routeKey().equals(op.path().routeKey())) {
                    throw new io.asyncops.emulator.openapi.SpecLoadException(op.file(), op.pointer(), "describes "
                            + op.method() + " of " + name + " on another path than " + before.source());
                }
            }
            case COLLECTION -> v.collections.add(op);
            case ACTION -> v.actions.putIfAbsent(op.path().actionName().toLowerCase(Locale.ROOT), op);
        }
    }

    @Override
    public String toString() {
        return name + " " + versions.keySet();
    }
}
