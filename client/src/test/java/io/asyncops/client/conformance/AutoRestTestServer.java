package io.asyncops.client.conformance;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The AutoRest test server ({@code @microsoft.azure/autorest.testserver}, installed by the build with npm ci),
 * started on a free port and stopped by its PID. Shared by the client's conformance suite and the CLI tests.
 */
public final class AutoRestTestServer implements AutoCloseable {
    /** Where the build installs the package; overridable with {@code -Dautorest.testserver.dir}. */
    public static final String DIR_PROPERTY = "autorest.testserver.dir";

    private final Process process;
    private final URI base;
    private final Path installDir;

    private AutoRestTestServer(Process process, URI base, Path installDir) {
        this.process = process;
        this.base = base;
        this.installDir = installDir;
    }

    /** Why the server cannot run here ({@code node} missing), or empty when it can. */
    public static Optional<String> unavailableReason() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.empty()
                    : Optional.of("`node --version` failed; the AutoRest test server needs Node.js");
        } catch (IOException e) {
            return Optional.of("node is not installed (" + e.getMessage() + "); the AutoRest test server needs Node.js");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for node");
        }
    }

    /** Starts the server on a free port and waits until {@code GET /report/azure} answers 200. */
    public static AutoRestTestServer start() throws IOException {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, "target/autorest-testserver")).toAbsolutePath();
        Path cli = dir.resolve("node_modules/@microsoft.azure/autorest.testserver/dist/cli/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("The AutoRest test server is not installed at " + cli
                    + ": run the Maven build (it runs npm ci in process-test-resources), e.g. ./mvnw -pl client verify");
        }
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log = dir.resolve("server-" + port + ".log");
            Process process = new ProcessBuilder(List.of("node", cli.toString(), "run", "--port", Integer.toString(port),
                    "--coverageDirectory", dir.resolve("coverage-" + port).toString()))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            AutoRestTestServer server = new AutoRestTestServer(process, URI.create("http://localhost:" + port), dir);
            try {
                server.awaitReady();
                return server;
            } catch (RuntimeException notReady) {
                server.close();
                lastFailure = new IOException("The AutoRest test server did not become ready on port " + port
                        + " (see " + log + ")", notReady);
            }
        }
        throw lastFailure;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest report = HttpRequest.newBuilder(base.resolve("/report/azure")).timeout(Duration.ofSeconds(5)).build();
        await("AutoRest test server at " + base).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsMatching(e -> e instanceof IOException)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the server process exited with " + process.exitValue());
                    }
                    return http.send(report, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /** The server's base URL, e.g. {@code http://localhost:41234}. */
    public URI baseUri() {
        return base;
    }

    /** A URL on the server. */
    public URI url(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** Where the package is installed (its swagger files are under node_modules). */
    public Path installDir() {
        return installDir;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
