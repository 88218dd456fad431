package io.asyncops.emulator.internal.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Verb;
import io.asyncops.protocol.Json;

/**
 * An operation's input as the core submits it: what the request asked, normalized, and nothing read from the
 * database or the clock, so that a retried request with the same idempotency key gives the same text (and the
 * engine returns the same operation).
 *
 * @param verb   what started it
 * @param type   the resource type
 * @param id     the resource's id (parents in their stored case), null for a provider action
 * @param action the action's name for {@link Verb#POST}
 * @param input  the hooks' normalized input, null for DELETE
 * @param fault  the error code the {@code asyncops-fault} tag asked for, null without
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationInput(Verb verb, String type, String id, String action, ObjectNode input, String fault) {

    public String toText() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an operation input cannot be written", e);
        }
    }

    public static OperationInput parse(String text) {
        try {
            return Json.mapper().readValue(text, OperationInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an operation input is not what the core wrote: " + e.getMessage(), e);
        }
    }

    /** The input, or an empty object. */
    public ObjectNode inputOrEmpty() {
        return input == null ? Json.mapper().createObjectNode() : input.deepCopy();
    }
}
