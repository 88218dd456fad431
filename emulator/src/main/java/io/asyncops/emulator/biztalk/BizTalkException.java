package io.asyncops.emulator.biztalk;

import java.util.Objects;

/**
 * A request the BizTalk Services provider refuses, with the HTTP status and the Service Management error code
 * (e.g. {@code 409 ConflictError}, {@code 404 ResourceNotFound}). Nothing was stored. The message is shown to callers.
 */
public final class BizTalkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public BizTalkException(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message == null"), null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("status must be 4xx: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code == null");
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The Service Management error code, PascalCase. */
    public String code() {
        return code;
    }

    static BizTalkException badRequest(String code, String message) {
        return new BizTalkException(400, code, message);
    }

    static BizTalkException notFound(String what) {
        return new BizTalkException(404, "ResourceNotFound", "The " + what + " does not exist.");
    }

    static BizTalkException conflict(String message) {
        return new BizTalkException(409, "ConflictError", message);
    }
}
