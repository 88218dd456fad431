package io.asyncops.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The request that starts an operation: method, URL, headers, an optional text body, and how the result and
 * classic polling are to be found when the defaults do not fit.
 *
 * @param method         an HTTP method, upper case
 * @param uri            an absolute http or https URL
 * @param headers        extra headers for this request only (the poller's own headers go on every request)
 * @param body           the body, or null
 * @param finalStateVia  where the result is read, or null for Azure's default for the method
 * @param classicPolling how a classic (XML) operation is polled, or null to infer it from the answer
 */
public record LroRequest(String method, URI uri, Map<String, String> headers, String body,
                         FinalStateVia finalStateVia, ClassicPolling classicPolling) {

    public LroRequest {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(uri, "uri == null");
        method = method.trim().toUpperCase(Locale.ROOT);
        if (!method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("Not an HTTP method: '" + method + "'");
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("uri must be an absolute http(s) URL: " + uri);
        }
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            PollerOptions.Builder.checkHeader(h.getKey(), h.getValue());
        }
    }

    /** A request with no body. */
    public static LroRequest of(String method, URI uri) {
        return new LroRequest(method, uri, Map.of(), null, null, null);
    }

    /** {@code PUT} with a JSON body. */
    public static LroRequest put(URI uri, String json) {
        return of("PUT", uri).withBody(json, "application/json");
    }

    /** {@code PATCH} with a JSON body. */
    public static LroRequest patch(URI uri, String json) {
        return of("PATCH", uri).withBody(json, "application/json");
    }

    /** {@code POST} with a JSON body. */
    public static LroRequest post(URI uri, String json) {
        return of("POST", uri).withBody(json, "application/json");
    }

    /** {@code POST} with no body. */
    public static LroRequest post(URI uri) {
        return of("POST", uri);
    }

    /** {@code DELETE}. */
    public static LroRequest delete(URI uri) {
        return of("DELETE", uri);
    }

    /** This request with a header added (replacing one of the same name). */
    public LroRequest withHeader(String name, String value) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        copy.put(name, value);
        return new LroRequest(method, uri, copy, body, finalStateVia, classicPolling);
    }

    /** This request with a body and its {@code Content-Type}. */
    public LroRequest withBody(String body, String contentType) {
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(contentType, "contentType == null");
        return new LroRequest(method, uri, headers, body, finalStateVia, classicPolling)
                .withHeader("Content-Type", contentType);
    }

    /** This request with the result read as {@code via} says. */
    public LroRequest withFinalStateVia(FinalStateVia via) {
        return new LroRequest(method, uri, headers, body, Objects.requireNonNull(via, "via == null"), classicPolling);
    }

    /** This request polled the classic way {@code polling} names. */
    public LroRequest withClassicPolling(ClassicPolling polling) {
        return new LroRequest(method, uri, headers, body, finalStateVia,
                Objects.requireNonNull(polling, "polling == null"));
    }
}
