package io.asyncops.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The result of an operation that ended {@code Succeeded}: the body of the response the final-state rules chose
 * (empty for a DELETE, or when the server sent none).
 *
 * @param httpStatus  the status of the response the body came from
 * @param body        the body as text, never null (empty when there was none)
 * @param contentType the response's {@code Content-Type}, or null
 * @param url         the URL the body came from
 * @param polls       the number of polls it took
 * @param elapsed     the time from the start of the poller to the end
 */
public record LroResult(int httpStatus, String body, String contentType, URI url, int polls, Duration elapsed) {

    public LroResult {
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(elapsed, "elapsed == null");
    }

    /** True when the result carries a body. */
    public boolean hasBody() {
        return !body.isBlank();
    }

    /**
     * The body read as JSON.
     *
     * @throws UncheckedIOException when it is not JSON
     */
    public JsonNode json() {
        return as(JsonNode.class);
    }

    /**
     * The body mapped onto {@code type} with the wire JSON configuration (unknown properties ignored).
     *
     * @throws UncheckedIOException when it does not map
     */
    public <T> T as(Class<T> type) {
        Objects.requireNonNull(type, "type == null");
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("The result body is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
