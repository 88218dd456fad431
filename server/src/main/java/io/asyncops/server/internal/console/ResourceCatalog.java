package io.asyncops.server.internal.console;

import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.ProviderCore;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourcePage;
import io.asyncops.emulator.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subscription's resources in the generic resource store, every registered type: a type listed per subscription
 * is read that way, a child type (a database) under each of its parents found before it. Rule: at most
 * {@link #MAX} resources are returned, so one request stays bounded however large the subscription.
 */
final class ResourceCatalog {
    static final int MAX = 5_000;
    private static final int PAGE = 1_000;

    private final ProviderCore core;

    ResourceCatalog(ProviderCore core) {
        this.core = core;
    }

    List<Resource> resources(String subscription) {
        List<ResourceType> types = new ArrayList<>(core.types().all());
        types.sort(Comparator.comparingInt(t -> t.path().size())); // parents before their children
        Map<String, List<Resource>> byType = new HashMap<>();
        List<Resource> all = new ArrayList<>();
        for (ResourceType type : types) {
            List<Resource> found = new ArrayList<>();
            // a collection whose only parameter is the subscription lists it all; else list under each parent
            Optional<ResourceType.ListPath> whole = type.lists().stream()
                    .filter(l -> l.path().parameterNames().size() == 1).findFirst();
            Optional<ResourceType> parent = core.types().parentOf(type);
            if (whole.isPresent()) {
                Map<String, String> values = Map.of(whole.get().path().parameterNames().get(0), subscription);
                read(type, whole.get(), values, found, MAX - all.size());
            } else if (parent.isPresent()) {
                for (Resource p : byType.getOrDefault(parent.get().type(), List.of())) {
                    Map<String, String> values = values(parent.get().path(), p.id());
                    Optional<ResourceType.ListPath> under = values == null ? Optional.empty() : type.lists().stream()
                            .filter(l -> values.keySet().containsAll(l.path().parameterNames())).findFirst();
                    if (under.isPresent()) {
                        read(type, under.get(), values, found, MAX - all.size() - found.size());
                    }
                }
            }
            byType.put(type.type(), found);
            all.addAll(found);
            if (all.size() >= MAX) {
                break;
            }
        }
        return all;
    }

    private void read(ResourceType type, ResourceType.ListPath list, Map<String, String> values, List<Resource> into,
                      int room) {
        String token = null;
        while (room > 0) {
            ResourcePage page = core.list(type, list, values, Math.min(PAGE, room), token);
            into.addAll(page.items());
            room -= page.items().size();
            token = page.next();
            if (token == null || page.items().isEmpty()) {
                return;
            }
        }
    }

    /** The template's parameter values in {@code id} (segments aligned), or null when the id does not fit. */
    static Map<String, String> values(PathTemplate template, String id) {
        String[] parts = id.startsWith("/") ? id.substring(1).split("/") : id.split("/");
        List<PathTemplate.Segment> segments = template.segments();
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            PathTemplate.Segment s = segments.get(i);
            if (s.parameter()) {
                values.put(s.text(), parts[i]);
            } else if (!s.text().equalsIgnoreCase(parts[i])) {
                return null;
            }
        }
        return values;
    }
}
