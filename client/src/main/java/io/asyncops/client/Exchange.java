package io.asyncops.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;

/** One request and its response, as the rules see it. */
record Exchange(String method, URI uri, int status, HttpHeaders headers, String body) {

    Exchange {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(uri, "uri == null");
        Objects.requireNonNull(headers, "headers == null");
        body = body == null ? "" : body;
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    String contentType() {
        return headers.firstValue("Content-Type").orElse(null);
    }
}
