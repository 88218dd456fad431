package io.asyncops.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One resource type, described once: the core stores, validates, submits, routes and renders it from this
 * description (the server's one generic ARM route dispatches on {@link #path()}, {@link #lists()} and {@link #actions()}). Build it
 * with {@link #builder}; every setter checks its value and names what is wrong.
 *
 * <pre>{@code
 * ResourceType widgets = ResourceType.builder("Contoso.Widgets/widgets",
 *         "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Contoso.Widgets/widgets/{widgetName}")
 *     .apiVersions("2024-01-01")
 *     .put(VerbStyle.createdOrOk(Duration.ofSeconds(10)))
 *     .delete(VerbStyle.accepted(Duration.ofSeconds(5)))
 *     .hooks(new WidgetHooks())
 *     .build();
 * }</pre>
 *
 * <p>Rules the core keeps for every type: {@code GET} of the resource and of its collections (the path without its
 * last segment, and every {@link Builder#listAt} path) is synchronous and lists page with {@code nextLink}; the
 * parent (the path without its last two segments: a resource group, or the parent resource) must exist and not be
 * being created, else {@code 404 ParentResourceNotFound} ({@code ResourceGroupNotFound} for a group); a write while
 * an operation holds the resource or its parent is {@code 409}; deleting removes everything under the resource; the
 * {@code asyncops-fault} tag fails any long-running write; every resource has an etag ({@code ETag} header, and
 * {@code If-Match} / {@code If-None-Match} on writes).
 */
public final class ResourceType {
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)+");
    private static final Pattern ACTION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    /** Where a collection path lists: under the parent, in a resource group, or in a subscription. */
    public enum ListScope { PARENT, RESOURCE_GROUP, SUBSCRIPTION }

    /**
     * A collection {@code GET} of the type.
     *
     * @param path  the collection's path template, e.g. {@code /subscriptions/{subscriptionId}/providers/Microsoft.Sql/servers}
     * @param scope what it lists
     */
    public record ListPath(PathTemplate path, ListScope scope) {
    }

    /**
     * A POST action.
     *
     * @param name       its name: the operation kind is {@code {type}/{name}}
     * @param path       its path template (under the resource: {@code {resource path}/{name}})
     * @param onResource whether it acts on a resource of the type (else it is a provider action at its own path)
     * @param style      synchronous or long-running
     * @param behaviour  its validation and result
     */
    public record Action(String name, PathTemplate path, boolean onResource, VerbStyle style,
                         ResourceAction behaviour) {
    }

    private final String type;
    private final String namespace;
    private final PathTemplate path;
    private final Set<String> apiVersions;
    private final Map<Verb, VerbStyle> verbs;
    private final Map<String, Action> actions;
    private final List<ListPath> lists;
    private final NameRule nameRule;
    private final boolean globallyUniqueNames;
    private final boolean tracked;
    private final boolean provisioningStateInBody;
    private final boolean etagInBody;
    private final String conflictCode;
    private final String conflictMessage;
    private final ResourceHooks hooks;

    private ResourceType(Builder b, List<ListPath> lists) {
        this.type = b.type;
        this.namespace = b.type.substring(0, b.type.indexOf('/'));
        this.path = b.path;
        this.apiVersions = Set.copyOf(b.apiVersions);
        this.verbs = Map.copyOf(b.verbs);
        this.actions = Map.copyOf(b.actions);
        this.lists = List.copyOf(lists);
        this.nameRule = b.nameRule;
        this.globallyUniqueNames = b.globallyUniqueNames;
        this.tracked = b.tracked;
        this.provisioningStateInBody = b.provisioningStateInBody;
        this.etagInBody = b.etagInBody;
        this.conflictCode = b.conflictCode;
        this.conflictMessage = b.conflictMessage;
        this.hooks = b.hooks;
    }

    /**
     * Starts describing the type {@code type} ({@code Namespace/type[/childType]}, e.g. {@code Microsoft.Sql/servers})
     * whose resources live at {@code path}, a template ending with the resource's name parameter.
     */
    public static Builder builder(String type, String path) {
        return new Builder(type, path);
    }

    /** The type, e.g. {@code Microsoft.Sql/servers/databases}. */
    public String type() {
        return type;
    }

    /** The provider namespace, e.g. {@code Microsoft.Sql}: the status monitor URLs are under it. */
    public String namespace() {
        return namespace;
    }

    /** The resource's path template; its last parameter is the resource's name. */
    public PathTemplate path() {
        return path;
    }

    /**
     * The parent's path: the resource's without its last two segments, and without {@code providers/{Namespace}}
     * then: {@code .../servers/{serverName}} for a database, {@code .../resourceGroups/{resourceGroupName}} for a
     * server, {@code /subscriptions/{subscriptionId}} for a resource group.
     */
    public PathTemplate parentPath() {
        PathTemplate parent = path.prefix(path.size() - 2);
        List<PathTemplate.Segment> s = parent.segments();
        if (s.size() >= 3 && !s.get(s.size() - 2).parameter()
                && s.get(s.size() - 2).text().equalsIgnoreCase("providers")) {
            return parent.prefix(s.size() - 2);
        }
        return parent;
    }

    /** Whether the resource's path is ARM's ({@code /subscriptions/...}); other types are served by their own plane. */
    public boolean isArm() {
        return path.segments().get(0).text().equalsIgnoreCase("subscriptions");
    }

    /** The api-versions accepted on every route of the type. */
    public Set<String> apiVersions() {
        return apiVersions;
    }

    /** How {@code verb} ({@code PUT}, {@code PATCH}, {@code DELETE}) answers; empty when the type does not take it. */
    public Optional<VerbStyle> style(Verb verb) {
        return Optional.ofNullable(verbs.get(verb));
    }

    /** The actions by name. */
    public Map<String, Action> actions() {
        return actions;
    }

    /** The collection GETs: the implicit one under the parent first, then the {@link Builder#listAt} ones. */
    public List<ListPath> lists() {
        return lists;
    }

    public NameRule nameRule() {
        return nameRule;
    }

    /** Whether a name is unique across every subscription (it becomes a DNS name), like SQL servers'. */
    public boolean globallyUniqueNames() {
        return globallyUniqueNames;
    }

    /** Whether resources have a {@code location} (required to create, fixed afterwards) and {@code tags}. */
    public boolean tracked() {
        return tracked;
    }

    /** Whether bodies show {@code properties.provisioningState} (ARM's default; not Microsoft.Sql's). */
    public boolean provisioningStateInBody() {
        return provisioningStateInBody;
    }

    /** Whether bodies show {@code etag} (where the type's schema has it); the {@code ETag} header is always sent. */
    public boolean etagInBody() {
        return etagInBody;
    }

    /** The 409 for a write while an operation holds a resource of this type (or a write under it). */
    public AzureException conflict(String name) {
        return new AzureException(409, conflictCode, String.format(Locale.ROOT, conflictMessage, name));
    }

    public ResourceHooks hooks() {
        return hooks;
    }

    /** The engine operation kind of a verb: {@code {type}/write} (PUT, PATCH) or {@code {type}/delete}. */
    public String kind(Verb verb) {
        return switch (verb) {
            case PUT, PATCH -> type + "/write";
            case DELETE -> type + "/delete";
            case POST -> throw new IllegalArgumentException("an action's kind is kind(name)");
        };
    }

    /** The engine operation kind of an action: {@code {type}/{name}}. */
    public String kind(String action) {
        return type + "/" + action;
    }

    @Override
    public String toString() {
        return type + " at " + path;
    }

    /** Builds a {@link ResourceType}. */
    public static final class Builder {
        private final String type;
        private final PathTemplate path;
        private final Set<String> apiVersions = new LinkedHashSet<>();
        private final Map<Verb, VerbStyle> verbs = new EnumMap<>(Verb.class);
        private final Map<String, Action> actions = new LinkedHashMap<>();
        private final List<PathTemplate> lists = new ArrayList<>();
        private NameRule nameRule = NameRule.ANY;
        private boolean globallyUniqueNames;
        private boolean tracked = true;
        private boolean provisioningStateInBody = true;
        private boolean etagInBody;
        private String conflictCode = "AnotherOperationInProgress";
        private String conflictMessage = "Another operation is in progress on the resource '%s'. Retry when it has"
                + " completed.";
        private ResourceHooks hooks = ResourceHooks.DEFAULT;

        private Builder(String type, String path) {
            Objects.requireNonNull(type, "type == null");
            if (!TYPE_NAME.matcher(type).matches()) {
                throw new IllegalArgumentException("a type is Namespace/type[/childType...]: '" + type + "'");
            }
            this.type = type;
            this.path = PathTemplate.parse(Objects.requireNonNull(path, "path == null"));
            if (!this.path.endsWithParameter() || this.path.size() < 3) {
                throw new IllegalArgumentException("a resource path ends with its name parameter, under a parent: '"
                        + path + "'");
            }
        }

        /** The api-versions accepted (at least one). */
        public Builder apiVersions(String... values) {
            return apiVersions(List.of(values));
        }

        /** The api-versions accepted (at least one). */
        public Builder apiVersions(Collection<String> values) {
            for (String v : Objects.requireNonNull(values, "apiVersions == null")) {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException("an api-version is not blank: " + values);
                }
                apiVersions.add(v.trim());
            }
            return this;
        }

        /** How PUT answers; without it, PUT is {@code 405}. */
        public Builder put(VerbStyle style) {
            return verb(Verb.PUT, style);
        }

        /** How PATCH answers; without it, PATCH is {@code 405}. */
        public Builder patch(VerbStyle style) {
            return verb(Verb.PATCH, style);
        }

        /** How DELETE answers; without it, DELETE is {@code 405}. */
        public Builder delete(VerbStyle style) {
            return verb(Verb.DELETE, style);
        }

        private Builder verb(Verb verb, VerbStyle style) {
            verbs.put(verb, Objects.requireNonNull(style, "style == null"));
            return this;
        }

        /** An action on a resource: {@code POST {path}/{name}}. */
        public Builder action(String name, VerbStyle style, ResourceAction behaviour) {
            checkAction(name);
            actions.put(name, new Action(name, path.append(name), true, Objects.requireNonNull(style, "style == null"),
                    Objects.requireNonNull(behaviour, "behaviour == null")));
            return this;
        }

        /**
         * An action of the provider at its own path, e.g. {@code checkNameAvailability} at
         * {@code /subscriptions/{subscriptionId}/providers/Microsoft.Sql/checkNameAvailability}; its name is the
         * path's last segment.
         */
        public Builder providerAction(String actionPath, VerbStyle style, ResourceAction behaviour) {
            PathTemplate template = PathTemplate.parse(Objects.requireNonNull(actionPath, "actionPath == null"));
            if (template.endsWithParameter()) {
                throw new IllegalArgumentException("an action path ends with the action's name: '" + actionPath + "'");
            }
            String name = template.segments().get(template.size() - 1).text();
            checkAction(name);
            actions.put(name, new Action(name, template, false, Objects.requireNonNull(style, "style == null"),
                    Objects.requireNonNull(behaviour, "behaviour == null")));
            return this;
        }

        private void checkAction(String name) {
            if (name == null || !ACTION_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("an action name is a word: '" + name + "'");
            }
            if (actions.containsKey(name) || name.equals("write") || name.equals("delete")) {
                throw new IllegalArgumentException("action '" + name + "' twice, or named like a verb, on " + type);
            }
        }

        /**
         * Another collection GET of the type, e.g. {@code /subscriptions/{subscriptionId}/providers/Microsoft.Sql/servers}
         * (every server of a subscription); it lists in a subscription, a resource group, or under the parent.
         */
        public Builder listAt(String collectionPath) {
            lists.add(PathTemplate.parse(Objects.requireNonNull(collectionPath, "collectionPath == null")));
            return this;
        }

        /** The rule of the resource's own name. Default: {@link NameRule#ANY}. */
        public Builder nameRule(NameRule value) {
            this.nameRule = Objects.requireNonNull(value, "nameRule == null");
            return this;
        }

        /** Names are unique across every subscription (a second create elsewhere is refused). Default: false. */
        public Builder globallyUniqueNames(boolean value) {
            this.globallyUniqueNames = value;
            return this;
        }

        /** Resources have {@code location} and {@code tags}. Default: true. */
        public Builder tracked(boolean value) {
            this.tracked = value;
            return this;
        }

        /** Bodies show {@code properties.provisioningState}. Default: true. */
        public Builder provisioningStateInBody(boolean value) {
            this.provisioningStateInBody = value;
            return this;
        }

        /** Bodies show {@code etag}. Default: false (the {@code ETag} header is always sent). */
        public Builder etagInBody(boolean value) {
            this.etagInBody = value;
            return this;
        }

        /**
         * The 409 of a write while an operation holds the resource: {@code code} and a message format whose
         * {@code %s} is the resource's name. Default: {@code AnotherOperationInProgress}.
         */
        public Builder conflictError(String code, String messageFormat) {
            this.conflictCode = Objects.requireNonNull(code, "code == null");
            this.conflictMessage = Objects.requireNonNull(messageFormat, "messageFormat == null");
            return this;
        }

        /** The behaviour beyond the description. Default: {@link ResourceHooks#DEFAULT}. */
        public Builder hooks(ResourceHooks value) {
            this.hooks = Objects.requireNonNull(value, "hooks == null");
            return this;
        }

        /**
         * The description.
         *
         * @throws IllegalArgumentException when no api-version is given or a list path does not list this type
         */
        public ResourceType build() {
            if (apiVersions.isEmpty()) {
                throw new IllegalArgumentException("no api-version for " + type);
            }
            List<ListPath> all = new ArrayList<>();
            PathTemplate implicit = path.prefix(path.size() - 1);
            all.add(new ListPath(implicit, ListScope.PARENT));
            for (PathTemplate list : lists) {
                all.add(new ListPath(list, scopeOf(list, implicit)));
            }
            return new ResourceType(this, all);
        }

        private ListScope scopeOf(PathTemplate list, PathTemplate implicit) {
            String word = implicit.segments().get(implicit.size() - 1).text();
            List<PathTemplate.Segment> s = list.segments();
            if (!s.get(s.size() - 1).text().equalsIgnoreCase(word) || s.get(s.size() - 1).parameter()) {
                throw new IllegalArgumentException("the list path '" + list + "' does not end with '" + word + "'");
            }
            if (list.equals(implicit)) {
                return ListScope.PARENT;
            }
            int params = list.parameterNames().size();
            boolean underSubscription = s.size() >= 2 && s.get(0).text().equalsIgnoreCase("subscriptions")
                    && s.get(1).parameter();
            boolean underGroup = underSubscription && s.size() >= 4
                    && s.get(2).text().equalsIgnoreCase("resourceGroups") && s.get(3).parameter();
            if (underGroup && params == 2) {
                return ListScope.RESOURCE_GROUP;
            }
            if (underSubscription && params == 1) {
                return ListScope.SUBSCRIPTION;
            }
            throw new IllegalArgumentException("the list path '" + list + "' lists neither under the parent, in a"
                    + " resource group nor in a subscription");
        }
    }
}
