package io.asyncops.emulator.internal.core;

import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourcePage;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.emulator.internal.store.Row;
import io.asyncops.emulator.resources.ResourceGroups;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET of a resource and of collections (paged by id), with ARM's 404s for what is missing above them. */
public final class Reads {
    private final Core core;

    public Reads(Core core) {
        this.core = core;
    }

    /** The resource, or ARM's 404. */
    public Resource get(ResourceType type, Map<String, String> path) {
        Target target = Target.of(core.types(), type, path);
        return Jdbc.run(core.dataSource(), c -> {
            target.read(c, false).checkParents(false);
            return target.existing().resource();
        });
    }

    /** The resource if it and its parents exist. */
    public Optional<Resource> find(ResourceType type, Map<String, String> path) {
        Target target = Target.of(core.types(), type, path);
        return Jdbc.run(core.dataSource(), c -> {
            target.read(c, false);
            return Optional.ofNullable(target.self).map(Row::resource);
        });
    }

    /** A page of {@code list} at {@code path}: at most {@code top} resources after the token {@code skipToken}. */
    public ResourcePage list(ResourceType type, ResourceType.ListPath list, Map<String, String> path, int top,
                             String skipToken) {
        String after = skipToken == null ? null : decode(skipToken);
        List<String> names = list.path().parameterNames();
        String subscription = path.get(names.get(0));
        ResourceStore.Scope scope = switch (list.scope()) {
            case SUBSCRIPTION -> new ResourceStore.Scope.Subscription(subscription);
            case RESOURCE_GROUP -> new ResourceStore.Scope.Group(subscription, path.get(names.get(1)));
            case PARENT -> new ResourceStore.Scope.Parent(type.parentPath().expand(
                    positional(type.parentPath(), list.path(), path)));
        };
        List<Row> rows = Jdbc.run(core.dataSource(), c -> {
            checkContainer(c, type, list, path);
            return ResourceStore.list(c, scope, type.type(), after, top + 1);
        });
        String next = rows.size() > top ? encode(rows.get(top - 1).key()) : null;
        return new ResourcePage(rows.subList(0, Math.min(top, rows.size())).stream().map(Row::resource).toList(),
                next);
    }

    /**
     * A page of every resource of {@code types} in {@code subscription}, or in its group {@code group} (which must
     * exist unless {@code groupMayBeMissing}), by id.
     */
    public ResourcePage listAll(String subscription, String group, boolean groupMayBeMissing, List<String> types,
                                int top, String skipToken) {
        String after = skipToken == null ? null : decode(skipToken);
        ResourceStore.Scope scope = group == null ? new ResourceStore.Scope.Subscription(subscription)
                : new ResourceStore.Scope.Group(subscription, group);
        List<Row> rows = Jdbc.run(core.dataSource(), c -> {
            if (group != null && !groupMayBeMissing) {
                ResourceType groups = core.types().find(ResourceGroups.TYPE).orElseThrow();
                Map<String, String> values = new HashMap<>();
                List<String> names = groups.path().parameterNames();
                values.put(names.get(0), subscription);
                values.put(names.get(1), group);
                Target target = Target.of(core.types(), groups, values);
                target.read(c, false).checkParents(false);
                if (target.self == null) {
                    throw target.notFound();
                }
            }
            return ResourceStore.list(c, scope, types, after, top + 1);
        });
        String next = rows.size() > top ? encode(rows.get(top - 1).key()) : null;
        return new ResourcePage(rows.subList(0, Math.min(top, rows.size())).stream().map(Row::resource).toList(),
                next);
    }

    /** A list under a group or a parent needs them: ARM's 404 otherwise. */
    private void checkContainer(java.sql.Connection c, ResourceType type, ResourceType.ListPath list,
                                Map<String, String> path) throws java.sql.SQLException {
        ResourceType container = switch (list.scope()) {
            case SUBSCRIPTION -> null;
            case RESOURCE_GROUP -> core.types().find(ResourceGroups.TYPE).orElseThrow();
            case PARENT -> core.types().parentOf(type).orElse(null);
        };
        if (container == null) {
            return;
        }
        Target target = Target.of(core.types(), container, positional(container.path(), list.path(), path));
        target.read(c, false).checkParents(false);
        if (target.self == null) {
            throw container.type().equalsIgnoreCase(ResourceGroups.TYPE) ? target.notFound()
                    : Errors.parentNotFound(container.type(), target.name);
        }
    }

    /** The values of {@code to}'s parameters, taken by position from {@code from}'s. */
    private static Map<String, String> positional(PathTemplate to, PathTemplate from, Map<String, String> values) {
        List<String> toNames = to.parameterNames();
        List<String> fromNames = from.parameterNames();
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < toNames.size() && i < fromNames.size(); i++) {
            out.put(toNames.get(i), values.get(fromNames.get(i)));
        }
        return out;
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key a page token names. A token is ours only if it decodes to UTF-8 text without control characters (keys
     * are resource ids): anything else is refused here, never handed to the database (PostgreSQL refuses a NUL in
     * text, so an encoded NUL would otherwise be a database failure).
     */
    private static String decode(String token) {
        try {
            String key = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(token))).toString();
            if (!key.isEmpty() && key.chars().noneMatch(Character::isISOControl)) {
                return key;
            }
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // refused below
        }
        throw AzureException.badRequest("InvalidSkipToken", "The $skipToken '" + shown(token)
                + "' is not one this server gave.", "$skipToken");
    }

    /** At most 64 printable characters of {@code token}, for an error message. */
    private static String shown(String token) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < token.length() && b.length() < 64; i++) {
            char c = token.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return token.length() > 64 ? b + "..." : b.toString();
    }
}
