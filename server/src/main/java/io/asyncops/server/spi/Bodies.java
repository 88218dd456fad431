package io.asyncops.server.spi;

import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.http.ServerRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies within the server's size limit. Rules: a body over the limit is {@code 413
 * RequestEntityTooLarge} whether or not it declared its length (chunked bodies are counted as they arrive); a
 * malformed chunked body is {@code 400 InvalidChunkedEncoding}; a body that ends before its declared length is
 * {@code 400 IncompleteRequestBody}; a connection that fails under the read is a client gone away (the server closes
 * it quietly), never a 5xx.
 */
public final class Bodies {
    private Bodies() {
    }

    /**
     * The whole request body; empty when there is none.
     *
     * @throws ApiException 413 {@code RequestEntityTooLarge} when the body exceeds the server's limit, 400 when it is
     *                      malformed or cut short
     */
    public static byte[] bytes(ServerRequest request) {
        return bytes(request, Long.MAX_VALUE);
    }

    /** The whole request body, limited to {@code limit} bytes or the server's limit, whichever is lower. */
    public static byte[] bytes(ServerRequest request, long limit) {
        long max = Math.min(limit, request.context().get(BodyLimit.class).map(BodyLimit::bytes).orElse(Long.MAX_VALUE));
        if (request.headers().contentLength().orElse(-1L) > max) {
            throw tooLarge(max);
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            int cap = (int) Math.min(max, Integer.MAX_VALUE - 16);
            byte[] data = in.readNBytes(cap);
            if (data.length == cap && in.read() != -1) {
                throw tooLarge(max);
            }
            request.context().get(ReadDone.class).ifPresent(done -> done.action().run());
            return data;
        } catch (ApiException e) {
            throw e;
        } catch (DataReader.InsufficientDataAvailableException e) {
            throw incomplete();
        } catch (IOException e) {
            if (e instanceof EOFException) {
                throw incomplete();
            }
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw e;
        } catch (io.helidon.http.RequestException e) {
            // the transport refused the body: too large for it, or badly framed
            if (e.status().code() == 413) {
                throw tooLarge(max);
            }
            throw new ApiException(400, "InvalidChunkedEncoding", "The request body's framing is malformed.");
        } catch (io.helidon.http.HttpException e) {
            if (e.status().code() == 413) {
                throw tooLarge(max);
            }
            throw new ApiException(400, "InvalidChunkedEncoding", "The request body's framing is malformed.");
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            // the transport's chunk decoder refused a chunk size or framing (e.g. a NumberFormatException)
            throw new ApiException(400, "InvalidChunkedEncoding", "The request body's chunked transfer encoding is"
                    + " malformed.");
        } catch (RuntimeException e) {
            if (e instanceof io.helidon.webserver.CloseConnectionException
                    || e instanceof io.helidon.common.socket.SocketWriterException) {
                throw e;
            }
            if (e.getClass().getName().startsWith("io.helidon.")) {
                // the transport refused the body's framing (a RequestException for a bad chunk)
                throw new ApiException(400, "InvalidChunkedEncoding", "The request body's framing is malformed.");
            }
            throw e;
        }
    }

    private static ApiException incomplete() {
        return new ApiException(400, "IncompleteRequestBody", "The request body ended before its declared length.");
    }

    /** The 413 error for a body over {@code limit} bytes. */
    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "RequestEntityTooLarge",
                "The request body is too large; the limit is " + limit + " bytes.");
    }

    /**
     * What the server does once a route has read a whole body (its body deadline ends), registered in each
     * request's context by the server.
     *
     * @param action run after the read
     */
    public record ReadDone(Runnable action) {
    }

    /**
     * The server's body size limit, registered in each request's context by the server.
     *
     * @param bytes the most bytes a request body may have
     */
    public record BodyLimit(long bytes) {
    }
}
