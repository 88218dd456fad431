package io.asyncops.emulator.biztalk;

import java.util.Objects;

/**
 * Who asks, as the HTTP plane authenticated the request.
 *
 * @param subscription   the subscription id from the URL (the plane already checked the caller may see it)
 * @param owner          the principal's subject, recorded on operations; may be null
 * @param requestId      the request's {@code x-ms-request-id}: the handle of the operation it starts
 * @param idempotencyKey the caller's retry key, as the server reads it from the request (PROTOCOL §4); may be null
 */
public record BizTalkCaller(String subscription, String owner, String requestId, String idempotencyKey) {
    public BizTalkCaller {
        Objects.requireNonNull(subscription, "subscription == null");
        Objects.requireNonNull(requestId, "requestId == null");
        if (requestId.isBlank() || requestId.length() > 64) {
            throw new IllegalArgumentException("requestId must be 1..64 characters: '" + requestId + "'");
        }
    }
}
