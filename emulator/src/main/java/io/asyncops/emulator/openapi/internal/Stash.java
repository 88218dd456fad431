package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a spec-loaded resource keeps that no answer shows: its keys once one was regenerated, a generation counter
 * for values regenerated on each call, and, in a soft-deleted record, the body of the resource it records. Kept in
 * the stored body under {@link #MEMBER} (no spec declares such a name); {@link Projection} never renders it and
 * writes carry it over.
 */
final class Stash {
    /** The member of a stored body that holds the stash. */
    static final String MEMBER = "asyncops:stash";

    private Stash() {
    }

    /** The stash of a stored body, or null. */
    static ObjectNode of(JsonNode body) {
        return body != null && body.get(MEMBER) instanceof ObjectNode o ? o : null;
    }

    /** The stash of a body, created when missing. */
    static ObjectNode in(ObjectNode body) {
        return body.get(MEMBER) instanceof ObjectNode o ? o : body.putObject(MEMBER);
    }

    /** Removes the stash from a body (what a client sent, what an answer shows). */
    static ObjectNode without(ObjectNode body) {
        body.remove(MEMBER);
        return body;
    }

    /** Copies {@code from}'s stash into {@code to} (a PUT replacing a body keeps it). */
    static void carry(JsonNode from, ObjectNode to) {
        ObjectNode stash = of(from);
        if (stash != null) {
            to.set(MEMBER, stash.deepCopy());
        }
    }

    /** The stash's generation counter (0 when never bumped). */
    static int generation(JsonNode body) {
        ObjectNode stash = of(body);
        return stash == null ? 0 : stash.path("generation").asInt(0);
    }
}
