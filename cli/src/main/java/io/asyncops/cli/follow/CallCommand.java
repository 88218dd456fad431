package io.asyncops.cli.follow;

import io.asyncops.client.FinalStateVia;
import io.asyncops.client.LroClient;
import io.asyncops.client.LroRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code asyncops call <METHOD> <url>}: sends a request and, if it starts a long-running operation, follows it. */
@Command(name = "call",
        description = {"Sends a request; if it starts a long-running operation, follows it to the end.",
                "Progress on stderr, the final body on stdout.",
                "Exit: 0 Succeeded, 1 Failed, 2 Canceled, 3 timed out, 4 other error (also bad arguments)."},
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Follower.OTHER,
        exitCodeOnExecutionException = Follower.OTHER)
public final class CallCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<METHOD>", description = "PUT, PATCH, POST, DELETE, GET...")
    String method;

    @Parameters(index = "1", paramLabel = "<url>", description = "An absolute http(s) URL.")
    String url;

    @Option(names = {"-d", "--data"}, paramLabel = "<json>|@file",
            description = "The body: text, @file to read a file, @- to read stdin. XML if it starts with '<'.")
    String data;

    @Option(names = "--final-state-via", paramLabel = "<via>",
            description = "Where the result is read: azure-async-operation, location, original-uri, operation-location.")
    String finalStateVia;

    @Mixin
    FollowOptions options;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        LroClient client;
        LroRequest request;
        try {
            Map<String, String> headers = options.parsedHeaders();
            Map<String, String> requestOnly = new LinkedHashMap<>();
            headers.entrySet().removeIf(h -> {
                if (h.getKey().equalsIgnoreCase("Content-Type")) {
                    requestOnly.put(h.getKey(), h.getValue());
                    return true;
                }
                return false;
            });
            client = options.client(headers);
            request = LroRequest.of(method, parseUrl(url));
            String body = body();
            if (body != null) {
                String type = requestOnly.isEmpty()
                        ? (body.stripLeading().startsWith("<") ? "application/xml" : "application/json")
                        : requestOnly.values().iterator().next();
                request = request.withBody(body, type);
            } else {
                for (Map.Entry<String, String> h : requestOnly.entrySet()) {
                    request = request.withHeader(h.getKey(), h.getValue());
                }
            }
            if (finalStateVia != null) {
                request = request.withFinalStateVia(FinalStateVia.fromWireName(finalStateVia));
            }
        } catch (IllegalArgumentException e) {
            err.println("asyncops call: " + e.getMessage());
            err.flush();
            return Follower.OTHER;
        }
        LroRequest start = request;
        return new Follower(out, err, options)
                .follow(() -> client.begin(start), start.method() + " " + start.uri());
    }

    private String body() {
        if (data == null) {
            return null;
        }
        if (data.equals("@-")) {
            try (InputStream in = System.in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("--data @- cannot read stdin: " + e.getMessage(), e);
            }
        }
        if (data.startsWith("@")) {
            Path file = Path.of(data.substring(1));
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("--data " + data + " cannot be read: " + e.getMessage(), e);
            }
        }
        return data;
    }

    public static URI parseUrl(String url) {
        try {
            URI u = new URI(url.trim());
            if (!u.isAbsolute() || u.getHost() == null
                    || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                throw new IllegalArgumentException("'" + url + "' is not an absolute http(s) URL");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
        }
    }
}
