package io.asyncops.server;

import com.nimbusds.jose.jwk.RSAKey;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.ProviderCore;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.protocol.HeaderNames;
import io.asyncops.server.identity.internal.Issuer;
import io.asyncops.server.identity.internal.SigningKeys;
import io.asyncops.server.internal.auth.JwtAuthenticator;
import io.asyncops.server.internal.console.ChangeLog;
import io.asyncops.server.internal.console.ConsoleStreams;
import io.asyncops.server.internal.db.H2Share;
import io.asyncops.server.internal.http.ConnectionGuard;
import io.asyncops.server.internal.http.RecentRequests;
import io.asyncops.server.internal.logging.LifecycleLog;
import io.asyncops.server.internal.metrics.OperationGauges;
import io.asyncops.server.internal.metrics.OperationMetrics;
import io.asyncops.server.internal.metrics.StreamMetrics;
import io.asyncops.server.internal.tls.TlsMaterial;
import io.asyncops.server.spi.Plane;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;
import org.slf4j.MDC;

/**
 * Starting a server: data dir, database (an H2 file is shared with local tools, see {@code H2Share}), the identity
 * endpoint's tables and first key, {@link Plane#prepare} of each plane, the provider core's store and handlers (the
 * planes' and {@link ServerConfig#resourceTypes()}), engine, the provider core on it, routing, listeners. A start
 * that fails closes what it opened, in the reverse order, and leaves no background task writing.
 */
final class ServerAssembly {
    /** Changed operations remembered for the console streams between two reads (more: they reload). */
    private static final int CHANGE_LOG_CAPACITY = 20_000;
    /** Console change streams one node serves at once. */
    private static final int MAX_CONSOLE_STREAMS = 64;

    /** What a started server holds, closed by {@link AsyncOpsServer#close()}. */
    record Assembled(ServerConfig config, Database database, H2Share share, Engine engine,
                     PrometheusMeterRegistry registry, ConsoleStreams consoleStreams, ServerRouting.Pipeline pipeline,
                     WebServer webServer, List<String> stateTables, RecentRequests recentRequests,
                     ConnectionGuard guard) {
        Assembled {
            stateTables = List.copyOf(stateTables);
        }
    }

    private ServerAssembly() {
    }

    /** Starts everything; returns once every listener accepts connections. */
    static Assembled start(ServerConfig config) {
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
            PlaneDeclarations setup = new PlaneDeclarations(database.dataSource(), config);
            for (Plane plane : config.planes()) {
                plane.prepare(setup);
            }
            setup.resourceTypes(config.resourceTypes());
            ResourceTypes types = ResourceTypes.of(setup.resourceTypes());
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
                            MDC.get(HeaderNames.X_MS_CORRELATION_REQUEST_ID)));
            setup.handlers().forEach(engineConfig::handler);
            config.engineCustomizer().accept(engineConfig);
            // the lifecycle log names the node, which the customizer may have set: build once to learn it
            engineConfig.listener(new LifecycleLog(engineConfig.build().nodeId()));
            engine = Engine.start(engineConfig.build());
            new OperationGauges(engine, registry, config.clock());
            consoleStreams = new ConsoleStreams(engine, changes, MAX_CONSOLE_STREAMS);

            AtomicBoolean engineUp = new AtomicBoolean(true);
            guard = new ConnectionGuard(config.headerTimeout(), config.bodyTimeout(), registry);
            ServerRouting.Pipeline pipeline = new ServerRouting.Pipeline(config, database.dataSource(), engine,
                    ProviderCore.create(types, database.dataSource(), settings, engine), registry, consoleStreams,
                    new StreamMetrics(registry), setup.armWords(),
                    new JwtAuthenticator(config.auth(), issuer, config.clock()), issuer,
                    () -> engineUp.get() && reachable(database.dataSource()), guard, setup.requestIdKinds());
            HttpRouting.Builder routing = HttpRouting.builder();
            RecentRequests recent = config.recentRequests() > 0 ? new RecentRequests(config.recentRequests()) : null;
            if (recent != null) {
                routing.addFilter(recent); // first, so that it sees every answer's final status
            }
            ServerRouting.routing(routing, pipeline);
            await(firstKey, "the first signing key");
            settle(keyAhead); // taken by the first key; were it not, its thread still ends before the server starts
            FutureTask<SSLContext> tlsMade = tls;
            WebServer server = WebServer.create(Listeners.of(config, routing,
                    () -> await(tlsMade, "the TLS context"), guard)).start();
            return new Assembled(config, database, share, engine, registry, consoleStreams, pipeline, server,
                    setup.stateTables(), recent, guard);
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
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
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
}
