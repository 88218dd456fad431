package io.asyncops.server.classic;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.classic.BizTalkResource;
import io.asyncops.protocol.classic.ClassicOperationStatus;
import io.asyncops.protocol.classic.ServiceManagementOperation;

/**
 * An engine operation as the classic documents show it. The classic API knows three results: {@code Accepted} and
 * {@code InProgress} are {@code InProgress}; {@code Canceled} (an asyncops extension) is {@code Failed} with the
 * cancellation as its error. The error part appears only when failed; the HTTP status only once terminal.
 */
final class ClassicStatuses {
    static final String IN_PROGRESS = "InProgress";
    static final String SUCCEEDED = "Succeeded";
    static final String FAILED = "Failed";

    private ClassicStatuses() {
    }

    static String result(OperationStatus status) {
        return switch (status) {
            case ACCEPTED, IN_PROGRESS -> IN_PROGRESS;
            case SUCCEEDED -> SUCCEEDED;
            case FAILED, CANCELED -> FAILED;
        };
    }

    /** The error of a failed or canceled operation (one without an error gets a generic one). */
    static OperationError error(Operation op) {
        if (op.error() != null) {
            return op.error();
        }
        return op.status() == OperationStatus.CANCELED ? OperationError.canceled()
                : OperationError.internal("InternalError", "The operation failed.");
    }

    /** BizTalk Services' {@code <OperationStatus>}. */
    static ClassicOperationStatus operationStatus(Operation op) {
        String result = result(op.status());
        if (!FAILED.equals(result)) {
            return new ClassicOperationStatus(result, null);
        }
        OperationError e = error(op);
        return new ClassicOperationStatus(result, new ClassicOperationStatus.Error(e.httpStatus(), e.message(), e.code()));
    }

    /** The same, as a resource's last operation. */
    static BizTalkResource.LastOperation lastOperation(String type, Operation op) {
        String result = result(op.status());
        if (!FAILED.equals(result)) {
            return new BizTalkResource.LastOperation(type, result, null);
        }
        OperationError e = error(op);
        return new BizTalkResource.LastOperation(type, result,
                new BizTalkResource.LastOperation.Error(e.httpStatus(), e.message(), e.code()));
    }

    /** The generic Service Management {@code <Operation>} of the operation whose handle is {@code requestId}. */
    static ServiceManagementOperation operation(String requestId, Operation op) {
        String result = result(op.status());
        return switch (result) {
            case SUCCEEDED -> new ServiceManagementOperation(requestId, result, 200, null);
            case FAILED -> {
                OperationError e = error(op);
                yield new ServiceManagementOperation(requestId, result, e.httpStatus(),
                        new ServiceManagementOperation.Error(e.code(), e.message()));
            }
            default -> new ServiceManagementOperation(requestId, result, null, null);
        };
    }
}
