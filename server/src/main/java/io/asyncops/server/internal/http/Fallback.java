package io.asyncops.server.internal.http;

import io.asyncops.protocol.HeaderNames;
import io.asyncops.protocol.Limits;
import io.asyncops.server.spi.ApiException;
import io.helidon.http.DirectHandler;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What answers when nothing else does: the last route (any method, any path: 404 {@code NotFound} in the plane's
 * format) and the transport's direct handlers (malformed request lines, headers or chunking, oversized payloads,
 * HTTP/1.0), which answer in the plane's format (classic XML on classic paths, ARM JSON elsewhere) with the code of
 * the status, {@code x-ms-request-id} and {@code x-ms-correlation-request-id}, instead of Helidon's plain text.
 * Rule: input the transport could not parse is the client's fault, a 4xx, whatever exception the parser threw.
 */
public final class Fallback {
    private static final Logger LOG = LoggerFactory.getLogger(Fallback.class);
    private static final io.helidon.http.HeaderName CORRELATION_ID =
            io.helidon.http.HeaderNames.create(HeaderNames.X_MS_CORRELATION_REQUEST_ID);

    private Fallback() {
    }

    /** Registers the catch-all route; call after every other route. */
    public static void install(HttpRouting.Builder routing) {
        routing.any((req, res) -> {
            throw new ApiException(404, "NotFound", "No route matches " + EdgeChecks.shown(req.prologue().method()
                    .text()) + " " + EdgeChecks.shown(req.path().rawPath()) + ".");
        });
    }

    /** Direct handlers that answer errors below routing: classic XML on classic paths, ARM JSON elsewhere. */
    public static DirectHandlers directHandlers() {
        DirectHandler inPlaneFormat = new TransportErrors();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, inPlaneFormat);
        }
        return builder.build();
    }

    /** Errors found below routing. */
    private static final class TransportErrors implements DirectHandler {
        @Override
        public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                        io.helidon.http.ServerResponseHeaders headers, Throwable thrown,
                                        System.Logger logger) {
            return handle(request, eventType, status, headers, thrown);
        }

        @Override
        public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                        io.helidon.http.ServerResponseHeaders headers, Throwable thrown) {
            Status answered = status;
            if (status.code() >= 500 && status.code() != 505 && status.code() != 503 && clientInput(thrown)) {
                // a parser gave up on the request's bytes (a malformed chunk size, a control character in a token)
                answered = Status.BAD_REQUEST_400;
                LOG.debug("unparseable request {} {}: {}", request.method(), request.path(), thrown.toString());
            } else if (status.code() >= 500 && status.code() != 505) {
                LOG.error("transport failure answering {} {}", request.method(), request.path(), thrown);
            }
            return handle(request, eventType, answered, headers, thrown == null ? "" : thrown.getMessage());
        }

        @Override
        public TransportResponse handle(TransportRequest request, EventType eventType, Status original,
                                        io.helidon.http.ServerResponseHeaders headers, String message) {
            Status status = original;
            if (eventType == EventType.INTERNAL_ERROR && unparsed(request)) {
                // the transport failed before it had a request line: the bytes it read were not HTTP (a control
                // character in the method, say); the routing's own error table answers everything after that
                status = Status.BAD_REQUEST_400;
            }
            String code = ErrorTable.codeOf(status.code());
            String text = status.code() == 505
                    ? "This server speaks HTTP/1.1; the request's version (" + safe(request.protocolVersion())
                            + ") is not supported."
                    : "The request could not be processed: " + status.reasonPhrase() + ".";
            ApiException target = status.code() == 400 ? targetFault(request) : null;
            if (target != null) {
                code = target.code();
                text = target.getMessage();
            }
            boolean classic = ErrorTable.isClassic(pathOf(request.path()));
            TransportResponse.Builder answer = TransportResponse.builder()
                    .status(status)
                    .header(io.helidon.http.HeaderNames.CONTENT_TYPE,
                            classic ? ErrorTable.XML_CONTENT_TYPE : ErrorTable.JSON_CONTENT_TYPE)
                    .header(io.helidon.http.HeaderNames.create(HeaderNames.X_MS_REQUEST_ID), UUID.randomUUID().toString())
                    .header(CORRELATION_ID, correlationId(request))
                    .entity(classic ? ErrorTable.classicBody(code, text) : ErrorTable.armBody(code, text));
            return answer.build();
        }
    }

    /**
     * Why the request target was refused, when it was: the transport rejects a path it cannot decode before any route
     * sees it, so the routing's own URL rules ({@link EdgeChecks}) are applied here to name the fault with the same
     * code ({@code InvalidUri}, {@code InvalidQueryParameterValue}...); a target the request line splits (a raw space)
     * is {@code InvalidUri} too. Null when the target is not at fault (a header or the framing is).
     */
    private static ApiException targetFault(DirectHandler.TransportRequest request) {
        if (unparsed(request)) {
            return null;
        }
        String target = request.path();
        int query = target.indexOf('?');
        try {
            EdgeChecks.path(query < 0 ? target : target.substring(0, query));
            if (query >= 0) {
                EdgeChecks.query(target.substring(query + 1));
            }
        } catch (ApiException fault) {
            return fault;
        }
        // a request line of more than three words: the transport keeps the whole line as the protocol version
        String version = request.protocolVersion();
        if (version != null && version.split(" ", -1).length > 3 && version.contains(target + " ")) {
            return ApiException.badRequest("InvalidUri", "The request target holds a space; spaces and other"
                    + " characters outside the URI syntax must be percent-encoded.");
        }
        return null;
    }

    private static boolean unparsed(DirectHandler.TransportRequest request) {
        try {
            return request.method() == null || request.method().isEmpty() || request.path() == null
                    || request.path().isEmpty();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Whether a parser's exception means the request's bytes were wrong. */
    private static boolean clientInput(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof IndexOutOfBoundsException) {
                return true;
            }
        }
        return false;
    }

    /** The request's correlation id when it sent a usable one (the transport parsed the headers), else a fresh one. */
    private static String correlationId(DirectHandler.TransportRequest request) {
        try {
            return request.headers().first(CORRELATION_ID)
                    .filter(v -> !v.isBlank() && v.length() <= Limits.CORRELATION_REQUEST_ID && !EdgeChecks.hasControl(v))
                    .orElseGet(() -> UUID.randomUUID().toString());
        } catch (RuntimeException unparsed) {
            return UUID.randomUUID().toString();
        }
    }

    private static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return "(none)";
        }
        return EdgeChecks.hasControl(s) ? "(unreadable)" : EdgeChecks.shown(s);
    }

    /** The path of a request target as the transport saw it (without its query), or "" when it was not parsed. */
    private static String pathOf(String target) {
        if (target == null) {
            return "";
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
