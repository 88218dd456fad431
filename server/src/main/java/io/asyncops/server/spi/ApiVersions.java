package io.asyncops.server.spi;

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
        var query = request.query();
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

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
