package io.asyncops.server.spi;

import io.asyncops.emulator.AzureException;
import io.asyncops.protocol.ArmError;
import java.util.List;
import java.util.Map;

/**
 * The server's spelling of the one error type, {@link AzureException}: thrown from any route or filter and rendered
 * by the server's one error table (ARM JSON on the ARM plane, classic XML on classic routes). Routes may throw either;
 * the provider core throws {@code AzureException}. The message is shown to the caller: never put internals (stack
 * traces, SQL) in it.
 */
public class ApiException extends AzureException {
    private static final long serialVersionUID = 1L;

    public ApiException(int status, String code, String message) {
        super(status, code, message);
    }

    public ApiException(int status, String code, String message, String target) {
        super(status, code, message, target);
    }

    public ApiException(int status, String code, String message, String target, List<ArmError> details) {
        super(status, code, message, target, details);
    }

    private ApiException(int status, String code, String message, String target, List<ArmError> details,
                         Map<String, String> headers) {
        super(status, code, message, target, details, headers);
    }

    /** A copy of this error that also sends the response header {@code name: value} (e.g. {@code Allow}). */
    @Override
    public ApiException withHeader(String name, String value) {
        return new ApiException(status(), code(), getMessage(), target(), details(), moreHeaders(name, value));
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
}
