package io.asyncops.server.spi;

import io.asyncops.protocol.ArmError;
import java.util.List;
import java.util.Objects;

/**
 * An error answer, thrown from any route and rendered by the server's one error table: ARM JSON
 * {@code {"error":{"code","message","target","details"}}} on the ARM plane, classic XML
 * {@code <Error><Code/><Message/></Error>} on classic routes. The message is shown to the caller: never put
 * internals (stack traces, SQL) in it.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String target;
    private final transient List<ArmError> details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, List.of());
    }

    public ApiException(int status, String code, String message, String target) {
        this(status, code, message, target, List.of());
    }

    public ApiException(int status, String code, String message, String target, List<ArmError> details) {
        super(Objects.requireNonNull(message, "message == null"), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code == null");
        this.target = target;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    /** 400 with {@code code}. */
    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** 404 with {@code code}. */
    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    /** 409 with {@code code}. */
    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Azure's PascalCase error code. */
    public String code() {
        return code;
    }

    /** What the error is about (a property or a path), may be null. */
    public String target() {
        return target;
    }

    public List<ArmError> details() {
        return details;
    }

    /** The error as an ARM error object. */
    public ArmError toArmError() {
        return new ArmError(code, getMessage(), target, details);
    }
}
