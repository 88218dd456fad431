package io.asyncops.protocol;

import java.util.Objects;

/** The body of an ARM error response: {@code {"error":{...}}}. */
public record ArmErrorResponse(ArmError error) {
    public ArmErrorResponse {
        Objects.requireNonNull(error, "error == null");
    }

    /** A response body with a code and a message only. */
    public static ArmErrorResponse of(String code, String message) {
        return new ArmErrorResponse(ArmError.of(code, message));
    }
}
