package io.asyncops.emulator.openapi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A spec file that cannot be loaded: the file, the JSON pointer inside it where loading stopped, and why. Start-up
 * fails with it, so a broken or unsupported spec is never served half.
 */
public final class SpecLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String pointer;
    private final String reason;

    public SpecLoadException(Path file, String pointer, String reason) {
        this(file, pointer, reason, null);
    }

    public SpecLoadException(Path file, String pointer, String reason, Throwable cause) {
        super(file + "#" + (pointer == null ? "" : pointer) + ": " + Objects.requireNonNull(reason, "reason == null"),
                cause);
        this.file = Objects.requireNonNull(file, "file == null");
        this.pointer = pointer == null ? "" : pointer;
        this.reason = reason;
    }

    /** The spec file at fault. */
    public Path file() {
        return file;
    }

    /** The JSON pointer (RFC 6901) inside {@link #file()}, {@code ""} for the whole document. */
    public String pointer() {
        return pointer;
    }

    /** Why it cannot be loaded. */
    public String reason() {
        return reason;
    }
}
