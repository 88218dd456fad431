package io.asyncops.cli.follow;

import io.asyncops.client.LroClient;
import io.asyncops.client.PollerOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code call} and {@code wait} share: headers, credentials, TLS, timing, output. */
final class FollowOptions {

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'",
            description = "A header for every request, polls included (repeatable), e.g. -H 'x-ms-client-request-id: 42'.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--token", paramLabel = "<jwt>", description = "Bearer token, sent to the operation's own host only.")
    String token;

    @Option(names = "--token-file", paramLabel = "<file>", description = "Reads the bearer token from a file.")
    Path tokenFile;

    @Option(names = {"-k", "--insecure"}, description = "Trusts any TLS certificate (a local self-signed server).")
    boolean insecure;

    @Option(names = "--cacert", paramLabel = "<pem>", description = "Trusts the certificates of this PEM file.")
    Path caCert;

    @Option(names = "--poll-interval", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "The wait between polls when the server sends no Retry-After (default: ${DEFAULT-VALUE}).",
            defaultValue = "1s")
    Duration pollInterval;

    @Option(names = "--max-poll-interval", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "The longest wait between polls, whatever the server advises (default: ${DEFAULT-VALUE}).",
            defaultValue = "60s")
    Duration maxPollInterval;

    @Option(names = "--timeout", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Bounds the whole wait (default: ${DEFAULT-VALUE}); exit 3 when it passes.", defaultValue = "30m")
    Duration timeout;

    @Option(names = "--long-poll", paramLabel = "<seconds>",
            description = "Asks an asyncops server to hold each poll up to this many seconds (Prefer: wait=N).")
    Integer longPoll;

    @Option(names = {"-o", "--output"}, paramLabel = "body|json", defaultValue = "body",
            description = "stdout: the final body as received (body), or a JSON summary with status, polls and body (json).")
    Output output;

    @Option(names = "--progress", paramLabel = "auto|bar|plain|none", defaultValue = "auto",
            description = "Progress on stderr: a live line on a terminal, plain lines otherwise (auto).")
    Progress.Style progress;

    enum Output { body, json }

    /** The headers as name/value pairs, in order. */
    Map<String, String> parsedHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("-H '" + h + "' is not 'Name: value'");
            }
            out.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        return out;
    }

    /** Builds the client; {@code requestOnly} names headers that go on the start request alone. */
    LroClient client(Map<String, String> everyRequest) {
        if (token != null && tokenFile != null) {
            throw new IllegalArgumentException("Give --token or --token-file, not both");
        }
        if (insecure && caCert != null) {
            throw new IllegalArgumentException("Give --insecure or --cacert, not both");
        }
        PollerOptions.Builder options = PollerOptions.custom()
                .defaultPollInterval(pollInterval)
                .maxPollInterval(maxPollInterval.compareTo(pollInterval) < 0 ? pollInterval : maxPollInterval)
                .timeout(timeout);
        everyRequest.forEach(options::header);
        String bearer = bearer();
        if (bearer != null) {
            options.bearerToken(() -> bearer);
        }
        if (longPoll != null) {
            options.longPoll(Duration.ofSeconds(longPoll));
        }
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (insecure) {
            http.sslContext(Tls.trustingEverything());
        } else if (caCert != null) {
            http.sslContext(Tls.trusting(caCert));
        }
        return LroClient.create(options.build(), http.build());
    }

    private String bearer() {
        if (token != null) {
            return token.trim().isEmpty() ? null : token.trim();
        }
        if (tokenFile != null) {
            try {
                String t = Files.readString(tokenFile).trim();
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("--token-file " + tokenFile + " is empty");
                }
                return t;
            } catch (IOException e) {
                throw new IllegalArgumentException("--token-file " + tokenFile + " cannot be read: " + e.getMessage(), e);
            }
        }
        return null;
    }
}
