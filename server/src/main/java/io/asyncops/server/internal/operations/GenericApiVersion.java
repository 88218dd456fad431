package io.asyncops.server.internal.operations;

import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ApiVersions;
import io.helidon.webserver.http.ServerRequest;
import java.util.regex.Pattern;

/**
 * The api-version rule of the generic operation routes: they serve every provider namespace, so any well-formed
 * ARM version ({@code 2021-11-01}, {@code 2024-05-01-preview}) is accepted; missing or malformed is a 400.
 */
final class GenericApiVersion {
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-[A-Za-z]+)?");

    private GenericApiVersion() {
    }

    static String require(ServerRequest req) {
        String version = ApiVersions.find(req).orElseThrow(() -> new ApiException(400, "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests."));
        if (!wellFormed(version)) {
            throw new ApiException(400, "InvalidApiVersionParameter", "The api-version '" + version
                    + "' is invalid. Use a date version such as '2021-11-01'.");
        }
        return version;
    }

    /** {@link #FORMAT}, checked by hand for the common date-only form (this runs on every poll). */
    static boolean wellFormed(String v) {
        if (v.length() == 10) {
            for (int i = 0; i < 10; i++) {
                char c = v.charAt(i);
                if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }
        return FORMAT.matcher(v).matches();
    }
}
