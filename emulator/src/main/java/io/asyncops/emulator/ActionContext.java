package io.asyncops.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.engine.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What {@link ResourceAction#result} sees: the action's input, its target and, when long-running, its operation. */
public interface ActionContext {

    /** The action's input ({@link ResourceAction#input}). */
    ObjectNode input();

    /** The resource acted on, null for an action outside a resource. */
    Resource target();

    /** The path's parameters by name, as requested. */
    Map<String, String> path();

    /** The operation, when the action is long-running (null when synchronous). */
    Operation operation();

    /** How long the operation took by plan (zero when synchronous). */
    Duration duration();

    /** Now, by the server's clock. */
    Instant now();

    /** Reads of the store. */
    Lookup lookup();
}
