package io.asyncops.cli.follow;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.server.Planes;
import io.asyncops.client.LroClient;
import io.asyncops.client.PollerOptions;
import io.asyncops.protocol.Json;
import io.asyncops.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real asyncops server with the planes {@code asyncops serve} runs ({@link Planes#all()}: the ARM plane's
 * Microsoft.Sql emulator and the classic plane's BizTalk Services), on free HTTP and HTTPS ports, H2 in a temp dir,
 * real JWTs, at a time scale that makes the emulated operations last about a second.
 */
final class ServedPlanes implements AutoCloseable {
    static final String SUB = TestServer.SUB;
    static final String OTHER_SUB = TestServer.OTHER_SUB;

    private final TestServer server;

    private ServedPlanes(TestServer server) {
        this.server = server;
    }

    static ServedPlanes start(Path dataDir, double timeScale) {
        return new ServedPlanes(TestServer.start(dataDir, b -> b.timeScale(timeScale).planes(Planes.all())));
    }

    TestServer server() {
        return server;
    }

    /** A token granting {@link #SUB}. */
    String token() {
        return server.token();
    }

    /** A token granting {@link #OTHER_SUB} only. */
    String strangerToken() {
        return server.token(List.of(OTHER_SUB));
    }

    /** A client with {@link #token()} and a one-minute bound. */
    LroClient client() {
        return client(token());
    }

    LroClient client(String token) {
        return LroClient.create(PollerOptions.custom().bearerToken(() -> token).timeout(Duration.ofSeconds(60))
                .build());
    }

    URI http(String pathAndQuery) {
        return server.http(pathAndQuery);
    }

    /** A plain HTTP request (no poller) with {@link #token()}; {@code headers} may set a Content-Type for the body. */
    HttpResponse<String> send(String method, URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder b = server.request(uri);
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return server.send(b);
    }

    static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
