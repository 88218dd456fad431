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

    public ArmPathNormalizer(Collection<String> words) {
        GENERIC_WORDS.forEach(this::add);
        words.forEach(this::add);
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
        String[] segments = path.substring(1).split("/", -1);
        boolean changed = false;
        boolean afterProviders = false;
        for (int i = 0; i < segments.length; i++) {
            boolean fixed = i % 2 == 0 || afterProviders;
            afterProviders = false;
            if (fixed) {
                String word = canonical.get(segments[i].toLowerCase(Locale.ROOT));
                if (word != null && !word.equals(segments[i])) {
                    segments[i] = word;
                    changed = true;
                }
                afterProviders = i % 2 == 0 && "providers".equals(segments[i]);
            }
        }
        return changed ? "/" + String.join("/", segments) : path;
    }
}
