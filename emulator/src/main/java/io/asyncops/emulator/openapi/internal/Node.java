package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.openapi.SpecLoadException;
import java.nio.file.Path;

/**
 * A JSON node of a spec document together with where it is: its file and its JSON pointer. Errors found while
 * loading name that place.
 */
record Node(Path file, String pointer, JsonNode json) {

    /** The member {@code name} of this object node, or null when absent. */
    Node member(String name) {
        JsonNode child = json.get(name);
        return child == null ? null : new Node(file, pointer + "/" + escape(name), child);
    }

    /** The element {@code index} of this array node. */
    Node element(int index) {
        return new Node(file, pointer + "/" + index, json.get(index));
    }

    /** A text member, or null; anything but a string there is a load error. */
    String text(String name) {
        JsonNode child = json.get(name);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isTextual()) {
            throw error(name, "expected a string, found " + child.getNodeType());
        }
        return child.asText();
    }

    boolean flag(String name) {
        JsonNode child = json.get(name);
        return child != null && child.asBoolean(false);
    }

    /** A load error at this node (or at its member {@code name}). */
    SpecLoadException error(String name, String reason) {
        return new SpecLoadException(file, name == null ? pointer : pointer + "/" + escape(name), reason);
    }

    String location() {
        return file + "#" + pointer;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
