package io.asyncops.emulator;

import java.util.Objects;

/** The answer of a synchronous create-or-update: the resource, and whether it was created (201) or updated (200). */
public record PutResult<T>(T resource, boolean created) {
    public PutResult {
        Objects.requireNonNull(resource, "resource == null");
    }

    /** 201 when created, 200 when updated. */
    public int httpStatus() {
        return created ? 201 : 200;
    }
}
