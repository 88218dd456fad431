package io.asyncops.server.internal.http;

import io.asyncops.server.spi.ApiException;
import io.helidon.webserver.http.Handler;

/**
 * The answer of a route's path to any method it does not serve: {@code 405 MethodNotAllowed} with {@code Allow},
 * registered after the route's own methods ({@code rules.get(path, h).any(path, Methods.only("GET"))}), so a wrong
 * method on a known path is not mistaken for an unknown path (404).
 */
public final class Methods {
    private Methods() {
    }

    /** A handler refusing every method with 405, naming {@code allowed}. */
    public static Handler only(String... allowed) {
        return (req, res) -> {
            throw ApiException.methodNotAllowed(req.prologue().method().text(), allowed);
        };
    }
}
