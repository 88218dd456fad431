package io.asyncops.emulator.openapi.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of a spec, compiled: its path template, api-version, whether it is long-running (and its
 * {@code final-state-via}), the status codes it declares with their schemas, its body schema, its path parameters
 * and its paging.
 *
 * @param responses   declared success codes (2xx) in declaration order, each with its schema (null: no body)
 * @param body        the body parameter's schema, null when there is none
 * @param errorSchema the {@code default} response's schema (ARM's error body), null when the spec declares none
 */
public record SpecOperation(String operationId, String method, PathTemplate path, String apiVersion,
                            boolean longRunning, String finalStateVia, Map<Integer, Schema> responses,
                            Schema body, boolean bodyRequired, List<PathParameter> pathParameters,
                            Pageable pageable, Schema errorSchema, java.nio.file.Path file, String pointer) {

    /**
     * Whether the operation's error answers may name the property at fault: they may when the spec's error schema
     * ({@code default} response) has {@code error.target}, or when it declares none.
     */
    public boolean errorsHaveTarget() {
        if (errorSchema == null) {
            return true;
        }
        Schema.Property error = errorSchema.property("error");
        Schema body = error != null ? error.schema() : errorSchema;
        return body.has("target") || body.additionalAllowed();
    }

    /** {@code file#pointer} of the operation, for messages. */
    public String source() {
        return file + "#" + pointer;
    }

    /** A path parameter and the schema its value must match (pattern, lengths). */
    public record PathParameter(String name, Schema schema) {
    }

    /** {@code x-ms-pageable}: the names of the next-link and item members; nextLinkName null: one page. */
    public record Pageable(String nextLinkName, String itemName) {
    }

    public boolean declares(int status) {
        return responses.containsKey(status);
    }

    /** The schema of the first declared 200/201 response that has one, or null. */
    public Schema resultSchema() {
        for (int code : new int[] {200, 201}) {
            Schema s = responses.get(code);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    public Set<Integer> codes() {
        return responses.keySet();
    }
}
