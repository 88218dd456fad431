package io.asyncops.server.spi;

import io.helidon.webserver.http.HttpRouting;

/**
 * A family of HTTP routes and the operation handlers behind them (the ARM plane, the classic plane, a test plane).
 *
 * <p>Life cycle: {@link #prepare} once, before the engine starts (create own tables with an own Flyway history
 * table, register operation handlers); then {@link #routing} once, after the engine runs. Rule: a plane's routes
 * report every error by throwing {@link ApiException} (or letting an engine exception through); they never write
 * an error body themselves, so every error has the same shape.
 */
public interface Plane {

    /** A short name for logs and metrics: {@code "arm"}, {@code "classic"}, {@code "test"}. */
    String name();

    /** Before the engine starts: creates the plane's own tables and registers its operation handlers. */
    void prepare(PlaneSetup setup);

    /** After the engine runs: registers the plane's HTTP routes. */
    void routing(HttpRouting.Builder routing, PlaneContext context);
}
