package io.asyncops.server.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reading and writing JSON bodies on the ARM plane, with the plane's rules: a malformed or empty body is
 * {@code 400 InvalidRequestContent}; a body over the server's limit is {@code 413 RequestEntityTooLarge};
 * answers carry {@code Content-Type: application/json; charset=utf-8}.
 */
public final class ArmJson {
    /** The content type of every JSON answer. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private ArmJson() {
    }

    /**
     * The request body as a JSON tree.
     *
     * @throws ApiException 400 {@code InvalidRequestContent} when the body is missing or not JSON; 413 when too large
     */
    public static JsonNode read(ServerRequest request) {
        byte[] body = Bodies.bytes(request);
        if (body.length == 0) {
            throw new ApiException(400, "InvalidRequestContent", "The request content is missing.");
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, "InvalidRequestContent", "The request content is missing.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "InvalidRequestContent", "The request content was invalid and could not "
                    + "be deserialized: " + e.getOriginalMessage() + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code body} (a record, a tree, a raw JSON string or its UTF-8 bytes) as JSON with {@code status}. */
    public static void send(ServerResponse response, int status, Object body) {
        byte[] bytes;
        try {
            bytes = body instanceof String raw ? raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : body instanceof byte[] raw ? raw : Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer", e);
        }
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        response.send(bytes);
    }
}
