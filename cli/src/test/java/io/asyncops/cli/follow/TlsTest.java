package io.asyncops.cli.follow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS with a self-signed certificate (made by keytool): refused by default, --insecure and --cacert accept it. */
class TlsTest {
    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static Path pem;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        pem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/thing", ex -> {
            byte[] body = "{\"secure\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private static String url() {
        return "https://localhost:" + server.getAddress().getPort() + "/thing";
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        long start = System.nanoTime();
        Cli cli = Cli.run("call", "GET", url());
        assertThat(cli.exitCode()).isEqualTo(4);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("TLS certificate is not trusted");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("not retried")
                .isLessThan(java.time.Duration.ofSeconds(5));
    }

    @Test
    void insecureTrustsAnyCertificate() {
        Cli cli = Cli.run("call", "GET", url(), "--insecure");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("\"secure\":true");
    }

    @Test
    void cacertTrustsThatCertificate() {
        Cli cli = Cli.run("wait", url(), "--cacert", pem.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("\"secure\":true");
    }

    @Test
    void cacertChecksTheHostName() {
        Cli cli = Cli.run("wait", url().replace("localhost", "127.0.0.1"), "--cacert", pem.toString(),
                "--timeout", "20s");
        assertThat(cli.exitCode()).isEqualTo(4);
        assertThat(cli.err()).contains("TLS certificate is not trusted");
    }

    @Test
    void aMissingCacertFileIsABadArgument() {
        Cli cli = Cli.run("wait", url(), "--cacert", dir.resolve("nope.pem").toString());
        assertThat(cli.exitCode()).isEqualTo(4);
        assertThat(cli.err()).contains("nope.pem cannot be read");
    }
}
