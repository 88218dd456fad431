package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asyncops.emulator.openapi.SpecLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The spec documents read so far, each parsed once, and the {@code $ref} resolver across them: a reference is
 * {@code [relative/file.json]#/json/pointer}, resolved against the file that holds it (azure-rest-api-specs point at
 * siblings and at {@code common-types} this way). Remote (http) references are refused: specs are loaded offline.
 */
final class Documents {
    /** Chains of {@code $ref} to {@code $ref} longer than this are taken for a loop. */
    private static final int MAX_CHAIN = 32;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Path, JsonNode> documents = new HashMap<>();

    /** The root of a document, parsed on first use. */
    Node root(Path file) {
        Path key = file.toAbsolutePath().normalize();
        JsonNode json = documents.get(key);
        if (json == null) {
            json = parse(key);
            documents.put(key, json);
        }
        return new Node(key, "", json);
    }

    private JsonNode parse(Path file) {
        try {
            JsonNode json = mapper.readTree(Files.readAllBytes(file));
            if (json == null || !json.isObject()) {
                throw new SpecLoadException(file, "", "not a JSON object");
            }
            return json;
        } catch (NoSuchFileException e) {
            throw new SpecLoadException(file, "", "no such file");
        } catch (JsonProcessingException e) {
            throw new SpecLoadException(file, "", "invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + brief(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SpecLoadException(file, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Jackson's message without its source-location tail. */
    private static String brief(String message) {
        int cut = message.indexOf(" (start marker");
        return cut < 0 ? message : message.substring(0, cut);
    }

    /** The node itself, or what its {@code $ref} (chain) points at. */
    Node deref(Node node) {
        Node current = node;
        for (int i = 0; i < MAX_CHAIN; i++) {
            if (current.json() == null || !current.json().isObject() || !current.json().has("$ref")) {
                return current;
            }
            current = follow(current);
        }
        throw node.error("$ref", "a chain of more than " + MAX_CHAIN + " $refs (a loop?)");
    }

    /** Where the {@code $ref} member of {@code node} points. */
    Node follow(Node node) {
        String ref = node.text("$ref");
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        if (filePart.contains("://")) {
            throw node.error("$ref", "remote reference '" + ref + "' is not supported (specs are loaded offline)");
        }
        Node target;
        if (filePart.isEmpty()) {
            target = root(node.file());
        } else {
            Path file = node.file().resolveSibling(filePart).normalize();
            if (!Files.isRegularFile(file)) {
                throw node.error("$ref", "'" + ref + "' names a file that does not exist: " + file);
            }
            target = root(file);
        }
        JsonNode json;
        try {
            json = pointer.isEmpty() ? target.json() : target.json().at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            throw node.error("$ref", "'" + ref + "' has an invalid JSON pointer: " + e.getMessage());
        }
        if (json == null || json.isMissingNode()) {
            throw node.error("$ref", "'" + ref + "' points at nothing: " + target.file() + " has no " + pointer);
        }
        return new Node(target.file(), pointer, json);
    }
}
