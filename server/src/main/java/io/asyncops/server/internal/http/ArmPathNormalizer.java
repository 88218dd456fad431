package io.asyncops.server.internal.http;

import io.helidon.common.uri.UriPath;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the fixed segments of ARM paths case-insensitive (PROTOCOL §2: {@code resourcegroups} =
 * {@code resourceGroups}) by rewriting them to their canonical spelling before routing, so routes are written once.
 *
 * <p>Which segments are fixed follows ARM's grammar: {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/
 * {Namespace}/{type}/{name}/{type}/{name}/{action}} alternates fixed words (even positions) and names (odd
 * positions), except that the namespace after {@code providers} is fixed too. Names are never touched, so a server
 * named {@code Servers} keeps its case. Only words in the vocabulary are rewritten.
 */
public final class ArmPathNormalizer implements Filter {
    /** The generic ARM words; planes add their own. */
    public static final java.util.List<String> GENERIC_WORDS = java.util.List.of("subscriptions", "resourceGroups",
            "providers", "locations", "operationStatuses", "operationResults", "cancel", "resources");

    private final Map<String, String> canonical = new HashMap<>();
    /** The canonical words by length: a segment is compared in place with the few of its length, never copied. */
    private final String[][] byLength;

    public ArmPathNormalizer(Collection<String> words) {
        GENERIC_WORDS.forEach(this::add);
        words.forEach(this::add);
        int longest = canonical.values().stream().mapToInt(String::length).max().orElse(0);
        this.byLength = new String[longest + 1][];
        for (int n = 0; n <= longest; n++) {
            int length = n;
            byLength[n] = canonical.values().stream().filter(w -> w.length() == length).sorted()
                    .toArray(String[]::new);
        }
    }

    private void add(String word) {
        String previous = canonical.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
        if (previous != null && !previous.equals(word)) {
            throw new IllegalArgumentException("two spellings of one ARM path segment: " + previous + ", " + word);
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String raw = req.prologue().uriPath().rawPath();
        String normalized = normalize(raw);
        if (!normalized.equals(raw)) {
            req.prologue(req.prologue().withUriPath(UriPath.create(normalized)));
        }
        chain.proceed();
    }

    /** {@code path} with every known fixed segment in canonical spelling; unchanged unless under /subscriptions. */
    String normalize(String path) {
        if (path.length() < 14 || !path.regionMatches(true, 0, "/subscriptions", 0, 14)) {
            return path;
        }
        // runs on every ARM request: walk the segments in place, and build a new path only if one is rewritten
        StringBuilder out = null;
        boolean afterProviders = false;
        int start = 1;
        for (int i = 0; start <= path.length(); i++) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            boolean fixed = i % 2 == 0 || afterProviders;
            afterProviders = false;
            String word = null; // the canonical spelling of a fixed segment spelled otherwise
            if (fixed) {
                String known = known(path, start, end);
                if (known != null && !path.startsWith(known, start)) {
                    word = known;
                }
                afterProviders = i % 2 == 0 && "providers".equals(known);
            }
            if (out == null && word != null) {
                out = new StringBuilder(path.length()).append(path, 0, start);
            }
            if (out != null) {
                if (word != null) {
                    out.append(word);
                } else {
                    out.append(path, start, end);
                }
                if (end < path.length()) {
                    out.append('/');
                }
            }
            start = end + 1;
        }
        return out == null ? path : out.toString();
    }

    /** The canonical word that {@code path[from, to)} spells in some case, or null. */
    private String known(String path, int from, int to) {
        int length = to - from;
        if (length >= byLength.length) {
            return null;
        }
        String[] words = byLength[length];
        for (String w : words) { // as spelled: the usual case
            if (path.startsWith(w, from)) {
                return w;
            }
        }
        for (String w : words) {
            if (path.regionMatches(true, from, w, 0, length)) {
                return w;
            }
        }
        return null;
    }
}
