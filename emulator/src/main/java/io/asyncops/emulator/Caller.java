package io.asyncops.emulator;

import java.util.Objects;

/**
 * Who asks and on which subscription, as the HTTP plane authenticated it.
 *
 * @param subscription   the subscription id from the URL (the plane already checked the caller may see it)
 * @param owner          the principal's subject, recorded on operations; may be null
 * @param requestId      the request's {@code x-ms-request-id}, recorded on operations; may be null
 * @param idempotencyKey the caller's retry key, as the server reads it from the request (PROTOCOL §4); may be null
 */
public record Caller(String subscription, String owner, String requestId, String idempotencyKey) {
    public Caller {
        Objects.requireNonNull(subscription, "subscription == null");
    }

    /** A caller known only by its subscription (tests, tools). */
    public static Caller of(String subscription) {
        return new Caller(subscription, null, null, null);
    }
}
