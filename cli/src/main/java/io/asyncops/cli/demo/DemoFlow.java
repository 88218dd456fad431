package io.asyncops.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The seed's flow over real HTTP, narrated for a newcomer: a resource group (synchronous), then a logical SQL server
 * and a database (each {@code 202 Accepted} with Azure-AsyncOperation, Location and Retry-After, then polled until
 * {@code Succeeded} waiting what Retry-After says), then both read back. Any surprise ends it with a message.
 */
final class DemoFlow {
    static final String SQL_API = "2021-11-01";
    static final String GROUPS_API = "2025-04-01";
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final String subscription;
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();

    DemoFlow(HttpClient http, URI base, String token, String subscription, PrintWriter out) {
        this.http = Objects.requireNonNull(http, "http == null");
        this.base = Objects.requireNonNull(base, "base == null");
        this.token = Objects.requireNonNull(token, "token == null");
        this.subscription = Objects.requireNonNull(subscription, "subscription == null");
        this.out = Objects.requireNonNull(out, "out == null");
    }

    /** Runs the flow; returns normally when every step did what it should. */
    void run(String group, String server, String database, String location) throws IOException, InterruptedException {
        String groupPath = "/subscriptions/" + subscription + "/resourcegroups/" + group;
        String serverPath = "/subscriptions/" + subscription + "/resourceGroups/" + group
                + "/providers/Microsoft.Sql/servers/" + server;
        String databasePath = serverPath + "/databases/" + database;

        heading("1. Create a resource group (synchronous, like in Azure)");
        ObjectNode groupBody = Json.mapper().createObjectNode().put("location", location);
        HttpResponse<String> rg = send("PUT", groupPath + "?api-version=" + GROUPS_API, groupBody, groupBody);
        expect(rg, 200, 201);
        printBody(rg.body());

        heading("2. Create a logical SQL server (asynchronous)");
        ObjectNode serverBody = Json.mapper().createObjectNode().put("location", location);
        ObjectNode props = serverBody.putObject("properties");
        props.put("administratorLogin", "demoadmin").put("administratorLoginPassword", "Str0ng!Passw0rd-2024")
                .put("version", "12.0");
        ObjectNode shown = serverBody.deepCopy();
        ((ObjectNode) shown.get("properties")).put("administratorLoginPassword", "********");
        follow(send("PUT", serverPath + "?api-version=" + SQL_API, serverBody, shown));

        heading("3. Create a database on it (asynchronous)");
        ObjectNode dbBody = Json.mapper().createObjectNode().put("location", location);
        dbBody.putObject("sku").put("name", "S0").put("tier", "Standard");
        follow(send("PUT", databasePath + "?api-version=" + SQL_API, dbBody, dbBody));

        heading("4. Read them back");
        HttpResponse<String> s = send("GET", serverPath + "?api-version=" + SQL_API, null, null);
        expect(s, 200);
        JsonNode sj = Json.mapper().readTree(s.body());
        // no provisioningState: the 2021-11-01 server schema has none, and the emulator answers per the spec
        out.printf("   server   %s: state=%s, version=%s, fullyQualifiedDomainName=%s%n",
                sj.path("name").asText(), sj.at("/properties/state").asText(),
                sj.at("/properties/version").asText(), sj.at("/properties/fullyQualifiedDomainName").asText());
        HttpResponse<String> d = send("GET", databasePath + "?api-version=" + SQL_API, null, null);
        expect(d, 200);
        JsonNode dj = Json.mapper().readTree(d.body());
        out.printf("   database %s: status=%s, sku=%s (%s), maxSizeBytes=%s%n", dj.path("name").asText(),
                dj.at("/properties/status").asText(), dj.at("/sku/name").asText(), dj.at("/sku/tier").asText(),
                dj.at("/properties/maxSizeBytes").asText());
        out.printf("%nDone in %s: both operations answered 202 at once and ran in the background until Succeeded.%n",
                elapsed());
    }

    /** Prints a 202's three headers, then polls its status monitor until terminal, then reads its Location. */
    private void follow(HttpResponse<String> accepted) throws IOException, InterruptedException {
        expect(accepted, 202);
        String statusUrl = header(accepted, "Azure-AsyncOperation");
        String resultUrl = header(accepted, "Location");
        String retryAfter = header(accepted, "Retry-After");
        out.printf("   Azure-AsyncOperation: %s%n", statusUrl);
        out.printf("   Location:             %s%n", resultUrl);
        out.printf("   Retry-After:          %s%n", retryAfter);
        out.printf("%n   Polling the Azure-AsyncOperation URL, waiting Retry-After seconds between polls:%n");
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        Duration wait = seconds(retryAfter);
        while (true) {
            Thread.sleep(wait.toMillis());
            HttpResponse<String> poll = http.send(request("GET", URI.create(statusUrl), null),
                    HttpResponse.BodyHandlers.ofString());
            expect(poll, 200);
            JsonNode monitor = Json.mapper().readTree(poll.body());
            String status = monitor.path("status").asText();
            String next = poll.headers().firstValue("Retry-After").orElse(null);
            out.printf("   [%7s] GET -> %d  status=%-10s percentComplete=%-5s%s%n", elapsed(), poll.statusCode(),
                    status, monitor.has("percentComplete") ? monitor.get("percentComplete").asText() : "-",
                    next != null ? "  Retry-After: " + next : "");
            if (!"InProgress".equals(status)) {
                if (!"Succeeded".equals(status)) {
                    throw new DemoException("the operation ended " + status + ": " + monitor.path("error"));
                }
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new DemoException("the operation did not end within " + MAX_WAIT);
            }
            wait = seconds(next);
        }
        HttpResponse<String> result = http.send(request("GET", URI.create(resultUrl), null),
                HttpResponse.BodyHandlers.ofString());
        out.printf("%n   GET the Location URL -> %d (what the PUT would have answered synchronously):%n",
                result.statusCode());
        expect(result, 200);
        printBody(result.body());
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, JsonNode shown)
            throws IOException, InterruptedException {
        URI uri = base.resolve(path);
        out.printf("%s %s%n", method, uri);
        if (shown != null) {
            out.printf("   %s%n", shown);
        }
        HttpResponse<String> response = http.send(request(method, uri, body), HttpResponse.BodyHandlers.ofString());
        out.printf("<- %d %s%n", response.statusCode(), reason(response.statusCode()));
        return response;
    }

    private HttpRequest request(String method, URI uri, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private void heading(String title) {
        out.printf("%n== %s ==%n", title);
    }

    private void printBody(String body) throws IOException {
        if (body == null || body.isBlank()) {
            return;
        }
        String pretty = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.mapper().readTree(body));
        pretty.lines().forEach(line -> out.println("   " + line));
    }

    private static void expect(HttpResponse<String> response, int... statuses) {
        for (int s : statuses) {
            if (response.statusCode() == s) {
                return;
            }
        }
        throw new DemoException("expected HTTP " + java.util.Arrays.toString(statuses) + " from "
                + response.request().method() + " " + response.uri() + " but got " + response.statusCode() + ": "
                + response.body());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name)
                .orElseThrow(() -> new DemoException("the 202 has no " + name + " header"));
    }

    private static Duration seconds(String retryAfter) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter == null ? "1" : retryAfter.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private String elapsed() {
        double s = (System.nanoTime() - startNanos) / 1e9;
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            default -> "";
        };
    }

    /** A step that did not do what the demo expects. */
    static final class DemoException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoException(String message) {
            super(message);
        }
    }
}
