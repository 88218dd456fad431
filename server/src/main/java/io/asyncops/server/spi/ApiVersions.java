package io.asyncops.server.spi;

import io.helidon.common.uri.UriQuery;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The ARM {@code api-version} query parameter rule: present and one the route accepts. */
public final class ApiVersions {
    /** The query parameter's name. */
    public static final String PARAMETER = "api-version";

    private ApiVersions() {
    }

    /**
     * Returns the request's api-version if {@code accepted} has it.
     *
     * @throws ApiException 400 {@code MissingApiVersionParameter} when absent or empty, 400
     *                      {@code InvalidApiVersionParameter} naming the accepted versions when unknown
     */
    public static String require(ServerRequest request, Set<String> accepted) {
        String version = find(request).orElseThrow(() -> new ApiException(400, "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests."));
        if (!accepted.contains(version)) {
            throw new ApiException(400, "InvalidApiVersionParameter", "The api-version '" + version
                    + "' is invalid. The supported versions are '" + String.join(",", new TreeSet<>(accepted))
                    + "'.");
        }
        return version;
    }

    /** The request's api-version, if it has a non-blank one (the parameter name compared without case). */
    public static Optional<String> find(ServerRequest request) {
        return find(request.query());
    }

    /** {@link #find(ServerRequest)} of a query: read in place when it can be, else from the parsed query. */
    static Optional<String> find(UriQuery query) {
        String plain = inPlainQuery(query.rawValue());
        return plain != null ? nonBlank(plain) : inParsedQuery(query);
    }

    /** The api-version of the parsed query: the exact name first, else the first spelled in another case. */
    static Optional<String> inParsedQuery(UriQuery query) {
        if (query.contains(PARAMETER)) {
            return nonBlank(query.get(PARAMETER));
        }
        for (String name : query.names()) {
            if (name.equalsIgnoreCase(PARAMETER)) {
                return nonBlank(query.get(name));
            }
        }
        return Optional.empty();
    }

    /**
     * The api-version of a raw query that needs no decoding (no {@code %}, {@code +} or {@code ;}), read in place:
     * every ARM request has one, and parsing the query into its map costs more than the rest of this check. The
     * value as sent ({@code ""} when there is none); null when it cannot tell without the parsed query (an escape,
     * or a name spelled in another case).
     */
    static String inPlainQuery(String raw) {
        if (raw.indexOf('%') >= 0 || raw.indexOf('+') >= 0 || raw.indexOf(';') >= 0) {
            return null;
        }
        int n = raw.length();
        int from = 0;
        boolean otherCase = false;
        while (from < n) {
            int end = raw.indexOf('&', from);
            if (end < 0) {
                end = n;
            }
            int eq = raw.indexOf('=', from);
            int nameEnd = eq < 0 || eq > end ? end : eq;
            if (nameEnd - from == PARAMETER.length()) {
                if (raw.startsWith(PARAMETER, from)) {
                    return nameEnd == end ? "" : raw.substring(nameEnd + 1, end);
                }
                otherCase |= raw.regionMatches(true, from, PARAMETER, 0, PARAMETER.length());
            }
            from = end + 1;
        }
        return otherCase ? null : "";
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
