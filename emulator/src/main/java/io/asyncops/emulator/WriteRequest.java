package io.asyncops.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A PUT or PATCH as the hooks see it, after the core's own checks: the name passed the type's {@link NameRule}; the
 * body is a JSON object; for a tracked type its {@code location} is normalized ({@code West US} -> {@code westus})
 * and its {@code tags} are valid, without the {@code asyncops-fault} tag (the core keeps that one).
 *
 * @param verb   {@link Verb#PUT} or {@link Verb#PATCH}
 * @param type   the resource type
 * @param id     the resource id as requested (its parents' part in their stored case once they are read)
 * @param name   the resource's name as requested
 * @param body   the request body as described above; a copy, free to change
 * @param path   the path's parameter values by name, as requested
 * @param caller who asks
 * @param now    the server clock's time of the request
 */
public record WriteRequest(Verb verb, ResourceType type, String id, String name, ObjectNode body,
                           Map<String, String> path, Caller caller, Instant now) {
    public WriteRequest {
        Objects.requireNonNull(verb, "verb == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(body, "body == null");
        path = Map.copyOf(path);
        Objects.requireNonNull(caller, "caller == null");
        Objects.requireNonNull(now, "now == null");
    }

    /** A copy of the body, free to change. */
    @Override
    public ObjectNode body() {
        return body.deepCopy();
    }

    /** Whether it is a PATCH (only what the body names changes). */
    public boolean isPatch() {
        return verb == Verb.PATCH;
    }
}
