package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncops.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with the generated certificate (reused on restart), health and Prometheus metrics. */
class TlsHealthMetricsTest {

    @Test
    void httpsServesTheSelfSignedCertificateAndReusesItOnRestart(@TempDir Path data) throws Exception {
        String firstCert;
        try (TestServer server = TestServer.start(data)) {
            HttpResponse<String> r = server.send(server.request(server.https("/subscriptions/" + TestServer.SUB
                    + "/operationStatuses?api-version=2024-01-01")));
            assertThat(r.statusCode()).isEqualTo(200);
            HttpResponse<String> started = server.send(server.request(server.https(TestServer.thing("tls")
                    + "?api-version=2024-01-01")).PUT(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(started.headers().firstValue("Azure-AsyncOperation").orElseThrow())
                    .startsWith("https://localhost:" + server.server().httpsPort().orElseThrow() + "/subscriptions/");
            firstCert = Files.readString(server.server().selfSignedCertificate().orElseThrow());
            HttpClient untrusting = HttpClient.newHttpClient();
            try {
                untrusting.send(HttpRequest.newBuilder(server.https("/health/live")).build(),
                        HttpResponse.BodyHandlers.ofString());
                throw new AssertionError("an unknown self-signed certificate must not be trusted by default");
            } catch (SSLHandshakeException expected) {
                // the default trust store does not know it
            }
        }
        try (TestServer again = TestServer.start(data)) {
            assertThat(Files.readString(again.server().selfSignedCertificate().orElseThrow())).isEqualTo(firstCert);
            assertThat(again.send(again.request(again.https("/health/ready"))).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aConfiguredPemCertificateOrKeystoreIsServed(@TempDir Path dir) throws Exception {
        Path issued = dir.resolve("issued");
        io.asyncops.server.internal.tls.TlsMaterial.selfSigned(issued);
        Path cert = io.asyncops.server.internal.tls.TlsMaterial.selfSignedCertificate(issued);
        Path key = cert.resolveSibling("key.pem");
        HttpClient trusting = HttpClient.newBuilder().sslContext(TestServer.trusting(cert)).build();
        try (TestServer server = TestServer.start(dir.resolve("pem"), b -> b.tlsPem(cert, key))) {
            assertThat(server.server().selfSignedCertificate()).isEmpty();
            assertThat(Files.exists(dir.resolve("pem").resolve("tls"))).as("no certificate generated").isFalse();
            assertThat(trusting.send(HttpRequest.newBuilder(server.https("/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }

        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var in = Files.newInputStream(cert)) {
            var x509 = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
            var pkcs8 = java.util.Base64.getMimeDecoder().decode(Files.readString(key)
                    .replaceAll("-----[A-Z ]+-----", "").trim());
            var privateKey = java.security.KeyFactory.getInstance("EC")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(pkcs8));
            store.setKeyEntry("server", privateKey, "secret".toCharArray(), new java.security.cert.Certificate[] {x509});
        }
        Path p12 = dir.resolve("server.p12");
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, "secret".toCharArray());
        }
        try (TestServer server = TestServer.start(dir.resolve("p12"), b -> b.tlsKeystore(p12, "secret".toCharArray()))) {
            assertThat(trusting.send(HttpRequest.newBuilder(server.https("/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void publicBaseUrlShapesTheOperationUrls(@TempDir Path data) {
        try (TestServer server = TestServer.start(data, b -> b.publicBaseUrl(URI.create("https://ops.example.test/")))) {
            HttpResponse<String> started = server.put("pub", "{}");
            assertThat(started.headers().firstValue("Azure-AsyncOperation").orElseThrow())
                    .startsWith("https://ops.example.test/subscriptions/");
        }
    }

    @Test
    void healthAndMetricsReport(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            HttpResponse<String> live = server.send(HttpRequest.newBuilder(server.http("/health/live")));
            assertThat(Json.mapper().readTree(live.body()).path("status").asText()).isEqualTo("UP");
            HttpResponse<String> ready = server.send(HttpRequest.newBuilder(server.http("/health/ready")));
            assertThat(ready.statusCode()).isEqualTo(200);

            HttpResponse<String> ok = server.put("m1", "{}");
            HttpResponse<String> bad = server.put("m2", "{\"fail\":\"Nope\"}");
            server.awaitTerminal(ok.headers().firstValue("Azure-AsyncOperation").orElseThrow());
            server.awaitTerminal(bad.headers().firstValue("Azure-AsyncOperation").orElseThrow());
            server.get("/subscriptions/" + TestServer.SUB + "/nowhere");
            server.send(HttpRequest.newBuilder(server.http("/subscriptions/" + TestServer.SUB + "/nowhere")));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = server.send(HttpRequest.newBuilder(server.http("/metrics"))).body();
                assertThat(metrics).contains("asyncops_operations_submitted_total{kind=\"Test.Ops/things/write\"} 2.0");
                assertThat(metrics).contains("asyncops_operations_ended_total{kind=\"Test.Ops/things/write\","
                        + "status=\"succeeded\"} 1.0");
                assertThat(metrics).contains("asyncops_operations_ended_total{kind=\"Test.Ops/things/write\","
                        + "status=\"failed\"} 1.0");
                assertThat(metrics).contains("asyncops_operation_duration_seconds_count{kind=\"Test.Ops/things/write\","
                        + "status=\"succeeded\"} 1");
                assertThat(metrics).containsPattern("asyncops_http_server_requests_seconds_count\\{method=\"PUT\","
                        + "route=\"/subscriptions/\\{sub}/resourceGroups/\\{rg}/providers/Test.Ops/things/\\{name}\","
                        + "status=\"202\"} 2");
                assertThat(metrics).contains("route=\"unmatched\",status=\"404\"");
                assertThat(metrics).as("errors thrown by filters are counted with their status")
                        .contains("route=\"unmatched\",status=\"401\"");
            });
            HttpResponse<String> m = server.send(HttpRequest.newBuilder(server.http("/metrics")));
            assertThat(m.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        }
    }
}
