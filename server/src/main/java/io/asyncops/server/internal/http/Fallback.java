package io.asyncops.server.internal.http;

import io.asyncops.server.spi.ApiException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
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

    /** Direct handlers that answer ARM JSON errors below routing. */
    public static DirectHandlers directHandlers() {
        DirectHandler json = (request, event, status, headers, message) -> {
            Status shown = status;
            String code = shown.code() == 413 ? "RequestEntityTooLarge" : ErrorTable.codeOf(shown.code());
            return DirectHandler.TransportResponse.builder()
                    .status(shown)
                    .header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                    .header(HeaderNames.create("x-ms-request-id"), UUID.randomUUID().toString())
                    .entity(ErrorTable.armBody(code, "The request could not be processed: "
                            + shown.reasonPhrase() + "."))
                    .build();
        };
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, json);
        }
        return builder.build();
    }
}
