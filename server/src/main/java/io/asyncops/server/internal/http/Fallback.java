package io.asyncops.server.internal.http;

import io.asyncops.server.spi.ApiException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import java.util.UUID;

/**
 * What answers when nothing else does: the last route (any method, any path: 404 {@code NotFound} in the plane's
 * format) and the transport's direct handlers (malformed request lines, oversized payloads detected while parsing),
 * which answer ARM JSON instead of Helidon's plain text.
 */
public final class Fallback {
    private Fallback() {
    }

    /** Registers the catch-all route; call after every other route. */
    public static void install(HttpRouting.Builder routing) {
        routing.any((req, res) -> {
            throw new ApiException(404, "NotFound", "No route matches " + req.prologue().method().text() + " "
                    + req.path().rawPath() + ".");
        });
    }

    /** Direct handlers that answer errors below routing: classic XML on classic paths, ARM JSON elsewhere. */
    public static DirectHandlers directHandlers() {
        DirectHandler inPlaneFormat = (request, event, status, headers, message) -> {
            String code = ErrorTable.codeOf(status.code());
            String text = "The request could not be processed: " + status.reasonPhrase() + ".";
            boolean classic = ErrorTable.isClassic(pathOf(request.path()));
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .header(HeaderNames.CONTENT_TYPE, classic ? ErrorTable.XML_CONTENT_TYPE : ErrorTable.JSON_CONTENT_TYPE)
                    .header(HeaderNames.create("x-ms-request-id"), UUID.randomUUID().toString())
                    .entity(classic ? ErrorTable.classicBody(code, text) : ErrorTable.armBody(code, text))
                    .build();
        };
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, inPlaneFormat);
        }
        return builder.build();
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
