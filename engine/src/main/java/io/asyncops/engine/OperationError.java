package io.asyncops.engine;

import java.util.List;
import java.util.Objects;

/**
 * Why an operation failed or was canceled: Azure's {@code {code, message, target, details}}, plus the HTTP status
 * the synchronous form of the call would have answered (the result URL and the classic plane report it).
 */
public record OperationError(String code, String message, String target, List<OperationError> details, int httpStatus) {
    public OperationError {
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(message, "message == null");
        details = details == null ? List.of() : List.copyOf(details);
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 4xx or 5xx: " + httpStatus);
        }
    }

    /** An error with a code, a message and an HTTP status. */
    public static OperationError of(String code, String message, int httpStatus) {
        return new OperationError(code, message, null, List.of(), httpStatus);
    }

    /** The error of an operation the engine failed itself (handler crash, retries exhausted): HTTP 500. */
    public static OperationError internal(String code, String message) {
        return of(code, message, 500);
    }

    /** The error of an operation that was canceled on request. */
    public static OperationError canceled() {
        return of("OperationCanceled", "The operation was canceled.", 409);
    }
}
