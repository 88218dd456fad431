package io.asyncops.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A persisted snapshot of one operation. Immutable; {@link #version()} grows with every stored change, so
 * {@code await(id, version, timeout)} can wait for the next one.
 *
 * @param id               the operation's identity
 * @param requestId        the id of the request that started it (the classic plane's handle), may be null
 * @param kind             selects the {@link OperationHandler}, e.g. {@code Microsoft.Sql/servers/write}
 * @param subscription     the tenant it belongs to; may be null for engines that do not partition
 * @param resourceId       the resource it acts on, may be null
 * @param status           where it is in its life cycle
 * @param percentComplete  progress reported by the handler (0-100), null until reported
 * @param createdAt        when it was submitted
 * @param startedAt        when a worker first started it, null before
 * @param endedAt          when it became terminal, null before
 * @param expectedEndAt    the handler's latest estimate of its end (drives Retry-After), may be null
 * @param input            what it was submitted with (opaque text, usually JSON), may be null
 * @param result           what it produced when it succeeded (opaque text), may be null
 * @param error            why it failed or was canceled, null otherwise
 * @param attempt          how many times a worker has started it (0 before the first start)
 * @param checkpoint       the handler's last saved state for resumption, may be null
 * @param idempotencyKey   the caller's key that makes a retried submit return this operation, may be null
 * @param owner            the principal that submitted it, may be null
 * @param cancelRequested  whether cancellation was asked for and not yet honoured or refused
 * @param version          grows with every stored change
 */
public record Operation(
        OperationId id,
        String requestId,
        String kind,
        String subscription,
        String resourceId,
        OperationStatus status,
        Double percentComplete,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        Instant expectedEndAt,
        String input,
        String result,
        OperationError error,
        int attempt,
        String checkpoint,
        String idempotencyKey,
        String owner,
        boolean cancelRequested,
        long version) {

    public Operation {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
    }

    /** True once Succeeded, Failed or Canceled. */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** How long it has been running (or ran), measured from its creation. */
    public Duration age(Instant now) {
        Instant end = endedAt != null ? endedAt : now;
        return Duration.between(createdAt, end);
    }
}
