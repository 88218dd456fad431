package io.asyncops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.engine.Operation;
import java.util.Objects;

/** What the core answers to a write or an action; the server renders it (status, headers, body). */
public sealed interface Answer {

    /**
     * Done within the request.
     *
     * @param status   {@code 200}, {@code 201} (created) or {@code 204} (nothing there)
     * @param resource the resource written (for its {@code ETag}), null when none
     * @param body     the body to answer, null for none
     */
    record Done(int status, Resource resource, JsonNode body) implements Answer {
    }

    /**
     * A long-running operation started (or, for a repeated DELETE, the one already running).
     *
     * @param operation the committed operation
     * @param namespace the provider namespace of its status URLs, e.g. {@code Microsoft.Sql}
     * @param location  the region of its status URLs, e.g. {@code westus}
     * @param style     how the verb answers ({@code 202}, or {@code 201}/{@code 200} with the resource)
     * @param created   whether it creates its resource ({@code 201} rather than {@code 200})
     * @param resource  the resource as it shows while the operation runs, null for actions
     * @param body      its rendered body, null for actions
     */
    record Started(Operation operation, String namespace, String location, VerbStyle style, boolean created,
                   Resource resource, JsonNode body) implements Answer {
        public Started {
            Objects.requireNonNull(operation, "operation == null");
            Objects.requireNonNull(namespace, "namespace == null");
            Objects.requireNonNull(location, "location == null");
            Objects.requireNonNull(style, "style == null");
        }
    }
}
