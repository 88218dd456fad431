package io.asyncops.emulator;

import java.util.Objects;

/**
 * A request the emulated provider refuses, with the HTTP status and the Azure error code the real provider answers
 * (for example {@code 400 PasswordNotComplex} or {@code 404 ResourceGroupNotFound}). Nothing was stored.
 */
public final class EmulatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String target;

    public EmulatorException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public EmulatorException(int status, String code, String message, String target) {
        super(Objects.requireNonNull(message, "message == null"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code == null");
        this.target = target;
    }

    /** The HTTP status Azure answers with, 4xx for anything a caller did. */
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
}
