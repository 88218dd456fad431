package io.asyncops.emulator;

import java.util.Objects;

/**
 * Who asks and on which subscription, as the HTTP plane authenticated it, and in which api-version.
 *
 * @param subscription   the subscription id from the URL (the plane already checked the caller may see it)
 * @param owner          the principal's subject, recorded on operations; may be null
 * @param requestId      the request's {@code x-ms-request-id}, recorded on operations; may be null
 * @param idempotencyKey the caller's retry key, as the server reads it from the request (PROTOCOL §4); may be null
 * @param apiVersion     the request's {@code api-version} (one the type accepts), for hooks whose schemas differ
 *                       between versions; null when the caller names none (the type's own choice then)
 */
public record Caller(String subscription, String owner, String requestId, String idempotencyKey,
                     String apiVersion) {
    public Caller {
        Objects.requireNonNull(subscription, "subscription == null");
    }

    /** A caller without an api-version. */
    public Caller(String subscription, String owner, String requestId, String idempotencyKey) {
        this(subscription, owner, requestId, idempotencyKey, null);
    }

    /** A caller known only by its subscription (tests, tools). */
    public static Caller of(String subscription) {
        return new Caller(subscription, null, null, null, null);
    }

    /** This caller asking in {@code value} (null: none). */
    public Caller withApiVersion(String value) {
        return new Caller(subscription, owner, requestId, idempotencyKey, value);
    }
}
