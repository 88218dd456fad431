package io.asyncops.server.internal.http;

import io.helidon.common.uri.UriPath;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Resolves paths with doubled slashes ({@code //metadata/endpoints}, {@code //subscriptions/...}) as the single-slash
 * path, as Azure Resource Manager does: clients join a base URL ending in {@code /} with a path starting with one
 * ({@code az cloud register --endpoint-resource-manager https://localhost:8443/} does).
 */
public final class SlashFilter implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String raw = req.prologue().uriPath().rawPath();
        if (raw.contains("//")) {
            req.prologue(req.prologue().withUriPath(UriPath.create(collapse(raw))));
        }
        chain.proceed();
    }

    /** {@code path} with every run of slashes made one. */
    static String collapse(String path) {
        StringBuilder b = new StringBuilder(path.length());
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || previous != '/') {
                b.append(c);
            }
            previous = c;
        }
        return b.toString();
    }
}
