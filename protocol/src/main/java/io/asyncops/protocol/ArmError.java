package io.asyncops.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * An ARM error: {@code {"code":"PascalCase","message":"...","target":...,"details":[...]}}.
 *
 * <p>Used both as the {@code error} of a status monitor and, wrapped in {@link ArmErrorResponse}, as the body
 * of an error response.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ArmError(String code, String message, String target, List<ArmError> details) {
    public ArmError {
        Objects.requireNonNull(code, "code == null");
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** An error with a code and a message only. */
    public static ArmError of(String code, String message) {
        return new ArmError(code, message, null, List.of());
    }
}
