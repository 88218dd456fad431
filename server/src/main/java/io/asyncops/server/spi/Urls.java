package io.asyncops.server.spi;

import io.asyncops.engine.OperationId;
import io.helidon.webserver.http.ServerRequest;

/**
 * Absolute URL building. Rule: the base is the configured public base URL when there is one, else the scheme
 * of the listener the request came in on and the request's {@code Host}; so a client behind any host name gets
 * URLs it can follow.
 */
public interface Urls {

    /** The base, without a trailing slash: {@code https://localhost:8443}. */
    String base(ServerRequest request);

    /** {@link #base} followed by {@code pathAndQuery}, which must start with {@code /}. */
    default String absolute(ServerRequest request, String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("pathAndQuery must start with '/': " + pathAndQuery);
        }
        return base(request) + pathAndQuery;
    }

    /** The ARM status monitor URL ({@code Azure-AsyncOperation}) of an operation. */
    default String operationStatus(ServerRequest request, String subscription, String namespace, String location,
                                   OperationId id, String apiVersion) {
        return absolute(request, ArmPaths.operation(subscription, namespace, location, "operationStatuses", id)
                + ArmPaths.apiVersionQuery(apiVersion));
    }

    /** The ARM result URL ({@code Location}) of an operation. */
    default String operationResult(ServerRequest request, String subscription, String namespace, String location,
                                   OperationId id, String apiVersion) {
        return absolute(request, ArmPaths.operation(subscription, namespace, location, "operationResults", id)
                + ArmPaths.apiVersionQuery(apiVersion));
    }
}
