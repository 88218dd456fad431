package io.asyncops.server.spi;

import io.asyncops.emulator.ResourceType;
import io.asyncops.engine.OperationHandler;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * What a plane gets before the engine starts, in {@link Plane#prepare}.
 */
public interface PlaneSetup {

    /** The database the engine uses; the plane's own tables live here too (prefixed, own Flyway history table). */
    DataSource dataSource();

    /** Registers the handler of operations of {@code kind} (e.g. {@code Microsoft.Sql/servers/write}); one per kind. */
    PlaneSetup handler(String kind, OperationHandler handler);

    /**
     * Declares the fixed path segments of the plane's ARM routes in their canonical spelling (resource types,
     * provider namespaces, actions: {@code "Microsoft.Sql"}, {@code "servers"}, {@code "firewallRules"},
     * {@code "export"}). ARM paths are case-insensitive: before routing, the server rewrites every fixed segment of a
     * {@code /subscriptions/...} path to the declared spelling, so routes are written once, in canonical case.
     * Names ({@code {rg}}, {@code {server}}) keep the case given. The generic words ({@code subscriptions},
     * {@code resourceGroups}, {@code providers}, {@code locations}, {@code operationStatuses},
     * {@code operationResults}) are declared by the server.
     */
    PlaneSetup armSegments(String... canonicalSpellings);

    /**
     * Declares resource types for the provider core: ARM types are served by the server's one generic ARM route
     * (their operation handlers are registered for the plane); other types (the classic plane's) by the plane's own
     * routes through {@link PlaneContext#providers()}.
     */
    PlaneSetup resourceTypes(java.util.Collection<ResourceType> types);

    /** The server's clock (the engine's too). */
    Clock clock();

    /** Multiplies every emulated duration: 0.1 makes provisioning ten times faster. Positive. */
    double timeScale();
}
