package io.asyncops.server.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import io.asyncops.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real server on free ports with the ARM plane (time scale 0.02: a server create takes about a second), and
 * helpers to call it over HTTPS with a token for {@link TestServer#SUB}.
 */
final class ArmServer implements AutoCloseable {
    static final String SUB = TestServer.SUB;
    static final String SQL = "?api-version=2021-11-01";
    static final String GROUPS = "?api-version=2025-04-01";

    final TestServer server;

    private ArmServer(TestServer server) {
        this.server = server;
    }

    static ArmServer start(Path dataDir) {
        return new ArmServer(TestServer.start(dataDir, b -> b.addPlane(new ArmPlane()).timeScale(0.02)));
    }

    static String group(String rg) {
        return "/subscriptions/" + SUB + "/resourcegroups/" + rg;
    }

    static String server(String rg, String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + rg + "/providers/Microsoft.Sql/servers/" + name;
    }

    String base() {
        return server.server().httpsUri().orElseThrow().toString();
    }

    HttpResponse<String> call(String method, String pathAndQuery, String body) {
        return call(method, pathAndQuery, body, server.token());
    }

    HttpResponse<String> call(String method, String pathAndQuery, String body, String token) {
        URI uri = pathAndQuery.startsWith("http") ? URI.create(pathAndQuery) : server.https(pathAndQuery);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return server.send(b);
    }

    /** Polls a status monitor until it is terminal. */
    JsonNode awaitTerminal(String statusUrl) {
        return server.awaitTerminal(statusUrl);
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
            Path cert = server.server().selfSignedCertificate().orElseThrow();
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
