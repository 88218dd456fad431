package io.asyncops.server.internal.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.ArmError;
import io.asyncops.protocol.Json;
import io.asyncops.protocol.OperationStatusMonitor;
import io.asyncops.protocol.ProvisioningStates;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Renders an {@link Operation} as an ARM status monitor (PROTOCOL §2): {@code Accepted} shows as
 * {@code InProgress}; {@code endTime} only once terminal; {@code error} only when Failed or Canceled;
 * {@code properties} only when Succeeded with a JSON-object result.
 */
final class Monitors {
    private Monitors() {
    }

    static OperationStatusMonitor of(String id, Operation op) {
        boolean terminal = op.isTerminal();
        return new OperationStatusMonitor(
                id,
                op.id().toString(),
                wireStatus(op.status()),
                time(op.createdAt()),
                terminal ? time(op.endedAt() != null ? op.endedAt() : op.createdAt()) : null,
                percentComplete(op),
                op.status() == OperationStatus.SUCCEEDED ? objectOrNull(op.result()) : null,
                (op.status() == OperationStatus.FAILED || op.status() == OperationStatus.CANCELED)
                        ? armError(op.error() != null ? op.error() : fallbackError(op.status())) : null);
    }

    static String wireStatus(OperationStatus status) {
        return switch (status) {
            case ACCEPTED, IN_PROGRESS -> ProvisioningStates.IN_PROGRESS;
            case SUCCEEDED -> ProvisioningStates.SUCCEEDED;
            case FAILED -> ProvisioningStates.FAILED;
            case CANCELED -> ProvisioningStates.CANCELED;
        };
    }

    static ArmError armError(OperationError error) {
        List<ArmError> details = error.details().stream().map(Monitors::armError).toList();
        return new ArmError(error.code(), error.message(), error.target(), details);
    }

    static OperationError fallbackError(OperationStatus status) {
        return status == OperationStatus.CANCELED ? OperationError.canceled()
                : OperationError.internal("InternalServerError", "The operation failed.");
    }

    /** The JSON object a result holds, or null when it is empty or not an object. */
    static JsonNode objectOrNull(String result) {
        if (result == null || result.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(result);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static Double percentComplete(Operation op) {
        if (op.status() == OperationStatus.SUCCEEDED) {
            return 100.0;
        }
        return op.percentComplete() != null ? op.percentComplete() : op.isTerminal() ? null : 0.0;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
