package io.asyncops.server.internal.http;

/**
 * A response header a filter set before routing that every answer keeps, error answers included (rendering an
 * error starts the response over): registered in the request's context, applied again with the request ids.
 *
 * @param name  the header's name
 * @param value its value
 */
public record StickyHeaders(io.helidon.http.HeaderName name, String value) {
}
