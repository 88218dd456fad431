package io.asyncops.server.spi;

import io.asyncops.emulator.ResourceType;
import io.asyncops.engine.OperationHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    /**
     * Declares the plane's tables that hold what requests create (resources, operation handles), in an order they
     * can be emptied in (children before parents). {@code AsyncOpsServer.reset()} empties them in the transaction
     * that deletes the engine's operations; the plane's other tables (settings, keys) and its Flyway history stay.
     * (The provider core's store, where declared resource types live, is emptied by the server itself.)
     *
     * @throws IllegalArgumentException when a name is not a plain SQL identifier
     */
    PlaneSetup stateTables(String... tables);

    /** The server's clock (the engine's too). */
    Clock clock();

    /** Multiplies every emulated duration: 0.1 makes provisioning ten times faster. Positive. */
    double timeScale();

    /** The OpenAPI spec files and folders to serve providers from ({@code --spec}); empty by default. */
    default List<Path> specs() {
        return List.of();
    }

    /** The durations file of spec-loaded types ({@code --providers-config}), if any. */
    default Optional<Path> providersConfig() {
        return Optional.empty();
    }
}
