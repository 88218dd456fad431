package io.asyncops.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asyncops.cli.follow.CallCommand;
import io.asyncops.cli.follow.ConnectionOptions;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asyncops ops}: a subscription's operations on an asyncops server, newest first, through its list call
 * ({@code GET /subscriptions/{id}/operationStatuses}), following {@code nextLink} until {@code --top} are shown.
 */
@Command(name = "ops",
        mixinStandardHelpOptions = true,
        description = {"Lists a subscription's operations on an asyncops server, newest first.",
                "Give the subscription's URL, e.g. http://localhost:8080/subscriptions/<id>; each line ends with the",
                "operation's status URL, for asyncops wait (--cancel). Exit: 0 listed, 4 any error."})
public final class OpsCommand implements Callable<Integer> {
    private static final Pattern SUBSCRIPTION_PATH = Pattern.compile(".*/subscriptions/[^/]+/?");
    private static final int PAGE = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<subscription-url>")
    String url;

    @Option(names = "--status", paramLabel = "<status>",
            description = "Only operations in this status: InProgress, Succeeded, Failed or Canceled (repeatable).")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--top", paramLabel = "<n>", defaultValue = "50",
            description = "Shows at most this many (default: ${DEFAULT-VALUE}; 0 shows all).")
    int top;

    @Option(names = "--api-version", paramLabel = "<version>", defaultValue = "2021-11-01",
            description = "The api-version of the list call and of the status URLs shown (default: ${DEFAULT-VALUE}).")
    String apiVersion;

    @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table",
            description = "stdout: one line per operation (table), or the status monitors as a JSON array (json).")
    Output output;

    @Mixin
    ConnectionOptions connection;

    enum Output { table, json }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            URI subscription = subscriptionUrl();
            ArrayNode listed = list(subscription);
            if (output == Output.json) {
                out.println(listed.toPrettyString());
            } else {
                new OpsTable(out).print(listed, origin(subscription), apiVersion);
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("asyncops ops: " + e.getMessage());
            err.flush();
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 4;
        }
    }

    private URI subscriptionUrl() {
        if (top < 0) {
            throw new IllegalArgumentException("--top must be 0 or more");
        }
        URI subscription = CallCommand.parseUrl(url);
        if (!SUBSCRIPTION_PATH.matcher(subscription.getRawPath()).matches()) {
            throw new IllegalArgumentException("'" + url + "' is not a subscription URL (.../subscriptions/<id>)");
        }
        return subscription;
    }

    private ArrayNode list(URI subscription) throws IOException, InterruptedException {
        HttpClient http = connection.httpClient();
        String bearer = connection.bearer();
        var headers = connection.parsedHeaders();
        ArrayNode listed = Json.mapper().createArrayNode();
        URI next = firstPage(subscription);
        while (next != null && (top == 0 || listed.size() < top)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(60)).GET();
            headers.forEach(request::header);
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> page = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = parse(page);
            for (JsonNode monitor : body.path("value")) {
                if (top == 0 || listed.size() < top) {
                    listed.add(monitor);
                }
            }
            String link = body.path("nextLink").asText("");
            next = link.isEmpty() ? null : subscription.resolve(link);
        }
        return listed;
    }

    private URI firstPage(URI subscription) {
        StringBuilder query = new StringBuilder("?api-version=").append(encode(apiVersion))
                .append("&$top=").append(top == 0 ? PAGE : Math.min(top, PAGE));
        if (!statuses.isEmpty()) {
            List<String> terms = statuses.stream().map(s -> "status eq '" + s.trim() + "'").toList();
            query.append("&$filter=").append(encode(String.join(" or ", terms)));
        }
        String path = subscription.getRawPath().replaceAll("/+$", "") + "/operationStatuses";
        return URI.create(origin(subscription) + path + query);
    }

    private static JsonNode parse(HttpResponse<String> page) throws IOException {
        JsonNode body;
        try {
            body = page.body().isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(page.body());
        } catch (IOException e) {
            throw new IOException("HTTP " + page.statusCode() + " with a body that is not JSON", e);
        }
        if (page.statusCode() != 200) {
            JsonNode error = body.path("error");
            throw new IOException("HTTP " + page.statusCode() + (error.isObject()
                    ? ": " + error.path("code").asText() + ": " + error.path("message").asText() : ""));
        }
        if (!body.path("value").isArray()) {
            throw new IOException("the answer has no 'value' list: is this an asyncops server?");
        }
        return body;
    }

    private static String origin(URI u) {
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
