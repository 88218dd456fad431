package io.asyncops.server.classic;

import io.asyncops.protocol.HeaderNames;
import io.asyncops.server.spi.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The {@code x-ms-version} rule of the Service Management API: required, a date ({@code 2013-04-26}), and not older
 * than the operation's first version. Any later date is accepted, as the API's documents promise ("or later").
 */
final class ServiceManagementVersion {
    /** The first version of the BizTalk Services API. */
    static final LocalDate BIZTALK = LocalDate.of(2012, 8, 1);
    /** The first version of Get Operation Status. */
    static final LocalDate OPERATIONS = LocalDate.of(2009, 10, 1);
    private static final String CODE = "MissingOrIncorrectVersionHeader";
    private static final io.helidon.http.HeaderName HEADER = io.helidon.http.HeaderNames.create(HeaderNames.X_MS_VERSION);

    private ServiceManagementVersion() {
    }

    /**
     * The request's version.
     *
     * @throws ApiException 400 {@code MissingOrIncorrectVersionHeader} when absent, not a date, or before {@code min}
     */
    static LocalDate require(ServerRequest request, LocalDate min) {
        String value = request.headers().first(HEADER).map(String::trim).orElse("");
        if (value.isEmpty()) {
            throw new ApiException(400, CODE, "The x-ms-version header is required; set it to " + min
                    + " or later (for example 2013-04-26).");
        }
        LocalDate version;
        try {
            version = value.length() == 10 ? LocalDate.parse(value) : null;
        } catch (DateTimeParseException e) {
            version = null;
        }
        if (version == null) {
            throw new ApiException(400, CODE, "The x-ms-version header '" + shown(value) + "' is not a version; use a"
                    + " date such as " + min + ".");
        }
        if (version.isBefore(min)) {
            throw new ApiException(400, CODE, "The x-ms-version '" + value + "' is not supported by this operation;"
                    + " use " + min + " or later.");
        }
        return version;
    }

    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
