package io.asyncops.server.spi;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * The idempotency key of a start request (PROTOCOL §4), checked by the server before any route runs: the
 * {@code Repeatability-Request-ID} (with its {@code Repeatability-First-Sent}, Azure REST API guidelines) or the
 * {@code Idempotency-Key} (IETF draft). Rule: {@code x-ms-client-request-id} is a correlation id and never a key, so
 * a client may reuse it across different requests. Pass the key to {@code Submission.withIdempotencyKey}: a retry
 * with the same key and body returns the same operation, another body with the same key is a 409.
 *
 * @param key           the key, at most {@code Limits.IDEMPOTENCY_KEY} characters of printable ASCII
 * @param repeatability whether it came as a {@code Repeatability-Request-ID} (the answer then carries
 *                      {@code Repeatability-Result})
 */
public record Idempotency(String key, boolean repeatability) {

    /** The request's checked key, empty when it sent none. */
    public static Optional<String> key(ServerRequest request) {
        return request.context().get(Idempotency.class).map(Idempotency::key);
    }

    /** The request's checked key and where it came from, empty when it sent none. */
    public static Optional<Idempotency> of(ServerRequest request) {
        return request.context().get(Idempotency.class);
    }
}
