package io.asyncops.server.spi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.asyncops.protocol.Json;
import io.asyncops.protocol.Limits;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reading and writing JSON bodies on the ARM plane, with the plane's rules: a malformed or empty body, a body with
 * anything after its JSON document (garbage, a second document), or one nested deeper than
 * {@link Limits#JSON_DEPTH} is {@code 400 InvalidRequestContent}, explained in our words (never the parser's); a
 * body over the server's limit is {@code 413 RequestEntityTooLarge}; answers carry
 * {@code Content-Type: application/json; charset=utf-8}.
 */
public final class ArmJson {
    /** The content type of every JSON answer. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final ObjectReader READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Limits.JSON_DEPTH)
                            .maxNumberLength(100).build())
                    .build())
            .build()
            .readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
            JsonNode node = READER.readValue(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, "InvalidRequestContent", "The request content is missing.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "InvalidRequestContent", "The request content was invalid and could not "
                    + "be deserialized: " + reason(e) + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why a body is not acceptable JSON, in our words, with where the parser stopped. */
    static String reason(JsonProcessingException e) {
        String what;
        if (e instanceof StreamConstraintsException) {
            what = "it nests deeper than " + Limits.JSON_DEPTH + " levels or holds a number too long to read";
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().contains("Trailing token")) {
            what = "it has more content after the JSON document";
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
            what = "it ends before the JSON document is complete";
        } else if (e instanceof JsonParseException) {
            what = "it is not well-formed JSON";
        } else {
            what = "it is not a JSON document of the expected shape";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? what
                : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
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
