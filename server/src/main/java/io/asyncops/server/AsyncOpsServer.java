package io.asyncops.server;

import io.asyncops.engine.Engine;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.identity.ServicePrincipals;
import io.asyncops.server.internal.tls.TlsMaterial;
import io.asyncops.server.spi.Plane;
import io.asyncops.server.spi.PlaneSetup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asyncops HTTP server: the engine, the planes' routes and the generic operation routes behind HTTP and HTTPS
 * listeners, with authentication, request ids, one error table, health and metrics.
 *
 * <pre>{@code
 * try (AsyncOpsServer server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).addPlane(plane).build())) {
 *     URI base = server.httpUri();
 * }
 * }</pre>
 *
 * <p>Start order: data dir, database (an H2 file is shared with local tools, see {@code H2Share}), the identity
 * endpoint's tables and first key, {@link Plane#prepare} of each plane, the provider core's store and handlers
 * (the planes' and {@link ServerConfig#resourceTypes()}), engine, the provider core on it, routing, listeners. Closing stops
 * the listeners (requests in flight get the grace period), then the engine (its operations resume on the next start
 * or on another node), then the database.
 */
public final class AsyncOpsServer implements AutoCloseable {
    /** The name of the HTTPS listener. */
    public static final String HTTPS_SOCKET = "https";
    private static final Logger LOG = LoggerFactory.getLogger(AsyncOpsServer.class);

    private final ServerAssembly.Assembled parts;
    private final ServerConfig config;
    private final TokenMinter tokens;
    private final ServicePrincipals servicePrincipals;
    private final AtomicBoolean running = new AtomicBoolean(true);

    private AsyncOpsServer(ServerAssembly.Assembled parts) {
        this.parts = parts;
        this.config = parts.config();
        this.tokens = TokenMinter.of(parts.database().dataSource(), config.clock());
        this.servicePrincipals = ServicePrincipals.of(parts.database().dataSource(), config.clock());
    }

    /**
     * Starts a server; returns once every listener accepts connections.
     *
     * @throws IllegalStateException when a port is taken, the database cannot be opened, or a plane fails to prepare
     */
    public static AsyncOpsServer start(ServerConfig config) {
        AsyncOpsServer started = new AsyncOpsServer(ServerAssembly.start(config));
        LOG.info("asyncops serving on {}{}", started.httpUri(), started.httpsUri().map(u -> " and " + u).orElse(""));
        return started;
    }

    /** What the routing was built from (tests rebuild it to list the registered routes). */
    ServerRouting.Pipeline pipeline() {
        return parts.pipeline();
    }

    /** The bound HTTP port (the picked one when configured as 0). */
    public int httpPort() {
        return parts.webServer().port();
    }

    /** The bound HTTPS port, empty when HTTPS is off. */
    public Optional<Integer> httpsPort() {
        return config.httpsPort().isPresent() ? Optional.of(parts.webServer().port(HTTPS_SOCKET)) : Optional.empty();
    }

    /** {@code http://<host>:<port>} of the HTTP listener. */
    public URI httpUri() {
        return URI.create("http://" + displayHost() + ":" + httpPort());
    }

    /** {@code https://localhost:<port>} of the HTTPS listener (the name the self-signed certificate carries). */
    public Optional<URI> httpsUri() {
        return httpsPort().map(p -> URI.create("https://localhost:" + p));
    }

    /** The self-signed certificate clients should trust, when HTTPS runs on one. */
    public Optional<Path> selfSignedCertificate() {
        boolean selfSigned = config.httpsPort().isPresent() && config.tlsCertificate().isEmpty()
                && config.tlsKeystore().isEmpty();
        return selfSigned ? Optional.of(TlsMaterial.selfSignedCertificate(config.dataDir())) : Optional.empty();
    }

    public Engine engine() {
        return parts.engine();
    }

    /**
     * Mints dev tokens this server (and every node of its database) accepts, e.g.
     * {@code server.tokens().mint("tester", List.of(subscription), Duration.ofHours(1))}.
     */
    public TokenMinter tokens() {
        return tokens;
    }

    /**
     * The service principals of this server's identity endpoint (in its database), e.g. to make one for a test:
     * {@code server.servicePrincipals().create("ci", List.of(subscription))}.
     */
    public ServicePrincipals servicePrincipals() {
        return servicePrincipals;
    }

    public DataSource dataSource() {
        return parts.database().dataSource();
    }

    /** The registry behind {@code /metrics}. */
    public PrometheusMeterRegistry meterRegistry() {
        return parts.registry();
    }

    public ServerConfig config() {
        return config;
    }

    private String displayHost() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1")) {
            return host.equals("127.0.0.1") ? "127.0.0.1" : "localhost";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * The last requests answered, oldest first, at most {@link ServerConfig#recentRequests()} of them; empty when
     * that is 0 (the default).
     */
    public List<RecentRequest> recentRequests() {
        return parts.recentRequests() == null ? List.of() : parts.recentRequests().snapshot();
    }

    /**
     * Forgets what requests created, in one transaction: every operation (handlers still running stop without
     * writing anything more) and every row of the tables the planes declared as state
     * ({@link PlaneSetup#stateTables}); the ring of recent requests is emptied too. The schema, the install's
     * secret and keys stay, so tokens minted before stay valid. For tests that reuse one server between cases:
     * milliseconds on H2, where a restart takes a second. Not for a database that other servers share.
     *
     * @throws IllegalStateException when the server is closed
     */
    public void reset() {
        if (!running.get()) {
            throw new IllegalStateException("the server is closed");
        }
        parts.engine().purge(c -> {
            try (Statement s = c.createStatement()) {
                for (String table : parts.stateTables()) {
                    s.executeUpdate("delete from " + table);
                }
            }
        });
        if (parts.recentRequests() != null) {
            parts.recentRequests().clear();
        }
    }

    /** Stops listeners, engine and database, in that order. Idempotent. */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        try {
            parts.webServer().stop();
            parts.guard().close();
        } finally {
            try {
                parts.consoleStreams().close();
                parts.engine().close();
            } finally {
                if (parts.share() != null) {
                    parts.share().close();
                }
                parts.database().close();
                parts.registry().close();
            }
        }
    }
}
