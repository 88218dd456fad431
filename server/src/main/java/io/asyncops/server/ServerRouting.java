package io.asyncops.server;

import io.asyncops.emulator.ProviderCore;
import io.asyncops.engine.Engine;
import io.asyncops.server.arm.ArmResourceService;
import io.asyncops.server.identity.internal.IdentityRoutes;
import io.asyncops.server.identity.internal.Issuer;
import io.asyncops.server.internal.BaseUrls;
import io.asyncops.server.internal.DefaultPlaneContext;
import io.asyncops.server.internal.auth.AuthFilter;
import io.asyncops.server.internal.auth.JwtAuthenticator;
import io.asyncops.server.internal.console.ConsoleService;
import io.asyncops.server.internal.console.ConsoleStreams;
import io.asyncops.server.internal.http.ArmPathNormalizer;
import io.asyncops.server.internal.http.ConnectionGuard;
import io.asyncops.server.internal.http.ErrorTable;
import io.asyncops.server.internal.http.Fallback;
import io.asyncops.server.internal.http.HealthService;
import io.asyncops.server.internal.http.MetricsService;
import io.asyncops.server.internal.http.RequestFilter;
import io.asyncops.server.internal.http.SlashFilter;
import io.asyncops.server.internal.metrics.HttpMetrics;
import io.asyncops.server.internal.metrics.StreamMetrics;
import io.asyncops.server.internal.openapi.OpenApiService;
import io.asyncops.server.internal.operations.OperationListService;
import io.asyncops.server.internal.operations.OperationStatusService;
import io.asyncops.server.internal.operations.RenderedMonitors;
import io.asyncops.server.internal.resources.ResourcesService;
import io.asyncops.server.internal.throttle.ThrottleFilter;
import io.asyncops.server.spi.Plane;
import io.asyncops.server.spi.PlaneContext;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The server's one routing, built from a {@link Pipeline}: the start-up builds it once per listener, and tests
 * rebuild it (to list the registered routes). The order of the filters is the order requests meet them.
 */
final class ServerRouting {
    private ServerRouting() {
    }

    /**
     * What the routing needs: the configuration, the running engine, the provider core on it, the meter registry,
     * the ARM words the planes declared, the token verifier, the identity endpoint's issuer, the readiness check,
     * the slow-connection guard (may be null) and the operation kinds named by request id.
     */
    record Pipeline(ServerConfig config, DataSource dataSource, Engine engine, ProviderCore providers,
                    PrometheusMeterRegistry registry, ConsoleStreams consoleStreams, StreamMetrics streamMetrics,
                    List<String> armWords, JwtAuthenticator authenticator, Issuer issuer,
                    BooleanSupplier ready, ConnectionGuard guard, List<String> requestIdKinds) {
    }

    /**
     * Builds the whole routing: filters (request ids and limits, ARM path case, authentication), the error table,
     * health, metrics, the generic operation routes, each plane's routes, the one generic ARM resource route, and
     * the 404 fallback.
     */
    static void routing(HttpRouting.Builder routing, Pipeline p) {
        BaseUrls urls = new BaseUrls(p.config().publicBaseUrl().orElse(null));
        RenderedMonitors monitors = new RenderedMonitors(p.config().monitorCacheBytes());
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
}
