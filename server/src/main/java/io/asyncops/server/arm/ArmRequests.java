package io.asyncops.server.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Caller;
import io.asyncops.emulator.EmulatorException;
import io.asyncops.protocol.Json;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ApiVersions;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.Idempotency;
import io.asyncops.server.spi.Principal;
import io.asyncops.server.spi.RequestIds;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** What every ARM route does first (subscription visible, api-version known) and how it answers. */
final class ArmRequests {
    private ArmRequests() {
    }

    /** A handler whose {@link EmulatorException}s become the server's {@link ApiException}s. */
    static Handler guard(Handler handler) {
        return (req, res) -> {
            try {
                handler.handle(req, res);
            } catch (EmulatorException e) {
                throw new ApiException(e.status(), e.code(), e.getMessage(), e.target());
            }
        };
    }

    /** The path's subscription, if the caller may see it; else 404, exactly as for a subscription that does not exist. */
    static String subscription(ServerRequest request) {
        String sub = param(request, "sub");
        Principal.of(request).requireSubscription(sub);
        return sub;
    }

    static String param(ServerRequest request, String name) {
        return request.path().pathParameters().get(name);
    }

    /** The checked api-version. */
    static String apiVersion(ServerRequest request, Set<String> accepted) {
        return ApiVersions.require(request, accepted);
    }

    /** The caller of a write: its subscription, principal, request id and idempotency key (never the client request id). */
    static Caller caller(ServerRequest request, String subscription) {
        RequestIds ids = RequestIds.of(request);
        return new Caller(subscription, Principal.of(request).subject(), ids.requestId(),
                Idempotency.key(request).orElse(null));
    }

    /** A JSON answer. */
    static void send(ServerResponse response, int status, ObjectNode body) {
        ArmJson.send(response, status, body.toString());
    }

    /** An ARM list: {@code {"value":[...]}}. */
    static <T> void sendList(ServerResponse response, List<T> items, Function<T, ObjectNode> json) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode value = body.putArray("value");
        items.forEach(item -> value.add(json.apply(item)));
        send(response, 200, body);
    }

    /** A body-less answer. */
    static void empty(ServerResponse response, int status) {
        response.status(status);
        response.send();
    }
}
