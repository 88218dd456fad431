package io.asyncops.server.spi;

import io.asyncops.protocol.ArmError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final transient Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, List.of());
    }

    public ApiException(int status, String code, String message, String target) {
        this(status, code, message, target, List.of());
    }

    public ApiException(int status, String code, String message, String target, List<ArmError> details) {
        this(status, code, message, target, details, Map.of());
    }

    private ApiException(int status, String code, String message, String target, List<ArmError> details,
                         Map<String, String> headers) {
        super(Objects.requireNonNull(message, "message == null"), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code == null");
        this.target = target;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    /** A copy of this error that also sends the response header {@code name: value} (e.g. {@code Allow}). */
    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
        return new ApiException(status, code, getMessage(), target, details, more);
    }

    /** 405 {@code MethodNotAllowed} naming the allowed methods in {@code Allow}. */
    public static ApiException methodNotAllowed(String method, String... allowed) {
        return new ApiException(405, "MethodNotAllowed", "The HTTP method '" + method
                + "' is not supported here. Allowed: " + String.join(", ", allowed) + ".")
                .withHeader("Allow", String.join(", ", allowed));
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

    /** Extra response headers of this error. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The error as an ARM error object. */
    public ArmError toArmError() {
        return new ArmError(code, getMessage(), target, details);
    }
}
