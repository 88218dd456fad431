package io.asyncops.engine.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asyncops.engine.OperationError;

/** Stores an {@link OperationError} (with its nested details) as one JSON column. */
final class ErrorJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ErrorJson() {
    }

    static String write(OperationError error) {
        if (error == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an operation error as JSON", e);
        }
    }

    static OperationError read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, OperationError.class);
        } catch (JsonProcessingException e) {
            return OperationError.internal("InternalServerError", "The stored error could not be read.");
        }
    }
}
