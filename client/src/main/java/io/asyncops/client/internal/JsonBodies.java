package io.asyncops.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.asyncops.protocol.ArmError;
import io.asyncops.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the JSON bodies of the protocol leniently: what a poller needs, nothing it does not. */
public final class JsonBodies {
    private static final ObjectReader READER = Json.mapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    /** A body as read: nothing, a JSON value, or text that is not JSON. */
    public sealed interface Parsed {
        /** No body, or only white space. */
        record Empty() implements Parsed {
        }

        /** A JSON value. */
        record Valid(JsonNode node) implements Parsed {
        }

        /** Text that is not one JSON value; {@code reason} says why. */
        record Invalid(String reason) implements Parsed {
        }
    }

    /** Parses a body. */
    public static Parsed parse(String body) {
        if (body == null || body.isBlank()) {
            return new Parsed.Empty();
        }
        try {
            return new Parsed.Valid(READER.readValue(body));
        } catch (JsonProcessingException e) {
            return new Parsed.Invalid(e.getOriginalMessage());
        }
    }

    /**
     * True when a body is meant to be JSON: its content type says so, or it has none and starts like JSON. A body
     * meant to be JSON that does not parse is a protocol violation; any other body is opaque.
     */
    public static boolean meantAsJson(String contentType, String body) {
        if (contentType != null) {
            return contentType.toLowerCase(Locale.ROOT).contains("json");
        }
        String t = body == null ? "" : body.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    /** {@code properties.provisioningState} (or a top-level {@code provisioningState}), or null. */
    public static String provisioningState(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode state = node.path("properties").path("provisioningState");
        if (!state.isTextual()) {
            state = node.path("provisioningState");
        }
        return state.isTextual() ? state.asText() : null;
    }

    /** The status monitor's {@code status}, or null when absent or not text. */
    public static String status(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode status = node.get("status");
        return status != null && status.isTextual() ? status.asText() : null;
    }

    /** The status monitor's {@code percentComplete}, or null. */
    public static Double percentComplete(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode p = node.get("percentComplete");
        return p != null && p.isNumber() ? p.asDouble() : null;
    }

    /** A text field of an object, or null. */
    public static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /**
     * The error a body carries: {@code {"error":{"code":...}}} or a bare {@code {"code":...,"message":...}}. Codes
     * that are numbers (some services send {@code 500}) are read as text. Null when there is none.
     */
    public static ArmError error(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode error = node.get("error");
        if (error != null && error.isObject()) {
            return toError(error);
        }
        if (node.has("code") && node.get("code").isValueNode()) {
            return toError(node);
        }
        return null;
    }

    private static ArmError toError(JsonNode e) {
        JsonNode code = e.get("code");
        String codeText = code != null && code.isValueNode() && !code.isNull() ? code.asText() : "Unknown";
        List<ArmError> details = new ArrayList<>();
        JsonNode d = e.get("details");
        if (d != null && d.isArray()) {
            for (JsonNode item : d) {
                if (item.isObject()) {
                    details.add(toError(item));
                }
            }
        }
        return new ArmError(codeText, textOrNull(e.get("message")), textOrNull(e.get("target")), details);
    }

    private static String textOrNull(JsonNode n) {
        return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
    }
}
