package io.asyncops.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.AzureException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resource tags as ARM checks them, and the fault tag: {@code "asyncops-fault": "SomeErrorCode"} in a start
 * request's tags makes the operation run and then fail with that code. The tag is never stored on the resource
 * (an operation that fails does not apply its tags).
 */
public final class Tags {
    /** The tag that asks for a deterministic failure. */
    public static final String FAULT = "asyncops-fault";
    /** ARM's limit of tags per resource. */
    public static final int MAX_TAGS = 50;
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final String FORBIDDEN_IN_NAMES = "<>%&\\?/";

    private Tags() {
    }

    /** Reads {@code node} (absent or null: no tags) as ARM does, refusing what ARM refuses. */
    public static Map<String, String> read(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return tags;
        }
        if (!node.isObject()) {
            throw Errors.invalidContent("'tags' must be an object of string values.");
        }
        if (node.size() > MAX_TAGS) {
            throw new AzureException(400, "InvalidTagCount", "The number of tags per resource or resource group"
                    + " is limited to " + MAX_TAGS + "; the request has " + node.size() + ".", "tags");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (!value.isTextual()) {
                throw Errors.invalidContent("the value of tag '" + name + "' must be a string.");
            }
            if (name.isEmpty() || name.length() > 512) {
                throw new AzureException(400, "InvalidTagNameLength", "The tag name '" + name + "' must have"
                        + " 1 to 512 characters.", "tags");
            }
            for (char ch : name.toCharArray()) {
                if (FORBIDDEN_IN_NAMES.indexOf(ch) >= 0) {
                    throw new AzureException(400, "InvalidTagNameCharacters", "The tag names '" + name
                            + "' have reserved characters '" + FORBIDDEN_IN_NAMES + "'.", "tags");
                }
            }
            if (value.textValue().length() > 256) {
                throw new AzureException(400, "InvalidTagValueLength", "The value of tag '" + name
                        + "' exceeds the maximum length of 256 characters.", "tags");
            }
            tags.put(name, value.textValue());
        }
        return tags;
    }

    /** The fault code the tags ask for, checked; empty without the fault tag. */
    public static Optional<String> fault(Map<String, String> tags) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey().equalsIgnoreCase(FAULT)) {
                String code = e.getValue();
                if (!CODE.matcher(code).matches()) {
                    throw new AzureException(400, "InvalidParameterValue", "The '" + FAULT + "' tag must name an"
                            + " error code (a letter, then letters, digits, '.', '_' or '-'), not '" + code + "'.",
                            "tags." + FAULT);
                }
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** The tags without the fault tag: what a resource keeps. */
    public static Map<String, String> withoutFault(Map<String, String> tags) {
        Map<String, String> kept = new LinkedHashMap<>(tags);
        kept.keySet().removeIf(k -> k.equalsIgnoreCase(FAULT));
        return kept;
    }
}
