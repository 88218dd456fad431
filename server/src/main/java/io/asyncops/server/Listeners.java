package io.asyncops.server;

import io.asyncops.protocol.Limits;
import io.asyncops.server.internal.http.ConnectionGuard;
import io.asyncops.server.internal.http.Fallback;
import io.helidon.common.socket.SocketOptions;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The web server's listeners: HTTP, and HTTPS (named {@link AsyncOpsServer#HTTPS_SOCKET}) when configured, each
 * with the same routing, direct handlers, limits and connection rules.
 */
final class Listeners {
    private Listeners() {
    }

    /** The web server's configuration; {@code tls} is asked for the TLS context only when HTTPS is on. */
    static WebServerConfig of(ServerConfig config, HttpRouting.Builder routing, Supplier<SSLContext> tls,
                              ConnectionGuard guard) {
        WebServerConfig.Builder builder = WebServer.builder()
                .host(config.host())
                .port(config.httpPort())
                .maxPayloadSize(config.maxBodyBytes())
                .directHandlers(Fallback.directHandlers())
                .shutdownGracePeriod(config.shutdownGrace())
                .connectionOptions(connectionOptions())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .routing(routing);
        connections(builder, config, guard);
        if (config.httpsPort().isPresent()) {
            ListenerConfig.Builder https = ListenerConfig.builder()
                    .host(config.host())
                    .port(config.httpsPort().get())
                    .maxPayloadSize(config.maxBodyBytes())
                    .directHandlers(Fallback.directHandlers())
                    .shutdownGracePeriod(config.shutdownGrace())
                    .connectionOptions(connectionOptions())
                    .tls(Tls.builder().sslContext(tls.get()).build())
                    .routing(routing.copy());
            connections(https, config, guard);
            builder.putSocket(AsyncOpsServer.HTTPS_SOCKET, https.build());
        }
        return builder.buildPrototype();
    }

    /**
     * A listener's connection rules: the request line and header sizes of the limits table, the idle timeout (the
     * web server's own), the connection cap, and the guard's header and body deadlines, which the web server lacks.
     */
    private static void connections(ListenerConfig.BuilderBase<?, ?> listener, ServerConfig config,
                                    ConnectionGuard guard) {
        // one HTTP/1 configuration replacing the default, under the default's name: under another name the server
        // keeps both, guesses between them, and closes connections that speak neither (HTTP/1.0) without their 505.
        // The query is left to the routing's URL rules (EdgeChecks: strict UTF-8 percent-decoding, no control
        // character, bounded lengths), which name the fault; the transport's own check answered a bare 400 without
        // saying which part of the request was wrong, and before the request line reached anything that could tell.
        // The path likewise: the transport's check parsed every path with java.net.URI (3% of a status poll's CPU
        // in its profile); the request filter applies the same rules (EdgeChecks.target and .path: no fragment, no
        // relative target, no character java.net.URI refuses), and routes still match the decoded path, as before
        // (a dot segment is not removed: such a path matches no route)
        listener.protocols(List.of(Http1Config.builder()
                        .name("http_1_1")
                        .validatePrologue(false)
                        .validatePath(false)
                        .maxPrologueLength(Limits.REQUEST_LINE)
                        .maxHeadersSize(Limits.HEADERS)
                        .addReceiveListener(guard)
                        .build()))
                .idleConnectionTimeout(config.idleTimeout())
                .idleConnectionPeriod(min(config.idleTimeout().dividedBy(2), Duration.ofSeconds(10)))
                .maxTcpConnections(config.maxConnections());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Options of every accepted connection. {@code TCP_NODELAY}: Helidon writes an answer larger than its write
     * buffer (4 KiB) in several writes; with Nagle's algorithm on, a write after the first waits for the client's
     * ACK, which the client delays by up to 40 ms, so every answer over ~8 KB took 40 ms more than a small one.
     */
    private static SocketOptions connectionOptions() {
        return SocketOptions.builder().tcpNoDelay(true).build();
    }
}
