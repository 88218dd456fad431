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

    /** A matched route with the path's parameter values by name (percent-decoded, in the case given). */
    record Match(Route route, Map<String, String> values) {
    }

    private static final class Node {
        final Map<String, Node> words = new HashMap<>();
        Node parameter;
        Route route;
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
            if (node.route != null) {
                throw new IllegalArgumentException("two routes on " + route.path());
            }
            node.route = route;
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
        Route route = walk(root, segments, 0, captured);
        if (route == null) {
            return null;
        }
        List<String> names = route.path().parameterNames();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), captured.get(i));
        }
        return new Match(route, values);
    }

    private static Route walk(Node node, String[] segments, int depth, List<String> captured) {
        if (depth == segments.length) {
            return node.route;
        }
        Node word = node.words.get(segments[depth].toLowerCase(Locale.ROOT));
        if (word != null) {
            Route found = walk(word, segments, depth + 1, captured);
            if (found != null) {
                return found;
            }
        }
        if (node.parameter != null) {
            captured.add(segments[depth]);
            Route found = walk(node.parameter, segments, depth + 1, captured);
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
