package io.asyncops.cli.follow;

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

/**
 * The options of every command that talks to a server: headers, the bearer token, TLS trust. One HTTP/1.1 client
 * that never follows redirects (a redirect would carry the token elsewhere).
 */
public class ConnectionOptions {

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

    /** The headers as name/value pairs, in order. */
    public Map<String, String> parsedHeaders() {
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

    /** The HTTP client these options ask for. */
    public HttpClient httpClient() {
        if (insecure && caCert != null) {
            throw new IllegalArgumentException("Give --insecure or --cacert, not both");
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
        return http.build();
    }

    /** The bearer token of {@code --token} or {@code --token-file}, or null when neither is given. */
    public String bearer() {
        if (token != null && tokenFile != null) {
            throw new IllegalArgumentException("Give --token or --token-file, not both");
        }
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
