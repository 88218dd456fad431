package io.asyncops.server.internal.http;

import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.RoutedPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route template of literal segments and {@code {name}} parameters ({@code /subscriptions/{sub}/providers/{ns}/
 * ...}) matched segment by segment. Rule: it accepts exactly the paths Helidon's pattern matcher
 * ({@link PathMatchers#create}) accepts for the same template (each literal segment equal, case-sensitive; each
 * parameter one non-empty segment of the decoded path; the same number of segments), with the same parameters, and
 * names the template as the matched pattern (the metrics' route label). It exists for the routes every poll takes:
 * the pattern matcher runs a regular expression and copies its named groups per request.
 */
public final class SegmentMatcher implements PathMatcher {
    /** Every method: the predicate of a template's catch-all route (a 405 for the methods it does not serve). */
    public static final java.util.function.Predicate<io.helidon.http.Method> ANY_METHOD = m -> true;
    private static final String COMPONENT = "http/path";
    private static final String[] QUALIFIERS = {"http", "path"};

    private final String template;
    private final Optional<String> matchingElement;
    /** Per segment: the literal, or null for a parameter. */
    private final String[] literals;
    /** Per segment: the parameter's name, or null for a literal. */
    private final String[] names;
    private final int parameters;
    private final PathMatcher prefixMatcher;

    private SegmentMatcher(String template) {
        if (!template.startsWith("/") || template.length() < 2) {
            throw new IllegalArgumentException("not an absolute route template: " + template);
        }
        String[] segments = template.substring(1).split("/", -1);
        this.literals = new String[segments.length];
        this.names = new String[segments.length];
        int count = 0;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.length() > 2 && s.startsWith("{") && s.endsWith("}")
                    && s.substring(1, s.length() - 1).matches("[A-Za-z][A-Za-z0-9]*")) {
                names[i] = s.substring(1, s.length() - 1);
                count++;
            } else if (s.isEmpty() || s.matches(".*[{}\\[\\]*\\\\].*")) {
                throw new IllegalArgumentException("a segment matcher takes literal segments and {name} parameters"
                        + " only: " + template);
            } else {
                literals[i] = s;
            }
        }
        this.template = template;
        this.matchingElement = Optional.of(template);
        this.parameters = count;
        this.prefixMatcher = PathMatchers.create(template); // a route is matched whole; this serves the interface
    }

    /** The matcher of {@code template}. */
    public static SegmentMatcher of(String template) {
        return new SegmentMatcher(template);
    }

    @Override
    public PathMatchers.MatchResult match(UriPath uriPath) {
        String raw = uriPath.rawPath();
        String path = plain(raw) ? raw : uriPath.path();
        if (path.isEmpty() || path.charAt(0) != '/') {
            return PathMatchers.MatchResult.notAccepted();
        }
        String[] values = null;
        int from = 1;
        int last = literals.length - 1;
        for (int i = 0; i <= last; i++) {
            int end = path.indexOf('/', from);
            if (i == last) {
                if (end >= 0) {
                    return PathMatchers.MatchResult.notAccepted();
                }
                end = path.length();
            } else if (end < 0) {
                return PathMatchers.MatchResult.notAccepted();
            }
            String literal = literals[i];
            if (literal != null) {
                if (end - from != literal.length() || !path.startsWith(literal, from)) {
                    return PathMatchers.MatchResult.notAccepted();
                }
            } else {
                if (end == from) {
                    return PathMatchers.MatchResult.notAccepted();
                }
                if (values == null) {
                    values = new String[literals.length];
                }
                values[i] = path.substring(from, end);
            }
            from = end + 1;
        }
        Map<String, List<String>> params = HashMap.newHashMap(parameters);
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                params.put(names[i], List.of(values[i]));
            }
        }
        return new PathMatchers.MatchResult(true, new Routed(uriPath, Parameters.create(COMPONENT, params,
                QUALIFIERS)));
    }

    /**
     * Whether {@code raw} is its own decoded path: no escape, no matrix parameter, no empty segment and no dot segment
     * ({@code .} or {@code ..}), so the transport's decoded path ({@link UriPath#path()}) is the same string and
     * need not be made. Characters outside the URI syntax never get here: the request filter refuses them.
     */
    static boolean plain(String raw) {
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '%' || c == ';') {
                return false;
            }
            if (c == '/') {
                if (i + 1 < n && raw.charAt(i + 1) == '/') {
                    return false;
                }
            } else if (c == '.' && i > 0 && raw.charAt(i - 1) == '/') {
                int after = i + 1 < n && raw.charAt(i + 1) == '.' ? i + 2 : i + 1;
                if (after == n || raw.charAt(after) == '/') {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public PathMatchers.PrefixMatchResult prefixMatch(UriPath uriPath) {
        return prefixMatcher.prefixMatch(uriPath);
    }

    @Override
    public Optional<String> matchingElement() {
        return matchingElement;
    }

    @Override
    public String toString() {
        return "segments: " + template;
    }

    /** A matched path and its parameters. */
    private record Routed(UriPath uriPath, Parameters pathParameters) implements RoutedPath {
        @Override
        public String rawPath() {
            return uriPath.rawPath();
        }

        @Override
        public String rawPathNoParams() {
            return uriPath.rawPathNoParams();
        }

        @Override
        public String path() {
            return uriPath.path();
        }

        @Override
        public Parameters matrixParameters() {
            return uriPath.matrixParameters();
        }

        @Override
        public void validate() {
            uriPath.validate();
        }

        @Override
        public RoutedPath absolute() {
            return new Routed(uriPath.absolute(), pathParameters);
        }
    }
}
