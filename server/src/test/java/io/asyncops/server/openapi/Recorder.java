package io.asyncops.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Raw HTTP calls to a live server that records every exchange, in the shape oav's
 * {@code validateLiveRequestResponse} takes ({@code {request: {method, url, headers, body}, response: {statusCode,
 * headers, body}}}).
 */
final class Recorder {
    private final HttpClient client;
    private final String base;
    private final String token;
    private final ArrayNode exchanges = Json.mapper().createArrayNode();

    Recorder(HttpClient client, String base, String token) {
        this.client = client;
        this.base = base;
        this.token = token;
    }

    HttpResponse<String> call(String method, String pathOrUrl, String body) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        String json = body == null ? null : body.replace('\'', '"');
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ObjectNode exchange = exchanges.addObject();
        ObjectNode request = exchange.putObject("request");
        request.put("method", method).put("url", uri.toString());
        request.putObject("headers").put("content-type", "application/json");
        request.set("body", parse(json));
        ObjectNode answer = exchange.putObject("response");
        answer.put("statusCode", response.statusCode());
        ObjectNode headers = answer.putObject("headers");
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            headers.put(h.getKey(), String.join(",", h.getValue()));
        }
        answer.set("body", parse(response.body()));
        return response;
    }

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(text);
        }
    }

    int size() {
        return exchanges.size();
    }

    void write(Path file) {
        try {
            Json.mapper().writeValue(file.toFile(), exchanges);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
