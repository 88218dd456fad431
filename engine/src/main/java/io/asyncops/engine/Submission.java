package io.asyncops.engine;

import java.util.Objects;

/**
 * What a caller asks the engine to run. Build with {@link #of(String, String)} and the {@code with*} methods.
 *
 * @param kind           selects the handler; must have one registered
 * @param input          opaque text (usually JSON) the handler reads, may be null
 * @param subscription   the tenant, may be null
 * @param resourceId     the resource acted on, may be null
 * @param exclusive      when true, refuse the submit with {@link ResourceBusyException} while another
 *                       non-terminal exclusive operation holds the same {@code resourceId} (Azure's 409)
 * @param idempotencyKey a retried submit with the same key (per subscription) and the same input returns the
 *                       same operation; a different input is an {@link IdempotencyConflictException}
 * @param requestId      the id of the request that starts it, may be null
 * @param owner          the submitting principal, may be null
 * @param correlationId  the correlation id of the request that starts it (shown in its history), may be null
 */
public record Submission(
        String kind,
        String input,
        String subscription,
        String resourceId,
        boolean exclusive,
        String idempotencyKey,
        String requestId,
        String owner,
        String correlationId) {

    public Submission {
        Objects.requireNonNull(kind, "kind == null");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind is blank");
        }
        if (exclusive && resourceId == null) {
            throw new IllegalArgumentException("an exclusive submission needs a resourceId");
        }
        if (correlationId != null && correlationId.length() > 200) {
            throw new IllegalArgumentException("correlationId is longer than 200 characters");
        }
    }

    /** A submission of {@code kind} with {@code input} and nothing else. */
    public static Submission of(String kind, String input) {
        return new Submission(kind, input, null, null, false, null, null, null, null);
    }

    public Submission withSubscription(String value) {
        return new Submission(kind, input, value, resourceId, exclusive, idempotencyKey, requestId, owner, correlationId);
    }

    /** Acts on {@code value}, without excluding other operations on it. */
    public Submission withResource(String value) {
        return new Submission(kind, input, subscription, value, exclusive, idempotencyKey, requestId, owner, correlationId);
    }

    /** Acts on {@code value} and holds it: no other exclusive operation on it may start until this one ends. */
    public Submission withExclusiveResource(String value) {
        return new Submission(kind, input, subscription, value, true, idempotencyKey, requestId, owner, correlationId);
    }

    public Submission withIdempotencyKey(String value) {
        return new Submission(kind, input, subscription, resourceId, exclusive, value, requestId, owner, correlationId);
    }

    public Submission withRequestId(String value) {
        return new Submission(kind, input, subscription, resourceId, exclusive, idempotencyKey, value, owner, correlationId);
    }

    /** Records the correlation id of the starting request (at most 200 characters). */
    public Submission withCorrelationId(String value) {
        return new Submission(kind, input, subscription, resourceId, exclusive, idempotencyKey, requestId, owner, value);
    }

    public Submission withOwner(String value) {
        return new Submission(kind, input, subscription, resourceId, exclusive, idempotencyKey, requestId, value, correlationId);
    }
}
