package io.asyncops.server.spi;

import io.helidon.webserver.http.ServerRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * The ids the server gives every request (PROTOCOL §0): {@code x-ms-request-id} (fresh UUID, sent on the response;
 * the classic plane stores it as an operation's handle), {@code x-ms-correlation-request-id} (echoed or generated)
 * and the caller's {@code x-ms-client-request-id} (echoed and logged, at most 128 characters; a correlation id,
 * never an idempotency key).
 *
 * @param requestId        this request's fresh id
 * @param correlationId    the correlation id sent back
 * @param clientRequestId  the caller's own id, null when none was sent
 */
public record RequestIds(String requestId, String correlationId, String clientRequestId) {
    public RequestIds {
        Objects.requireNonNull(requestId, "requestId == null");
        Objects.requireNonNull(correlationId, "correlationId == null");
    }

    /**
     * The ids of {@code request}.
     *
     * @throws IllegalStateException when the request did not pass the server's request-id filter
     */
    public static RequestIds of(ServerRequest request) {
        return request.context().get(RequestIds.class)
                .orElseThrow(() -> new IllegalStateException("request ids are assigned by the server's filter"));
    }

    /**
     * The key that makes a start request idempotent (PROTOCOL §4): {@code Repeatability-Request-ID} or
     * {@code Idempotency-Key}, as {@link Idempotency#key} checked it. Never the {@code x-ms-client-request-id}, which
     * is a correlation id clients may reuse across different requests.
     */
    public static Optional<String> idempotencyKey(ServerRequest request) {
        return Idempotency.key(request);
    }

    /** The caller's {@code x-ms-client-request-id}, if sent: for logs and echoing only, never a key. */
    public Optional<String> clientRequestIdIfSent() {
        return Optional.ofNullable(clientRequestId);
    }
}
