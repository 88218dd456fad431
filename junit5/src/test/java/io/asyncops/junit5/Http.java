package io.asyncops.junit5;

import io.asyncops.testing.AsyncOpsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to an emulator's ARM plane, for the extension's tests. */
final class Http {
    static final String GROUPS = "?api-version=2025-04-01";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** {@code PUT} of resource group {@code name} in {@code subscription}; the status code. */
    static int putGroup(URI base, String subscription, String name, String token) {
        return send("PUT", base + "/subscriptions/" + subscription + "/resourcegroups/" + name + GROUPS,
                "{\"location\":\"westus\"}", token).statusCode();
    }

    /** {@code GET} of resource group {@code name} in the default subscription; the status code. */
    static int getGroup(AsyncOpsEmulator emu, String name) {
        return send("GET", emu.baseUrl() + "/subscriptions/" + emu.subscription() + "/resourcegroups/" + name + GROUPS,
                null, emu.token()).statusCode();
    }

    static HttpResponse<String> send(String method, String url, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
