package io.asyncops.emulator.openapi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ARM path template of a spec, split into segments and classified the way the ARM RPC lays paths out:
 * {@code /subscriptions/{s}[/resourceGroups/{g}]/providers/{Namespace}/{type}/{name}[/{type}/{name}...]} is a
 * resource ({@link Shape#INSTANCE}); the same ending in a type alone is a list of that type
 * ({@link Shape#COLLECTION}, on GET) or an action on the resource before it ({@link Shape#ACTION}, on other verbs).
 * A name may be fixed ({@code .../blobServices/default}). Anything else (tenant or scope paths, a parameterized
 * namespace) is not served from specs.
 */
public final class PathTemplate {
    /** What a path addresses. */
    public enum Shape { INSTANCE, COLLECTION, ACTION }

    /** One segment: a literal (matched case-insensitively) or a {@code {parameter}}. */
    public record Segment(String text, boolean parameter) {
        static Segment of(String raw) {
            boolean param = raw.startsWith("{") && raw.endsWith("}");
            return new Segment(param ? raw.substring(1, raw.length() - 1) : raw, param);
        }

        boolean matches(String value) {
            return parameter ? !value.isEmpty() : text.equalsIgnoreCase(value);
        }
    }

    private final String template;
    private final List<Segment> segments;
    private final boolean resourceGroupScoped;
    private final String namespace;
    private final String resourceType;
    private final Shape shape;
    private final int providerIndex;

    private PathTemplate(String template, List<Segment> segments, boolean resourceGroupScoped, String namespace,
                         String resourceType, Shape shape, int providerIndex) {
        this.template = template;
        this.segments = List.copyOf(segments);
        this.resourceGroupScoped = resourceGroupScoped;
        this.namespace = namespace;
        this.resourceType = resourceType;
        this.shape = shape;
        this.providerIndex = providerIndex;
    }

    /**
     * The template of a spec path, or null when the path is not one a provider serves under a subscription (see the
     * class comment). {@code verb} decides between a collection (GET) and an action (any other) for odd paths.
     */
    public static PathTemplate parse(String written, String verb) {
        // some specs end a collection path with '/' (".../deployments/"): the same path without it
        String template = written.length() > 1 && written.endsWith("/")
                ? written.substring(0, written.length() - 1) : written;
        List<Segment> segments = new ArrayList<>();
        for (String raw : template.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(Segment.of(raw));
            }
        }
        int i = 0;
        if (segments.size() < 4 || !literal(segments.get(0), "subscriptions") || !segments.get(1).parameter()) {
            return null;
        }
        i = 2;
        boolean inGroup = false;
        if (literal(segments.get(i), "resourceGroups")) {
            if (segments.size() < i + 4 || !segments.get(i + 1).parameter()) {
                return null;
            }
            inGroup = true;
            i += 2;
        }
        if (!literal(segments.get(i), "providers") || segments.size() < i + 3 || segments.get(i + 1).parameter()) {
            return null;
        }
        int providerIndex = i;
        String namespace = segments.get(i + 1).text();
        List<Segment> rest = segments.subList(i + 2, segments.size());
        StringBuilder type = new StringBuilder(namespace);
        for (int k = 0; k + 1 < rest.size(); k += 2) {
            if (rest.get(k).parameter()) {
                return null;
            }
            type.append('/').append(rest.get(k).text());
        }
        Shape shape;
        if (rest.size() % 2 == 0) {
            shape = Shape.INSTANCE;
        } else {
            Segment last = rest.get(rest.size() - 1);
            if (last.parameter()) {
                return null;
            }
            boolean get = "GET".equalsIgnoreCase(verb);
            shape = get ? Shape.COLLECTION : Shape.ACTION;
            if (get) {
                type.append('/').append(last.text());
            }
        }
        return new PathTemplate(template, segments, inGroup, namespace, type.toString(), shape, providerIndex);
    }

    private static boolean literal(Segment s, String text) {
        return !s.parameter() && s.text().equalsIgnoreCase(text);
    }

    /** The path as the spec writes it. */
    public String template() {
        return template;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The provider namespace, as the spec spells it ({@code Microsoft.Storage}). */
    public String namespace() {
        return namespace;
    }

    /**
     * The resource type the path addresses: of the resource (INSTANCE), of the listed resources (COLLECTION), or of
     * the resource the action runs on (ACTION; just the namespace for a provider-level action such as
     * {@code checkNameAvailability}).
     */
    public String resourceType() {
        return resourceType;
    }

    public Shape shape() {
        return shape;
    }

    public boolean resourceGroupScoped() {
        return resourceGroupScoped;
    }

    /** The action's name (the last segment), for ACTION paths. */
    public String actionName() {
        return shape == Shape.ACTION ? segments.get(segments.size() - 1).text() : null;
    }

    /** Whether the path addresses something under a provider's own resource (not the provider itself). */
    public boolean underResource() {
        return segments.size() - providerIndex - 2 >= 2;
    }

    /** The path parameters' values in a concrete path, or null when it does not match. */
    public List<String> match(String path) {
        String[] parts = path.split("/");
        List<String> values = new ArrayList<>();
        int k = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (k >= segments.size() || !segments.get(k).matches(part)) {
                return null;
            }
            if (segments.get(k).parameter()) {
                values.add(part);
            }
            k++;
        }
        return k == segments.size() ? values : null;
    }

    /** A lower-cased key: two templates differing only in case or parameter names are the same route. */
    public String routeKey() {
        StringBuilder key = new StringBuilder();
        for (Segment s : segments) {
            key.append('/').append(s.parameter() ? "{}" : s.text().toLowerCase(Locale.ROOT));
        }
        return key.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
