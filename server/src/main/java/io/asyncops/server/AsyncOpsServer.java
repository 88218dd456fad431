package io.asyncops.server;

import com.nimbusds.jose.jwk.RSAKey;
import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.ProviderCore;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.OperationHandler;
import io.asyncops.server.arm.ArmResourceService;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.identity.ServicePrincipals;
import io.asyncops.server.identity.internal.IdentityRoutes;
import io.asyncops.server.identity.internal.Issuer;
import io.asyncops.server.identity.internal.SigningKeys;
import io.asyncops.server.internal.BaseUrls;
import io.asyncops.server.internal.DefaultPlaneContext;
import io.asyncops.server.internal.console.ChangeLog;
import io.asyncops.server.internal.console.ConsoleService;
import io.asyncops.server.internal.console.ConsoleStreams;
import io.asyncops.server.internal.logging.LifecycleLog;
import io.asyncops.server.internal.metrics.OperationGauges;
import io.asyncops.server.internal.metrics.StreamMetrics;
import io.asyncops.server.internal.openapi.OpenApiService;
import io.asyncops.server.internal.auth.AuthFilter;
import io.asyncops.server.internal.auth.JwtAuthenticator;
import io.asyncops.server.internal.db.H2Share;
import io.asyncops.protocol.Limits;
import io.asyncops.server.internal.http.ArmPathNormalizer;
import io.asyncops.server.internal.http.ConnectionGuard;
import io.asyncops.server.internal.http.ErrorTable;
import io.asyncops.server.internal.http.Fallback;
import io.asyncops.server.internal.http.HealthService;
import io.asyncops.server.internal.http.MetricsService;
import io.asyncops.server.internal.http.RecentRequests;
import io.asyncops.server.internal.http.RequestFilter;
import io.asyncops.server.internal.http.SlashFilter;
import io.asyncops.server.internal.metrics.HttpMetrics;
import io.asyncops.server.internal.metrics.OperationMetrics;
import io.asyncops.server.internal.operations.OperationListService;
import io.asyncops.server.internal.operations.OperationStatusService;
import io.asyncops.server.internal.resources.ResourcesService;
import io.asyncops.server.internal.throttle.ThrottleFilter;
import io.asyncops.server.internal.operations.RenderedMonitors;
import io.asyncops.server.internal.tls.TlsMaterial;
import io.asyncops.server.spi.Plane;
import io.asyncops.server.spi.PlaneContext;
import io.asyncops.server.spi.PlaneSetup;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.helidon.common.socket.SocketOptions;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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
    /** Changed operations remembered for the console streams between two reads (more: they reload). */
    private static final int CHANGE_LOG_CAPACITY = 20_000;
    /** Console change streams one node serves at once. */
    private static final int MAX_CONSOLE_STREAMS = 64;

    private final ServerConfig config;
    private final Database database;
    private final H2Share share;
    private final Engine engine;
    private final PrometheusMeterRegistry registry;
    private final ConsoleStreams consoleStreams;
    private final Pipeline pipeline;
    private final WebServer webServer;
    private final List<String> stateTables;
    private final RecentRequests recentRequests;
    private final TokenMinter tokens;
    private final ServicePrincipals servicePrincipals;
    private final ConnectionGuard guard;
    private final AtomicBoolean running = new AtomicBoolean(true);

    private AsyncOpsServer(ServerConfig config, Database database, H2Share share, Engine engine,
                           PrometheusMeterRegistry registry, ConsoleStreams consoleStreams, Pipeline pipeline,
                           WebServer webServer, List<String> stateTables, RecentRequests recentRequests,
                           ConnectionGuard guard) {
        this.config = config;
        this.database = database;
        this.share = share;
        this.engine = engine;
        this.registry = registry;
        this.consoleStreams = consoleStreams;
        this.pipeline = pipeline;
        this.webServer = webServer;
        this.stateTables = List.copyOf(stateTables);
        this.recentRequests = recentRequests;
        this.tokens = TokenMinter.of(database.dataSource(), config.clock());
        this.servicePrincipals = ServicePrincipals.of(database.dataSource(), config.clock());
        this.guard = guard;
    }

    /**
     * Starts a server; returns once every listener accepts connections.
     *
     * @throws IllegalStateException when a port is taken, the database cannot be opened, or a plane fails to prepare
     */
    public static AsyncOpsServer start(ServerConfig config) {
        createDataDir(config.dataDir());
        // the TLS context (a first self-signed certificate, the JDK's TLS classes) is made while the database
        // opens and migrates: a quarter of a cold start, off the critical path
        FutureTask<SSLContext> tls = null;
        if (config.httpsPort().isPresent()) {
            tls = new FutureTask<>(() -> sslContext(config));
            Thread.ofVirtual().name("asyncops-tls-setup").start(tls);
        }
        // a database about to be created needs a first signing key: its RSA pair, the slowest part of a first
        // start, is made from now on (on a database that exists, only when it turns out to have no key)
        FutureTask<RSAKey> keyAhead = config.jdbcUrl().isEmpty() && Database.h2Missing(config.dataDir())
                ? SigningKeys.makeAhead() : null;
        Database database;
        try {
            database = config.jdbcUrl().isPresent()
                    ? Database.open(config.jdbcUrl().get(), config.dbUser().orElse(null),
                    config.dbPassword().orElse(null))
                    : Database.h2(config.dataDir());
        } catch (RuntimeException e) {
            settle(keyAhead);
            settle(tls);
            throw e;
        }
        Engine engine = null;
        ConsoleStreams consoleStreams = null;
        H2Share share = null;
        ConnectionGuard guard = null;
        FutureTask<?> firstKey = null;
        try {
            // local tools (asyncops token, asyncops sp) reach the H2 file through this server while it runs
            share = config.jdbcUrl().isPresent() ? null : H2Share.start(config.dataDir());
            Issuer issuer = Issuer.open(database.dataSource(), config.clock());
            if (keyAhead != null) {
                issuer.keys().useAhead(keyAhead);
            }
            // the first key exists before the server listens; made (a 2048-bit RSA pair: on a first start, the
            // largest part of it) while the rest starts, off the critical path like the TLS context
            firstKey = new FutureTask<>(() -> issuer.keys().signingKey());
            Thread.ofVirtual().name("asyncops-signing-key").start(firstKey);
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            if (database.dataSource() instanceof HikariDataSource pool) {
                pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            }
            ChangeLog changes = new ChangeLog(CHANGE_LOG_CAPACITY);
            Setup setup = new Setup(database.dataSource(), config.clock(), config.timeScale(), config);
            for (Plane plane : config.planes()) {
                plane.prepare(setup);
            }
            setup.resourceTypes(config.resourceTypes());
            ResourceTypes types = ResourceTypes.of(setup.resourceTypes);
            EmulatorSettings.Builder emulatorSettings = EmulatorSettings.builder().clock(config.clock())
                    .timeScale(config.timeScale());
            config.faults().forEach(emulatorSettings::fault);
            EmulatorSettings settings = emulatorSettings.build();
            ProviderCore.migrate(database.dataSource());
            setup.stateTables(ProviderCore.STATE_TABLES.toArray(String[]::new));
            types.handlers(database.dataSource(), settings).forEach(setup::handler);
            EngineConfig.Builder engineConfig = EngineConfig.builder(database.dataSource())
                    .clock(config.clock())
                    .retryAfterBounds(config.retryAfterFloor(), config.retryAfterCeiling())
                    .listener(new OperationMetrics(registry))
                    .listener(changes)
                    // a submit runs on its request's thread, whose logging context holds the request's ids
                    .beforeSubmit(s -> s.correlationId() != null ? s : s.withCorrelationId(
                            MDC.get(io.asyncops.protocol.HeaderNames.X_MS_CORRELATION_REQUEST_ID)));
            setup.handlers.forEach(engineConfig::handler);
            config.engineCustomizer().accept(engineConfig);
            // the lifecycle log names the node, which the customizer may have set: build once to learn it
            engineConfig.listener(new LifecycleLog(engineConfig.build().nodeId()));
            engine = Engine.start(engineConfig.build());
            new OperationGauges(engine, registry, config.clock());
            consoleStreams = new ConsoleStreams(engine, changes, MAX_CONSOLE_STREAMS);

            AtomicBoolean engineUp = new AtomicBoolean(true);
            guard = new ConnectionGuard(config.headerTimeout(), config.bodyTimeout(), registry);
            Pipeline pipeline = new Pipeline(config, database.dataSource(), engine,
                    ProviderCore.create(types, database.dataSource(), settings, engine), registry, consoleStreams,
                    new StreamMetrics(registry), setup.armWords,
                    new JwtAuthenticator(config.auth(), issuer, config.clock()), issuer,
                    () -> engineUp.get() && reachable(database.dataSource()), guard, setup.requestIdKinds);
            HttpRouting.Builder routing = HttpRouting.builder();
            RecentRequests recent = config.recentRequests() > 0 ? new RecentRequests(config.recentRequests()) : null;
            if (recent != null) {
                routing.addFilter(recent); // first, so that it sees every answer's final status
            }
            routing(routing, pipeline);
            await(firstKey, "the first signing key");
            settle(keyAhead); // taken by the first key; were it not, its thread still ends before the server starts
            WebServer server = WebServer.create(listeners(config, routing, tls, guard)).start();
            AsyncOpsServer started = new AsyncOpsServer(config, database, share, engine, registry, consoleStreams,
                    pipeline, server, setup.stateTables, recent, guard);
            LOG.info("asyncops serving on {}{}", started.httpUri(),
                    started.httpsUri().map(u -> " and " + u).orElse(""));
            return started;
        } catch (RuntimeException e) {
            settle(firstKey); // before the database closes under it
            settle(keyAhead);
            if (guard != null) {
                guard.close();
            }
            if (consoleStreams != null) {
                consoleStreams.close();
            }
            if (engine != null) {
                engine.close();
            }
            if (share != null) {
                share.close();
            }
            database.close();
            settle(tls);
            throw e;
        }
    }

    /**
     * What the routing needs: the configuration, the running engine, the provider core on it, the meter registry,
     * the ARM words the planes declared, the token verifier, the identity endpoint's issuer, the readiness check,
     * the slow-connection guard (may be null) and the operation kinds named by request id.
     */
    record Pipeline(ServerConfig config, DataSource dataSource, Engine engine, ProviderCore providers,
                    PrometheusMeterRegistry registry, ConsoleStreams consoleStreams, StreamMetrics streamMetrics,
                    List<String> armWords, JwtAuthenticator authenticator, Issuer issuer,
                    java.util.function.BooleanSupplier ready, ConnectionGuard guard, List<String> requestIdKinds) {
    }

    /**
     * Builds the whole routing: filters (request ids and limits, ARM path case, authentication), the error table,
     * health, metrics, the generic operation routes, each plane's routes, the one generic ARM resource route, and
     * the 404 fallback. Tests reuse it.
     */
    static void routing(HttpRouting.Builder routing, Pipeline p) {
        BaseUrls urls = new BaseUrls(p.config().publicBaseUrl().orElse(null));
        RenderedMonitors monitors = new RenderedMonitors();
        routing.addFilter(new RequestFilter(p.config().maxBodyBytes(), new HttpMetrics(p.registry()),
                        p.config().clock(), p.guard()))
                .addFilter(new SlashFilter())
                .addFilter(new ArmPathNormalizer(p.armWords()))
                .addFilter(new AuthFilter(p.authenticator()))
                .addFilter(new ThrottleFilter(p.config().throttling(), p.config().clock()));
        ErrorTable.install(routing);
        // the status monitor is the route every client polls: first, and at the routing's root, so that a poll does
        // not walk other services' routes (each service is a list the router enters with a copy of the request's
        // path) to reach it; its templates match no other route's paths, so the order changes no answer
        new OperationStatusService(p.engine(), urls, p.streamMetrics(), monitors).routing(routing);
        routing.register(new HealthService(p.ready()), new MetricsService(p.registry()),
                new OperationListService(p.engine(), urls, p.requestIdKinds(), monitors));
        routing.register(new ConsoleService(p.engine(), urls, p.consoleStreams(), p.streamMetrics(), p.providers()),
                new OpenApiService());
        IdentityRoutes.register(routing, p.issuer(), urls);
        routing.register(new ResourcesService(p.providers(), urls));
        PlaneContext context = new DefaultPlaneContext(p.engine(), p.providers(), p.dataSource(), p.config().clock(),
                p.config().timeScale(), urls, p.registry());
        for (Plane plane : p.config().planes()) {
            plane.routing(routing, context);
        }
        routing.register(new ArmResourceService(context));
        Fallback.install(routing);
    }

    /** What the routing was built from (tests rebuild it to list the registered routes). */
    Pipeline pipeline() {
        return pipeline;
    }

    private static WebServerConfig listeners(ServerConfig config, HttpRouting.Builder routing,
                                             FutureTask<SSLContext> tls, ConnectionGuard guard) {
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
            SSLContext ssl = await(tls, "the TLS context");
            ListenerConfig.Builder https = ListenerConfig.builder()
                    .host(config.host())
                    .port(config.httpsPort().get())
                    .maxPayloadSize(config.maxBodyBytes())
                    .directHandlers(Fallback.directHandlers())
                    .shutdownGracePeriod(config.shutdownGrace())
                    .connectionOptions(connectionOptions())
                    .tls(Tls.builder().sslContext(ssl).build())
                    .routing(routing.copy());
            connections(https, config, guard);
            builder.putSocket(HTTPS_SOCKET, https.build());
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
        // keeps both, guesses between them, and closes connections that speak neither (HTTP/1.0) without their 505
        listener.protocols(List.of(Http1Config.builder()
                        .name("http_1_1")
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

    private static SSLContext sslContext(ServerConfig config) {
        if (config.tlsCertificate().isPresent()) {
            return TlsMaterial.pem(config.tlsCertificate().get(), config.tlsKey().orElseThrow());
        }
        if (config.tlsKeystore().isPresent()) {
            return TlsMaterial.pkcs12(config.tlsKeystore().get(), config.tlsKeystorePassword());
        }
        return TlsMaterial.selfSigned(config.dataDir());
    }

    /** What a start-up task made in the background ({@code what}); its failure as it would have been thrown here. */
    private static <T> T await(FutureTask<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot make " + what, e.getCause());
        }
    }

    /**
     * After a failed start: lets a background start-up task (the TLS setup, the first signing key) finish, so that
     * nothing writes into the data dir or the database afterwards.
     */
    private static void settle(FutureTask<?> task) {
        if (task != null) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // the start failed already; this failure adds nothing
            }
        }
    }

    /** Whether a connection answers within 2 seconds. */
    private static boolean reachable(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static void createDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
    }

    /** The bound HTTP port (the picked one when configured as 0). */
    public int httpPort() {
        return webServer.port();
    }

    /** The bound HTTPS port, empty when HTTPS is off. */
    public Optional<Integer> httpsPort() {
        return config.httpsPort().isPresent() ? Optional.of(webServer.port(HTTPS_SOCKET)) : Optional.empty();
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
        return engine;
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
        return database.dataSource();
    }

    /** The registry behind {@code /metrics}. */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
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
        return recentRequests == null ? List.of() : recentRequests.snapshot();
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
        engine.purge(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                for (String table : stateTables) {
                    s.executeUpdate("delete from " + table);
                }
            }
        });
        if (recentRequests != null) {
            recentRequests.clear();
        }
    }

    /** Stops listeners, engine and database, in that order. Idempotent. */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        try {
            webServer.stop();
            guard.close();
        } finally {
            try {
                consoleStreams.close();
                engine.close();
            } finally {
                if (share != null) {
                    share.close();
                }
                database.close();
                registry.close();
            }
        }
    }

    /** Collects what the planes declare before the engine starts. */
    private static final class Setup implements PlaneSetup {
        private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
        private final DataSource dataSource;
        private final Clock clock;
        private final double timeScale;
        private final Map<String, OperationHandler> handlers = new LinkedHashMap<>();
        private final List<String> armWords = new ArrayList<>();
        private final List<String> requestIdKinds = new ArrayList<>();
        private final List<String> stateTables = new ArrayList<>();
        private final ServerConfig config;
        private final List<ResourceType> resourceTypes = new ArrayList<>();

        Setup(DataSource dataSource, Clock clock, double timeScale, ServerConfig config) {
            this.dataSource = dataSource;
            this.clock = clock;
            this.timeScale = timeScale;
            this.config = config;
        }

        @Override
        public List<Path> specs() {
            return config.specs();
        }

        @Override
        public Optional<Path> providersConfig() {
            return config.providersConfig();
        }

        @Override
        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        public PlaneSetup handler(String kind, OperationHandler handler) {
            if (handlers.putIfAbsent(kind, handler) != null) {
                throw new IllegalArgumentException("two handlers for operation kind " + kind);
            }
            return this;
        }

        @Override
        public PlaneSetup operationsByRequestId(String kindPrefix) {
            requestIdKinds.add(java.util.Objects.requireNonNull(kindPrefix, "kindPrefix == null"));
            return this;
        }

        @Override
        public PlaneSetup armSegments(String... canonicalSpellings) {
            armWords.addAll(List.of(canonicalSpellings));
            return this;
        }

        @Override
        public PlaneSetup stateTables(String... tables) {
            for (String table : tables) {
                if (table == null || !SQL_NAME.matcher(table).matches()) {
                    throw new IllegalArgumentException("not a plain SQL table name: " + table);
                }
                stateTables.add(table);
            }
            return this;
        }

        @Override
        public PlaneSetup resourceTypes(java.util.Collection<ResourceType> types) {
            resourceTypes.addAll(types);
            return this;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public double timeScale() {
            return timeScale;
        }
    }
}
