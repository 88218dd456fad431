package io.asyncops.server.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;

/**
 * A real server (real engine, H2 in a temp dir) on free HTTP and HTTPS ports with the ARM plane, at time scale 0.02
 * (a server create takes about a second), and helpers to call it over HTTPS with a dev token for {@link #SUB}.
 */
final class ArmServer implements AutoCloseable {
    static final String SUB = "11111111-2222-3333-4444-555555555555";
    static final String SQL = "?api-version=2021-11-01";
    static final String GROUPS = "?api-version=2025-04-01";

    final AsyncOpsServer server;
    private final Path dataDir;
    private final HttpClient client;

    private ArmServer(AsyncOpsServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.client = HttpClient.newBuilder().sslContext(trust()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static ArmServer start(Path dataDir) {
        return new ArmServer(AsyncOpsServer.start(ServerConfig.builder()
                .httpPort(0)
                .httpsPort(0)
                .dataDir(dataDir)
                .timeScale(0.02)
                .retryAfterFloor(Duration.ofSeconds(1))
                .shutdownGrace(Duration.ofSeconds(1))
                .addPlane(new ArmPlane())
                .build()), dataDir);
    }

    /** A dev token granting {@link #SUB}. */
    String token() {
        return token(List.of(SUB));
    }

    String token(List<String> subscriptions) {
        return server.tokens().mint("tester", subscriptions, Duration.ofHours(1));
    }

    static String group(String rg) {
        return "/subscriptions/" + SUB + "/resourcegroups/" + rg;
    }

    static String server(String rg, String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + rg + "/providers/Microsoft.Sql/servers/" + name;
    }

    String base() {
        return server.httpsUri().orElseThrow().toString();
    }

    HttpResponse<String> call(String method, String pathAndQuery, String body) {
        return call(method, pathAndQuery, body, token());
    }

    HttpResponse<String> call(String method, String pathAndQuery, String body, String token) {
        return call(method, pathAndQuery, body, token, null);
    }

    /** A call carrying {@code x-ms-client-request-id} when {@code clientRequestId} is not null. */
    HttpResponse<String> call(String method, String pathAndQuery, String body, String token, String clientRequestId) {
        return callWith(method, pathAndQuery, body, token,
                clientRequestId == null ? Map.of() : Map.of("x-ms-client-request-id", clientRequestId));
    }

    /** A call carrying {@code headers}. */
    HttpResponse<String> call(String method, String pathAndQuery, String body, Map<String, String> headers) {
        return callWith(method, pathAndQuery, body, token(), headers);
    }

    private HttpResponse<String> callWith(String method, String pathAndQuery, String body, String token,
                                          Map<String, String> headers) {
        URI uri = URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : base() + pathAndQuery);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a status monitor until it is terminal; returns the terminal monitor. */
    JsonNode awaitTerminal(String statusUrl) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            HttpResponse<String> r = call("GET", statusUrl, null);
            if (r.statusCode() != 200) {
                throw new AssertionError("status monitor answered " + r.statusCode() + ": " + r.body());
            }
            last[0] = json(r);
            return !"InProgress".equals(last[0].path("status").asText());
        });
        return last[0];
    }

    /** Starts an operation, checks its 202, and waits for its end; returns the terminal monitor. */
    JsonNode run(String method, String pathAndQuery, String body) {
        HttpResponse<String> accepted = call(method, pathAndQuery, body);
        if (accepted.statusCode() != 202) {
            throw new AssertionError(method + " " + pathAndQuery + " answered " + accepted.statusCode() + ": "
                    + accepted.body());
        }
        return awaitTerminal(accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SSL context that trusts the server's self-signed certificate, and nothing else. */
    SSLContext trust() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            Path cert = server.selfSignedCertificate().orElseThrow();
            try (InputStream in = Files.newInputStream(cert)) {
                trust.setCertificateEntry("asyncops", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust the server's certificate", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
