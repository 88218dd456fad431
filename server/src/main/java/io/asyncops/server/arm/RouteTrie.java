package io.asyncops.server.arm;

import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.ResourceTypes.Route;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the route of a path among every registered type's path templates in one walk down a segment trie (words
 * compared without case, parameters matching any segment), so matching costs the same with hundreds of types as
 * with one. A word beats a parameter at the same depth; the walk backs up when a word leads nowhere.
 */
final class RouteTrie {

    /**
     * The routes of a matched path (several when their methods differ) with the path's parameter values
     * (percent-decoded, in the case given), by position.
     */
    record Match(List<Route> routes, List<String> captured) {

        /** The first route of the path. */
        Route route() {
            return routes.get(0);
        }

        /** The route taking {@code method} ({@code HEAD} is a resource's), or null. */
        Route route(String method) {
            for (Route r : routes) {
                if (r.takes(method)) {
                    return r;
                }
            }
            return null;
        }

        /** The first route's parameter values by name. */
        Map<String, String> values() {
            return values(route());
        }

        /** {@code route}'s parameter values by name. */
        Map<String, String> values(Route route) {
            List<String> names = route.path().parameterNames();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), captured.get(i));
            }
            return values;
        }
    }

    private static final class Node {
        final Map<String, Node> words = new HashMap<>();
        Node parameter;
        List<Route> routes;
    }

    private final Node root = new Node();

    RouteTrie(List<Route> routes) {
        for (Route route : routes) {
            Node node = root;
            for (PathTemplate.Segment s : route.path().segments()) {
                if (s.parameter()) {
                    node = node.parameter != null ? node.parameter : (node.parameter = new Node());
                } else {
                    node = node.words.computeIfAbsent(s.text().toLowerCase(Locale.ROOT), k -> new Node());
                }
            }
            if (node.routes == null) {
                node.routes = new ArrayList<>();
            }
            for (Route there : node.routes) {
                if (there.methods().stream().anyMatch(route::takes)) {
                    throw new IllegalArgumentException("two routes on " + route.path());
                }
            }
            node.routes.add(route);
        }
    }

    /** The route of {@code rawPath} (as received, percent-encoded), or null. */
    Match match(String rawPath) {
        if (rawPath.length() < 2 || rawPath.charAt(0) != '/') {
            return null;
        }
        String[] raw = rawPath.substring(1).split("/", -1);
        String[] segments = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isEmpty()) {
                return null;
            }
            segments[i] = decode(raw[i]);
            if (segments[i] == null) {
                return null;
            }
        }
        List<String> captured = new ArrayList<>();
        List<Route> routes = walk(root, segments, 0, captured);
        return routes == null ? null : new Match(routes, List.copyOf(captured));
    }

    private static List<Route> walk(Node node, String[] segments, int depth, List<String> captured) {
        if (depth == segments.length) {
            return node.routes;
        }
        Node word = node.words.get(segments[depth].toLowerCase(Locale.ROOT));
        if (word != null) {
            List<Route> found = walk(word, segments, depth + 1, captured);
            if (found != null) {
                return found;
            }
        }
        if (node.parameter != null) {
            captured.add(segments[depth]);
            List<Route> found = walk(node.parameter, segments, depth + 1, captured);
            if (found != null) {
                return found;
            }
            captured.remove(captured.size() - 1);
        }
        return null;
    }

    /** Percent-decodes a path segment as UTF-8 ({@code +} stays a plus); null when malformed. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
        int i = 0;
        while (i < segment.length()) {
            int percent = segment.indexOf('%', i);
            int end = percent < 0 ? segment.length() : percent;
            out.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (percent < 0) {
                break;
            }
            if (percent + 2 >= segment.length()) {
                return null;
            }
            int hi = Character.digit(segment.charAt(percent + 1), 16);
            int lo = Character.digit(segment.charAt(percent + 2), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out.write(hi * 16 + lo);
            i = percent + 3;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
