package io.asyncops.server.internal.http;

import io.asyncops.protocol.HeaderNames;
import io.asyncops.protocol.Limits;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Idempotency;
import io.helidon.http.HeaderName;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads and checks the idempotency headers of a request (PROTOCOL §4, {@link Idempotency}).
 *
 * <p>{@code Repeatability-Request-ID} follows the Azure REST API guidelines (OASIS Repeatable Requests): it needs a
 * {@code Repeatability-First-Sent} IMF-fixdate; a malformed id or date is {@code 400}; a first-sent time outside the
 * tracked window (older than {@link #TRACKED}, the engine's retention of finished operations, or in the future
 * beyond the clock skew) is {@code 412 PreconditionFailed}, since the server can no longer tell whether the request
 * already ran; each refusal answers {@code Repeatability-Result: rejected}. {@code Idempotency-Key} (IETF draft) is a
 * string, quoted or not. Both are printable ASCII of at most {@link Limits#IDEMPOTENCY_KEY} characters.
 */
final class IdempotencyHeaders {
    /** How long a repeatable request is tracked: the engine keeps finished operations 24 h. */
    static final Duration TRACKED = Duration.ofHours(24);
    /** How far in the future a client's clock may be. */
    static final Duration SKEW = Duration.ofMinutes(5);
    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";
    private static final HeaderName REQUEST_ID = io.helidon.http.HeaderNames.create(HeaderNames.REPEATABILITY_REQUEST_ID);
    private static final HeaderName FIRST_SENT = io.helidon.http.HeaderNames.create(HeaderNames.REPEATABILITY_FIRST_SENT);
    private static final HeaderName IDEMPOTENCY_KEY = io.helidon.http.HeaderNames.create(HeaderNames.IDEMPOTENCY_KEY);

    private IdempotencyHeaders() {
    }

    /** The request's key, checked; empty without one. */
    static Optional<Idempotency> check(ServerRequest request, Instant now) {
        Optional<String> repeatability = request.headers().first(REQUEST_ID);
        if (repeatability.isPresent()) {
            String id = key(repeatability.get(), HeaderNames.REPEATABILITY_REQUEST_ID, "InvalidRepeatabilityRequestId",
                    true);
            String sent = request.headers().first(FIRST_SENT).orElseThrow(() -> rejected(400,
                    "MissingRepeatabilityFirstSent", "A Repeatability-Request-ID needs a Repeatability-First-Sent"
                            + " header: the time the request was first sent, as an IMF-fixdate such as"
                            + " 'Sun, 06 Nov 1994 08:49:37 GMT'."));
            Instant first = firstSent(sent);
            if (first.isBefore(now.minus(TRACKED))) {
                throw rejected(412, "PreconditionFailed", "The Repeatability-First-Sent time is older than the "
                        + TRACKED.toHours() + " hours this server tracks repeatable requests: it cannot tell whether"
                        + " the request already ran. Send it again as a new request (a new Repeatability-Request-ID).");
            }
            if (first.isAfter(now.plus(SKEW))) {
                throw rejected(400, "InvalidRepeatabilityFirstSent", "The Repeatability-First-Sent time is in the"
                        + " future.");
            }
            return Optional.of(new Idempotency(id, true));
        }
        if (request.headers().contains(FIRST_SENT)) {
            throw rejected(400, "MissingRepeatabilityRequestId", "A Repeatability-First-Sent header needs a"
                    + " Repeatability-Request-ID header.");
        }
        return request.headers().first(IDEMPOTENCY_KEY).map(v -> new Idempotency(key(v,
                HeaderNames.IDEMPOTENCY_KEY, "InvalidIdempotencyKey", false), false));
    }

    /** A key: unquoted, 1 to {@link Limits#IDEMPOTENCY_KEY} printable ASCII characters. */
    private static String key(String raw, String header, String code, boolean repeatable) {
        String value = raw.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > Limits.IDEMPOTENCY_KEY) {
            throw refused(repeatable, code, "The " + header + " header must have 1 to " + Limits.IDEMPOTENCY_KEY
                    + " characters; it has " + value.length() + ".");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw refused(repeatable, code, "The " + header + " header must be printable ASCII.");
            }
        }
        return value;
    }

    private static Instant firstSent(String value) {
        if (value.length() > Limits.REPEATABILITY_FIRST_SENT + 2) {
            throw rejected(400, "InvalidRepeatabilityFirstSent", "The Repeatability-First-Sent header is not an"
                    + " IMF-fixdate such as 'Sun, 06 Nov 1994 08:49:37 GMT'.");
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw rejected(400, "InvalidRepeatabilityFirstSent", "The Repeatability-First-Sent header is not an"
                    + " IMF-fixdate such as 'Sun, 06 Nov 1994 08:49:37 GMT'.");
        }
    }

    private static ApiException refused(boolean repeatable, String code, String message) {
        return repeatable ? rejected(400, code, message) : ApiException.badRequest(code, message);
    }

    private static ApiException rejected(int status, String code, String message) {
        return new ApiException(status, code, message).withHeader(HeaderNames.REPEATABILITY_RESULT, REJECTED);
    }
}
