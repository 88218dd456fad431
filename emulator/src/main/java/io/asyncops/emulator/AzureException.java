package io.asyncops.emulator;

import io.asyncops.protocol.ArmError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one error type of asyncops: an answer with an HTTP status, Azure's error code (PascalCase), a message shown to
 * the caller, and optionally the part of the request at fault ({@code target}), details and extra headers.
 * Providers throw it to refuse a request (nothing is stored); the server throws it from any route; the server's
 * one error table renders it as ARM JSON {@code {"error":{"code","message","target","details"}}} or, on classic
 * paths, as Service Management XML {@code <Error><Code/><Message/></Error>}.
 *
 * <p>Rule: the message is shown to the caller; never put internals (stack traces, SQL) in it.
 */
public class AzureException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String target;
    private final transient List<ArmError> details;
    private final transient Map<String, String> headers;

    public AzureException(int status, String code, String message) {
        this(status, code, message, null, List.of(), Map.of());
    }

    public AzureException(int status, String code, String message, String target) {
        this(status, code, message, target, List.of(), Map.of());
    }

    public AzureException(int status, String code, String message, String target, List<ArmError> details) {
        this(status, code, message, target, details, Map.of());
    }

    /** The full constructor; subclasses use it to copy an error with more headers. */
    protected AzureException(int status, String code, String message, String target, List<ArmError> details,
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

    /** 400 with {@code code}. */
    public static AzureException badRequest(String code, String message) {
        return new AzureException(400, code, message);
    }

    /** 400 with {@code code}, naming the property or parameter at fault. */
    public static AzureException badRequest(String code, String message, String target) {
        return new AzureException(400, code, message, target);
    }

    /** 404 with {@code code}. */
    public static AzureException notFound(String code, String message) {
        return new AzureException(404, code, message);
    }

    /** 409 with {@code code}. */
    public static AzureException conflict(String code, String message) {
        return new AzureException(409, code, message);
    }

    /** ARM's answer to a failed {@code If-Match} / {@code If-None-Match}: 412 {@code PreconditionFailed}. */
    public static AzureException preconditionFailed(String message) {
        return new AzureException(412, "PreconditionFailed", message);
    }

    /** A copy of this error that also sends the response header {@code name: value} (e.g. {@code Allow}). */
    public AzureException withHeader(String name, String value) {
        return new AzureException(status, code, getMessage(), target, details, moreHeaders(name, value));
    }

    /** {@link #headers()} plus {@code name: value}; for subclasses' {@link #withHeader}. */
    protected final Map<String, String> moreHeaders(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
        return more;
    }

    /** The HTTP status, 4xx for anything the caller did. */
    public int status() {
        return status;
    }

    /** Azure's error code, PascalCase. */
    public String code() {
        return code;
    }

    /** The part of the request at fault (a property path or a parameter name), may be null. */
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
