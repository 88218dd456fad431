package io.asyncops.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An ARM path template such as
 * {@code /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}}:
 * fixed segments (compared without case, as ARM does) and named parameters (whose values keep their case).
 * Immutable; {@link #equals} compares fixed segments without case and parameters by position only.
 */
public final class PathTemplate {
    /** One segment: a fixed word, or a parameter (then {@code text} is its name, without braces). */
    public record Segment(String text, boolean parameter) {
        public Segment {
            Objects.requireNonNull(text, "text == null");
        }

        /** {@code {name}} for a parameter, the word itself otherwise. */
        @Override
        public String toString() {
            return parameter ? "{" + text + "}" : text;
        }
    }

    private final List<Segment> segments;
    private final String text;

    private PathTemplate(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        StringBuilder b = new StringBuilder();
        segments.forEach(s -> b.append('/').append(s));
        this.text = b.toString();
    }

    /**
     * Parses {@code template}: starts with {@code /}, no empty segment, each segment a word or a whole
     * {@code {parameter}}, parameter names unique.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static PathTemplate parse(String template) {
        Objects.requireNonNull(template, "template == null");
        if (!template.startsWith("/") || template.length() < 2) {
            throw new IllegalArgumentException("a path template starts with '/' and is not empty: '" + template + "'");
        }
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String part : template.substring(1).split("/", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty segment in path template '" + template + "'");
            }
            boolean parameter = part.startsWith("{") && part.endsWith("}") && part.length() > 2;
            String text = parameter ? part.substring(1, part.length() - 1) : part;
            if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
                throw new IllegalArgumentException("a segment is a word or a whole {parameter}: '" + part
                        + "' in '" + template + "'");
            }
            if (parameter && !names.add(text)) {
                throw new IllegalArgumentException("parameter {" + text + "} twice in '" + template + "'");
            }
            segments.add(new Segment(text, parameter));
        }
        return new PathTemplate(segments);
    }

    public List<Segment> segments() {
        return segments;
    }

    public int size() {
        return segments.size();
    }

    /** The parameter names, in order. */
    public List<String> parameterNames() {
        return segments.stream().filter(Segment::parameter).map(Segment::text).toList();
    }

    /** Whether the last segment is a parameter (a resource's own path) rather than a word (a collection, an action). */
    public boolean endsWithParameter() {
        return !segments.isEmpty() && segments.get(segments.size() - 1).parameter();
    }

    /** The first {@code count} segments. */
    public PathTemplate prefix(int count) {
        if (count < 1 || count > segments.size()) {
            throw new IllegalArgumentException("prefix of " + count + " segments of '" + text + "'");
        }
        return new PathTemplate(segments.subList(0, count));
    }

    /** This template followed by {@code more} (parsed as a relative template: {@code "export"}, {@code "x/{y}"}). */
    public PathTemplate append(String more) {
        PathTemplate tail = parse("/" + more);
        List<Segment> all = new ArrayList<>(segments);
        all.addAll(tail.segments);
        return parse(new PathTemplate(all).text);
    }

    /** Whether this template's segments begin {@code other}'s (fixed words without case, parameters by position). */
    public boolean isPrefixOf(PathTemplate other) {
        if (other.segments.size() < segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (!sameShape(segments.get(i), other.segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The path with each parameter replaced by its value in {@code values} (used as given, not encoded).
     *
     * @throws IllegalArgumentException when a value is missing
     */
    public String expand(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            String value = s.parameter() ? values.get(s.text()) : s.text();
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + s.text() + "} of '" + text + "'");
            }
            b.append('/').append(value);
        }
        return b.toString();
    }

    /** The template text, e.g. {@code /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate other && other.segments.size() == segments.size() && isPrefixOf(other);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Segment s : segments) {
            h = 31 * h + (s.parameter() ? 0 : s.text().toLowerCase(Locale.ROOT).hashCode() + 1);
        }
        return h;
    }

    private static boolean sameShape(Segment a, Segment b) {
        return a.parameter() == b.parameter() && (a.parameter() || a.text().equalsIgnoreCase(b.text()));
    }
}
