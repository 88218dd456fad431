package io.asyncops.engine;

import java.util.Objects;
import java.util.UUID;

/** The identity of an operation: a random UUID, rendered in its canonical lower-case form. */
public record OperationId(UUID value) {
    public OperationId {
        Objects.requireNonNull(value, "value == null");
    }

    /** A new random id. */
    public static OperationId random() {
        return new OperationId(UUID.randomUUID());
    }

    /**
     * Parses a canonical UUID string.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static OperationId parse(String text) {
        Objects.requireNonNull(text, "text == null");
        if (text.length() != 36) {
            throw new IllegalArgumentException("not an operation id: " + text);
        }
        return new OperationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
