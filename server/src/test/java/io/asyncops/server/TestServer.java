package io.asyncops.server;

import io.asyncops.server.testing.TestOpsPlane;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real server on free ports (HTTP and HTTPS with the self-signed certificate) with the test plane, a temp data dir,
 * and a JDK HttpClient that trusts the certificate. Tokens are dev tokens minted by the server.
 */
public final class TestServer implements AutoCloseable {
    public static final String SUB = "11111111-2222-3333-4444-555555555555";
    public static final String OTHER_SUB = "99999999-8888-7777-6666-555555555555";

    private final AsyncOpsServer server;
    private final HttpClient client;
    private final Path dataDir;

    private TestServer(AsyncOpsServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.client = HttpClient.newBuilder().sslContext(trusting(server.selfSignedCertificate().orElse(null)))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, b -> { });
    }

    public static TestServer start(Path dataDir, Consumer<ServerConfig.Builder> customize) {
        ServerConfig.Builder b = ServerConfig.builder()
                .httpPort(0)
                .httpsPort(0)
                .dataDir(dataDir)
                .timeScale(0.1)
                .retryAfterFloor(Duration.ofSeconds(1))
                .shutdownGrace(Duration.ofSeconds(1))
                .addPlane(new TestOpsPlane());
        customize.accept(b);
        return new TestServer(AsyncOpsServer.start(b.build()), dataDir);
    }

    public AsyncOpsServer server() {
        return server;
    }

    public HttpClient client() {
        return client;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A dev token granting {@link #SUB}. */
    public String token() {
        return token(List.of(SUB));
    }

    public String token(List<String> subscriptions) {
        return server.tokens().mint("tester", subscriptions, Duration.ofHours(1));
    }

    public URI http(String pathAndQuery) {
        return URI.create(server.httpUri() + pathAndQuery);
    }

    public URI https(String pathAndQuery) {
        return URI.create(server.httpsUri().orElseThrow() + pathAndQuery);
    }

    /** A request to {@code uri} carrying the default token. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).header("Authorization", "Bearer " + token());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(http(pathAndQuery)).GET());
    }

    /** The path of a test thing. */
    public static String thing(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Test.Ops/things/" + name;
    }

    /** Starts a thing's write: PUT with {@code body}; returns the 202. */
    public HttpResponse<String> put(String name, String body) {
        return send(request(http(thing(name) + "?api-version=" + TestOpsPlane.API_VERSION))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Polls the status monitor at {@code status} until it is terminal; returns the terminal monitor. */
    public com.fasterxml.jackson.databind.JsonNode awaitTerminal(String status) {
        return awaitTerminal(status, token());
    }

    public com.fasterxml.jackson.databind.JsonNode awaitTerminal(String status, String token) {
        com.fasterxml.jackson.databind.JsonNode[] last = new com.fasterxml.jackson.databind.JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(status))
                    .header("Authorization", "Bearer " + token));
            if (r.statusCode() != 200) {
                throw new AssertionError("status monitor answered " + r.statusCode() + ": " + r.body());
            }
            last[0] = io.asyncops.protocol.Json.mapper().readTree(r.body());
            return !last[0].path("status").asText().equals("InProgress");
        });
        return last[0];
    }

    /** An SSL context that trusts exactly the PEM certificate {@code cert} (none when null). */
    public static SSLContext trusting(Path cert) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            if (cert != null) {
                try (InputStream in = Files.newInputStream(cert)) {
                    trust.setCertificateEntry("asyncops", CertificateFactory.getInstance("X.509").generateCertificate(in));
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
