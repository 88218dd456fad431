package io.asyncops.server.spi;

import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies within the server's size limit. Rule: a body over the limit is {@code 413
 * RequestEntityTooLarge} whether or not it declared its length (chunked bodies are counted as they arrive).
 */
public final class Bodies {
    private Bodies() {
    }

    /**
     * The whole request body; empty when there is none.
     *
     * @throws ApiException 413 {@code RequestEntityTooLarge} when the body exceeds the server's limit
     */
    public static byte[] bytes(ServerRequest request) {
        long limit = request.context().get(BodyLimit.class).map(BodyLimit::bytes).orElse(Long.MAX_VALUE);
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
            byte[] data = in.readNBytes(cap);
            if (data.length == cap && in.read() != -1) {
                throw tooLarge(limit);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 413 error for a body over {@code limit} bytes. */
    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "RequestEntityTooLarge",
                "The request body is too large; the limit is " + limit + " bytes.");
    }

    /**
     * The server's body size limit, registered in each request's context by the server.
     *
     * @param bytes the most bytes a request body may have
     */
    public record BodyLimit(long bytes) {
    }
}
